"""Offline gazetteer: GeoNames (built from PyPI packages) + our supplement + the user's own files.

Why this shape: the geocoder needs every populated place of >= 500 people with its alternate names
(~270k places, ~900k names) yet must load in well under a second. So the built table
(`data/gazetteer_geonames.tsv.gz`, made by `bench/build_gazetteer.py`) is kept as raw lines and
parsed only when a name hits, and its names live in one sorted list searched by bisection
(`data/gazetteer_geonames_keys.txt.gz`) instead of a dict built at load time.

Layers, later ones winning:
  1. GeoNames rows: countries, continents, first/second-order divisions, cities >= 500 people.
  2. `data/gazetteer_supplement.csv` (ours, with a provenance column): regions and landforms no city
     list holds, countries at their GeoNames points where the Factbook point differs, US state
     abbreviations, English forms of division names. A row whose `id` is a GeoNames id amends that
     row (aliases added; coordinates replaced when given) instead of adding a place.
  Then a country's point (GeoNames' or the supplement's amendment of it) is moved halfway towards the centre
  a second public convention gives it (`data/gazetteer_country_centres.tsv`, Google's DSPL table) when the two
  lie within 2 x COUNTRY_TOLERANCE_KM of each other (`country_point`). This is a compromise between two
  conventions chosen for the 161 km tolerance of the usual acc@161 measure: the point matches neither
  published source exactly (median distance to either grows), but is within 161 km of both. A point given in a
  user file is never moved.
  3. User files: CSV with columns name, aliases ("|"-separated), lat, lon, country, feature (and
     optionally admin1, population, id), given as `load_gazetteer(extra=[path])` or in the env var
     CLAIMGRAPH_GAZETTEER (paths separated by os.pathsep).

`load_gazetteer()` is cached per process and per set of user files; there is no other global state.

Start-up: decompressing and splitting the two tables costs about 0.4 s of CPU, a fifth of a cold
`claimgraph analyze`. So the first load also writes them, uncompressed with a table of line offsets, to one
file each in a cache folder (`$CLAIMGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/claimgraph`, else
`~/.cache/claimgraph`; `none` turns it off), named after the table's content (size, CRC); later loads,
in any process, map that file into memory and decode only the lines a look-up reads (`MappedLines`), which
costs milliseconds, and worker processes share its pages instead of each holding ~100 MB of strings.
"""

from __future__ import annotations

import array
import bisect
import csv
import functools
import gzip
import math
import mmap
import os
import re
import struct
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

DATA = Path(__file__).resolve().parent / "data"
ROWS_FILE = DATA / "gazetteer_geonames.tsv.gz"
KEYS_FILE = DATA / "gazetteer_geonames_keys.txt.gz"
SUPPLEMENT_FILE = DATA / "gazetteer_supplement.csv"
DEMONYMS_FILE = DATA / "gazetteer_demonyms.tsv"
CENTRES_FILE = DATA / "gazetteer_country_centres.tsv"
#: marks a row read from a user's file (`_load`): its coordinates are kept as given, never moved by country_point
USER_ROW = "\x00user"
#: how far a country's point may sit from a convention's point and still count as that country's point: the
#: 161 km (100 miles) of the usual geocoding measure (acc@161), which readers of a map also tolerate
COUNTRY_TOLERANCE_KM = 161.0
ENV_VAR = "CLAIMGRAPH_GAZETTEER"
SEP = "\x1f"  # between a key and its row number in the keys file (sorts below every printable char)
CACHE_ENV = "CLAIMGRAPH_CACHE_DIR"
#: a mapped table file (this machine's byte order): magic, line count n, n + 1 offsets into the text (uint64),
#: then the text
_MAGIC = b"CGLINES1"
#: one key in this many is kept in memory, so a look-up bisects a short list, then a few mapped lines
_SPARSE = 64
#: keys whose rows a gazetteer remembers (a few MB at most)
_ROWS_MEMO = 20_000

