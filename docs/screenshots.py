"""Screenshots of HTML reports in headless Chromium, 1400 px wide, with checks that nothing is cut.

    python docs/screenshots.py report.html [more.html ...] --out docs/

Uses Debian's chromium through Playwright (`apt-get install chromium`, `pip install playwright`; Playwright's
own browser download is not needed). For each report it writes `<name>.png` (the whole page) and prints
the page height and any element wider than the page (a cut table or a long word), which must be none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const bad = [];
  for (const el of document.querySelectorAll('.cg-report *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible'))
      bad.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
  }
  return {width, height: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth,
          bad: bad.slice(0, 10)};
}"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reports", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("docs"))
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--layer", default=None, help="switch this layer on before the shot (quote, quantity, ...)")
    ap.add_argument("--height", type=int, default=0, help="clip the shot to this height (0: the whole page)")
    ap.add_argument("--from-section", default=None, help="start the clip at this section (quantities, events, ...)")
    ap.add_argument("--open", action="store_true", help="unfold every details section (to check the tables)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    a.out.mkdir(parents=True, exist_ok=True)
    status = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": a.width, "height": 900})
        for report in a.reports:
            page.goto(report.resolve().as_uri())
            if a.layer:
                page.click(f"label.cg-switch.cg-lg-{a.layer}")
            if a.open:
                page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            info = page.evaluate(OVERFLOW_JS)
            name = report.stem + (f"-{a.layer}" if a.layer else "") + ("-details" if a.open else "") + ".png"
            top = 0
            if a.from_section:
                top = page.evaluate(f"() => Math.floor(document.querySelector('.cg-sec-{a.from_section}')"
                                    ".getBoundingClientRect().top + scrollY)")
            clip = {"x": 0, "y": top, "width": a.width, "height": min(a.height, info["height"] - top)} \
                if a.height else None
            page.screenshot(path=str(a.out / name), full_page=True, clip=clip)
            print(f"{name}: {info['width']} x {info['height']} px, page scroll width {info['scrollWidth']}; "
                  f"wider than the page: {info['bad'] or 'none'}")
            if info["bad"] or info["scrollWidth"] > info["width"]:
                status = 1
        browser.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
