"""Reports derived from the analysis contract: a self-contained HTML page and a Markdown summary.

Both render purely from `claimgraph.contract.Analysis`, so they work for any contract JSON
(`Analysis.model_validate(json)`), whichever components produced it.
"""

from __future__ import annotations

from claimgraph.render.html import render_html
from claimgraph.render.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