FEATURES = ("country", "admin1", "admin2", "city", "district", "region", "landform", "water", "facility")

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                       "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Match key of a place name: diacritics folded, lower case, "the " and a possessive dropped,
    hyphens and runs of spaces as one space ("Al-Lādhiqīyah" -> "al ladhiqiyah"); a short
    abbreviation keeps its final dot ("Ga." -> "ga.")."""
    raw = name.strip()
    # a short abbreviation keeps its final dot, so "Miss." (Mississippi) is not the title "Miss"
    abbrev = raw.endswith(".") and len(raw) <= 6 and " " not in raw
    s = unicodedata.normalize("NFKD", name.translate(_APOS))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().translate(_SPECIAL)
    s = re.sub(r"[\s\-]+", " ", s).strip(" .,;:\"'()")
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s$|'$", "", s)
    s = s.strip(" .,;:\"'()")
    return s + "." if abbrev and s else s


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    gid: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    population: int
    source: str = "geonames"


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the sphere (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def country_point(point: tuple[float, float], centre: tuple[float, float] | None) -> tuple[float, float]:
    """Where to put a country: a country has no one point, and the public conventions differ by up to a few
    hundred km (GeoNames' and the Factbook's rounded degrees, Google's DSPL and Wikipedia's centres). When
    GeoNames' point and the second convention's centre are within 2 x COUNTRY_TOLERANCE_KM, their spherical
    midpoint is within the tolerance of both, so a reader (or a scorer) holding either convention finds the
    country where it expects; further apart, they disagree on more than a rounding and GeoNames' point stays."""
    if centre is None or great_circle_km(*point, *centre) > 2 * COUNTRY_TOLERANCE_KM:
        return point
    la1, lo1, la2, lo2 = map(math.radians, (*point, *centre))
    bx, by = math.cos(la2) * math.cos(lo2 - lo1), math.cos(la2) * math.sin(lo2 - lo1)
    lat = math.atan2(math.sin(la1) + math.sin(la2), math.hypot(math.cos(la1) + bx, by))
    lon = lo1 + math.atan2(by, math.cos(la1) + bx)
    return round(math.degrees(lat), 4), round((math.degrees(lon) + 540) % 360 - 180, 4)


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


class Gazetteer:
    """Name -> candidate places. Use `load_gazetteer()`; the constructor is for tests and tools."""

    def __init__(self, rows: Sequence[str], keys: Sequence[str], extra_rows: list[dict[str, str]] | None = None,
                 demonyms: dict[str, str] | None = None,
                 centres: dict[str, tuple[float, float]] | None = None) -> None:
        self._rows = rows
        self._keys = keys
        #: every _SPARSE-th key, when the keys are mapped lines (a list is bisected directly)
        self._sparse = [keys[i] for i in range(0, len(keys), _SPARSE)] if isinstance(keys, MappedLines) else []
        self._parsed: dict[int, Entry] = {}
        self._rows_memo: dict[str, tuple[int, ...]] = {}  # key -> its rows (_rows_for)
        self._extra: dict[str, list[Entry]] = {}  # key -> entries from supplement / user files
        self._alias_of: dict[str, list[str]] = {}  # key -> GeoNames gids amended by the supplement
        self._override: dict[str, Entry] = {}  # gid -> amended entry
        self._by_gid: dict[str, Entry] = {}
        self.demonyms = demonyms or {}
        #: ISO2 -> a second convention's country centre (`country_point`)
        self._centres = centres or {}
        for row in extra_rows or []:
            self._add_extra(row)

    # -- building ---------------------------------------------------------------------------------
    def _add_extra(self, row: dict[str, str]) -> None:
        name = (row.get("name") or "").strip()
        gid = (row.get("id") or "").strip()
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        lat, lon = _float(row.get("lat")), _float(row.get("lon"))
        if gid.startswith("geonames:"):
            # found through its own names (a scan of every row by id would cost more than the load)
            base = next((self._entry(i) for n in [name] + aliases for i in self._rows_for(key(n))
                         if self._rows[i].startswith(gid + "\t")), None)
            if base is not None:
                self._by_gid.setdefault(gid, base)
                if lat is not None and lon is not None:
                    # a division whose point alone is corrected keeps its GeoNames standing (resolution priors)
                    source = base.source if base.feature in ("admin1", "admin2") else "supplement"
                    base = Entry(base.gid, base.name, lat, lon, base.country, base.admin1, base.feature,
                                 base.population, source)
                    if not row.get(USER_ROW):  # a point the user gives is theirs to keep
                        base = self._placed(base)
                    self._override[gid] = base
                    self._by_gid[gid] = base
                    self._parsed = {i: e for i, e in self._parsed.items() if e.gid != gid}
                for n in [name] + aliases:
                    k = key(n)
                    if k and gid not in self._alias_of.setdefault(k, []):
                        self._alias_of[k].append(gid)
                return
        if not name or lat is None or lon is None:
            return
        feature = (row.get("feature") or "region").strip().lower()
        entry = Entry(
            gid=gid or f"user:{key(name)}", name=name, lat=lat, lon=lon,
            country=(row.get("country") or "").strip().upper() or None,
            admin1=(row.get("admin1") or "").strip() or None,
            feature=feature if feature in FEATURES else "region",
            population=int(_float(row.get("population")) or 0),
            source=(row.get("source") or "user").strip() or "user",
        )
        self._by_gid[entry.gid] = entry
        for n in [name] + aliases:
            k = key(n)
            if k:
                self._extra.setdefault(k, []).append(entry)

    # -- reading ----------------------------------------------------------------------------------
    def _entry(self, i: int) -> Entry:
        e = self._parsed.get(i)
        if e is None:
            p = self._rows[i].split("\t")
            gid = p[0]
            e = self._override.get(gid) or self._placed(Entry(
                gid=gid, name=p[1], lat=float(p[2]), lon=float(p[3]), country=p[4] or None,
                admin1=p[5] or None, feature=p[6], population=int(p[7] or 0),
            ))
            self._parsed[i] = e
        return e

    def _placed(self, e: Entry) -> Entry:
        """A GeoNames country at its `country_point`; every other entry as it is."""
        if e.feature != "country" or not e.country or e.country not in self._centres:
            return e
        lat, lon = country_point((e.lat, e.lon), self._centres[e.country])
        if (lat, lon) == (e.lat, e.lon):
            return e
        return Entry(e.gid, e.name, lat, lon, e.country, e.admin1, e.feature, e.population, e.source)

    def _rows_for(self, k: str) -> list[int]:
        """The rows named `k`. Remembered per key (the table never changes; at most _ROWS_MEMO keys, then
        forgotten at once, so a stream of any size stays flat): place names repeat within and across
        articles (three look-ups in four are a name seen before), and each look-up of mapped keys decodes a
        block of _SPARSE lines."""
        rows = self._rows_memo.get(k)
        if rows is None:
            if len(self._rows_memo) >= _ROWS_MEMO:
                self._rows_memo.clear()
            rows = self._rows_memo[k] = self._find_rows(k)
        return list(rows)

    def _find_rows(self, k: str) -> tuple[int, ...]:
        keys: Sequence[str] = self._keys
        if self._sparse:  # mapped keys: the block that can hold k, read at once, from the in-memory sample
            lo = max(0, (bisect.bisect_left(self._sparse, k + SEP) - 1) * _SPARSE)
            hi = min(len(keys), bisect.bisect_right(self._sparse, k + "\x20") * _SPARSE)
            keys = self._keys.block(lo, hi)  # type: ignore[attr-defined]
        lo = bisect.bisect_left(keys, k + SEP)
        hi = bisect.bisect_left(keys, k + "\x20", lo)
        return tuple(int(s[len(k) + 1:]) for s in keys[lo:hi])

    def by_gid(self, gid: str) -> Entry | None:
        """Entry by id ("geonames:173576", or a supplement/user id)."""
        if gid in self._by_gid:
            return self._by_gid[gid]
        if gid in self._override:
            return self._override[gid]
        if not gid.startswith("geonames:"):
            return None
        for i in self._rows_by_gid().get(gid, []):
            return self._entry(i)
        return None

    @functools.cached_property
    def _gid_index(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, line in enumerate(self._rows):
            out.setdefault(line[:line.find("\t")], []).append(i)
        return out

    def _rows_by_gid(self) -> dict[str, list[int]]:
        return self._gid_index

    def lookup(self, name: str) -> list[Entry]:
        """Every place called `name` (any alternate name), supplement and user entries first."""
        k = key(name)
        if not k:
            return []
        seen: set[str] = set()
        out: list[Entry] = []
        for e in self._extra.get(k, []):
            if e.gid not in seen:
                seen.add(e.gid)
                out.append(e)
        for gid in self._alias_of.get(k, []):
            e = self.by_gid(gid)
            if e is not None and e.gid not in seen:
                seen.add(e.gid)
                out.append(e)
        for i in self._rows_for(k):
            e = self._entry(i)
            if e.gid not in seen:
                seen.add(e.gid)
                out.append(e)
        return out

    def __contains__(self, name: str) -> bool:
        k = key(name)
        return bool(k) and (k in self._extra or k in self._alias_of or bool(self._rows_for(k)))

    def country(self, iso2: str) -> Entry | None:
        """The country entry for an ISO 3166 alpha-2 code (at its `country_point`)."""
        iso2 = (iso2 or "").upper()
        for e in self.lookup(iso2):
            if e.feature == "country" and e.country == iso2:
                return e
        return self._countries_by_iso.get(iso2)

    @functools.cached_property
    def _countries_by_iso(self) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        for i, line in enumerate(self._rows):
            if "\tcountry\t" in line:
                e = self._entry(i)
                if e.country:
                    out.setdefault(e.country, e)
        for entries in self._extra.values():
            for e in entries:
                if e.feature == "country" and e.country:
                    out[e.country] = e
        return out

    def demonym(self, word: str) -> str | None:
        """ISO2 of the country a demonym or adjective names ("Turkish" -> "TR"), else None."""
        return self.demonyms.get(key(word))


def _read_gz_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    with gzip.open(path, "rb") as f:
        lines = f.read().decode("utf-8").split("\n")
    start = 1 if lines and lines[0].startswith("#") else 0  # one provenance line at the top
    end = len(lines) - 1 if lines and not lines[-1] else len(lines)
    return lines[start:end]


class MappedLines(Sequence[str]):
    """The lines of a cached table, mapped from its file and decoded one by one when read: a list of str to
    bisect.bisect and to the look-ups, without reading the whole table at load."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[:8] != _MAGIC:
            raise ValueError(f"{path}: not a claimgraph table")
        (n,) = struct.unpack_from("=Q", self._map, 8)
        self._text = 16 + 8 * (n + 1)
        self._offsets = memoryview(self._map)[16:self._text].cast("Q")
        if len(self._offsets) != n + 1 or self._text + self._offsets[n] != len(self._map):
            raise ValueError(f"{path}: truncated")
        self._n = n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        base = self._text
        return self._map[base + self._offsets[i]:base + self._offsets[i + 1] - 1].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        for lo in range(0, self._n, 4096):
            yield from self.block(lo, min(self._n, lo + 4096))

    def block(self, lo: int, hi: int) -> list[str]:
        """Lines lo..hi-1, decoded at once."""
        if hi <= lo:
            return []
        base = self._text
        return self._map[base + self._offsets[lo]:base + self._offsets[hi] - 1].decode("utf-8").split("\n")


def _cache_dir() -> Path | None:
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "none", "off") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimgraph"


def _write_table(path: Path, lines: list[str]) -> None:
    """`lines` as a mapped-table file, written beside it and renamed into place (readers never see half)."""
    text = "".join(line + "\n" for line in lines).encode("utf-8")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")) + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + struct.pack("=Q", len(lines)) + array.array("Q", offsets).tobytes())
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    stale = time.time() - 86_400  # other versions of the table, unwritten for a day (another checkout may use one)
    for old in path.parent.glob(path.name.split(".", 1)[0] + ".*.lines"):
        if old != path and old.stat().st_mtime < stale:
            old.unlink(missing_ok=True)


def _table(path: Path) -> Sequence[str]:
    """A gzipped table's lines: mapped from the cache when it holds this version of the table, else read
    (and cached for the next process). A cache that cannot be read or written is skipped, never an error."""
    folder = _cache_dir()
    if folder is None or not path.exists():
        return _read_gz_lines(path)
    with open(path, "rb") as f:  # named by content: a gzip file ends with its content's CRC-32 and length
        f.seek(-8, os.SEEK_END)
        trailer = f.read(8).hex()
    cached = folder / f"{path.name.split('.', 1)[0]}.{path.stat().st_size}-{trailer}.lines"
    try:
        return MappedLines(cached)
    except (OSError, ValueError):
        pass
    lines = _read_gz_lines(path)
    try:
        _write_table(cached, lines)
    except OSError:
        pass
    return lines


def read_csv_rows(path: Path | str) -> list[dict[str, str]]:
    """Rows of a gazetteer CSV (supplement or user file); lines starting with '#' are comments."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return [{(k or "").strip().lower(): (v or "") for k, v in r.items()} for r in csv.DictReader(lines)]


def _read_centres(path: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) from gazetteer_country_centres.tsv (comment lines start with '#')."""
    out: dict[str, tuple[float, float]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        lat, lon = _float(parts[1]), _float(parts[2])
        if lat is not None and lon is not None:
            out[parts[0].strip().upper()] = (lat, lon)
    return out


def _read_demonyms(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            for w in parts[0].split("|"):
                out.setdefault(key(w), parts[1].strip().upper())
    return out


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Gazetteer:
    rows = _table(ROWS_FILE)
    keys = _table(KEYS_FILE)
    extra_rows: list[dict[str, str]] = []
    if SUPPLEMENT_FILE.exists():
        extra_rows += read_csv_rows(SUPPLEMENT_FILE)
    for p in extra:
        extra_rows += [{**r, "source": r.get("source") or "user", USER_ROW: "1"} for r in read_csv_rows(p)]
    return Gazetteer(rows, keys, extra_rows, _read_demonyms(DEMONYMS_FILE), _read_centres(CENTRES_FILE))


def load_gazetteer(extra: list[str | Path] | tuple[str | Path, ...] | None = None) -> Gazetteer:
    """The process-wide gazetteer, plus the user files in `extra` and in $CLAIMGRAPH_GAZETTEER."""
    paths = [str(p) for p in (extra or [])]
    env = os.environ.get(ENV_VAR)
    if env:
        paths += [p for p in env.split(os.pathsep) if p]
    return _load(tuple(paths))
