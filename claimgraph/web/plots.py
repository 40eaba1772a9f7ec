"""Server-side SVG geometry for the map, the timeline and the citation graph (no plotting library, no CDN).

Each function returns plain numbers and labels; the templates draw them and escape every label.
The basemap is Natural Earth 1:50m country outlines (TopoJSON from the npm package world-atlas,
bundled under static/vendor/world-atlas with its licence), decoded here and projected equirectangularly.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ATLAS = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-50m.json.gz"


# --------------------------------------------------------------------------------------------------
# map


@lru_cache(maxsize=1)
def countries() -> list[tuple[str, list[list[tuple[float, float]]], tuple[float, float, float, float]]]:
    """(name, rings of (lon, lat), bbox) per country, decoded from the bundled TopoJSON."""
    topo = json.loads(gzip.decompress(ATLAS.read_bytes()))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(arc[1:] if pts else arc)
        return pts

    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        rings = [ring(r) for poly in polys for r in poly]
        if not rings:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        out.append((geom.get("properties", {}).get("name", ""), rings, (min(lons), min(lats), max(lons), max(lats))))
    return out


@dataclass
class MapFrame:
    """An equirectangular frame fitted to a bounding box, in SVG units."""

    west: float
    south: float
    east: float
    north: float
    width: float = 960.0

    @property
    def kx(self) -> float:
        return self.width / (self.east - self.west)

    @property
    def ky(self) -> float:
        return self.kx / max(math.cos(math.radians((self.north + self.south) / 2)), 0.2)

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.ky

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.kx, (self.north - lat) * self.ky)


def fit(points: list[tuple[float, float]], min_span: float = 6.0, pad: float = 0.08) -> MapFrame:
    """A frame around the points, at least `min_span` degrees wide, padded; the world when there are none."""
    if not points:
        return MapFrame(-180, -60, 180, 84)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    span = max(e - w, (n - s) * 1.5, min_span) * (1 + 2 * pad)
    cx, cy = (w + e) / 2, (s + n) / 2
    west, east = max(cx - span / 2, -180), min(cx + span / 2, 180)
    half_h = max((n - s) * (1 + 2 * pad), span / 1.6) / 2
    return MapFrame(west, max(cy - half_h, -85), east, min(cy + half_h, 85))


def basemap(frame: MapFrame) -> list[tuple[str, str]]:
    """(country name, SVG path) for each country that touches the frame (cached per frame)."""
    return _basemap(frame.west, frame.south, frame.east, frame.north, frame.width)


@lru_cache(maxsize=32)
def _basemap(west: float, south: float, east: float, north: float, width: float) -> list[tuple[str, str]]:
    frame = MapFrame(west, south, east, north, width)
    margin = 2.0
    paths = []
    for name, rings, (w, s, e, n) in countries():
        if e < frame.west - margin or w > frame.east + margin or n < frame.south - margin or s > frame.north + margin:
            continue
        parts = []
        for r in rings:
            cmds = []
            prev_lon = None
            px = py = None
            for lon, lat in r:
                x, y = frame.xy(lon, lat)
                jump = prev_lon is None or abs(lon - prev_lon) > 180
                # points closer than a pixel to the last one drawn add bytes, not shape
                if not jump and px is not None and abs(x - px) < 0.8 and abs(y - py) < 0.8:
                    continue
                cmds.append(f"{'M' if jump else 'L'}{x:.1f} {y:.1f}")
                prev_lon, px, py = lon, x, y
            if len(cmds) > 2:
                parts.append("".join(cmds) + "Z")
        if parts:
            paths.append((name, "".join(parts)))
    return paths


def _core(pts: list[dict[str, Any]], reach: float = 7.0) -> list[tuple[float, float]]:
    """The points the frame is fitted to: those within `reach` degrees of the weighted median place,
    so a few far-off mentions (London in a corpus on Syria) do not shrink the area that matters."""
    local = [p for p in pts if not p["country_level"]] or pts
    weighted = sorted(((p["lon"], p["lat"], sum(p["events"].values()) + p["mentions"]) for p in local),
                      key=lambda t: t[0])
    if len(weighted) < 5:
        return [(x, y) for x, y, _ in weighted]

    def median(axis: int) -> float:
        ordered = sorted(weighted, key=lambda t: t[axis])
        half, acc = sum(t[2] for t in ordered) / 2, 0.0
        for t in ordered:
            acc += t[2]
            if acc >= half:
                return t[axis]
        return ordered[-1][axis]

    mx, my = median(0), median(1)
    return [(x, y) for x, y, _ in weighted if abs(x - mx) <= reach and abs(y - my) <= reach]


def map_points(events: list[dict[str, Any]], places: list[dict[str, Any]], world: bool = False) -> dict[str, Any]:
    """Places (sized by mentions) and events (sized by count, coloured by type) grouped by location."""
    by_place: dict[tuple[float, float], dict[str, Any]] = {}

    def slot_at(row: dict[str, Any], name: str) -> dict[str, Any]:
        # places and events at the same point (3 decimals, ~100 m) share one marker
        key = (round(row["lat"], 3), round(row["lon"], 3))
        return by_place.setdefault(key, {"name": name, "lat": row["lat"], "lon": row["lon"], "mentions": 0,
                                         "documents": set(), "events": Counter(),
                                         "country_level": row.get("feature") in ("country", "region")})

    for p in places:
        if p["lat"] is not None and p["lon"] is not None:
            slot = slot_at(p, p["name"])
            slot["mentions"] += p["mentions"]
            slot["documents"].add(p["doc_id"])
    for ev in events:
        if ev["lat"] is not None and ev["lon"] is not None:
            slot_at(ev, ev["place"])["events"][ev["type"]] += 1
    pts = list(by_place.values())
    frame = fit(_core(pts)) if not world else fit([])
    drawn = []
    biggest = max((sum(p["events"].values()) or p["mentions"] / 3 for p in pts), default=1) or 1
    for p in sorted(pts, key=lambda p: -(sum(p["events"].values()) + p["mentions"])):
        x, y = frame.xy(p["lon"], p["lat"])
        if not (0 <= x <= frame.width and 0 <= y <= frame.height):
            continue
        n_events = sum(p["events"].values())
        top = p["events"].most_common(1)[0][0] if n_events else None
        drawn.append({
            "name": p["name"], "x": round(x, 1), "y": round(y, 1), "events": n_events, "top_type": top,
            "types": p["events"].most_common(), "mentions": p["mentions"], "documents": len(p["documents"]),
            "r": round(3 + 22 * math.sqrt((n_events or p["mentions"] / 3) / biggest), 1),
            "country_level": p["country_level"],
        })
    labelled: list[tuple[float, float, float, float]] = []
    for p in [d for d in drawn if not d["country_level"]][:40]:
        box = (p["x"] + p["r"] + 2, p["y"] - 9, p["x"] + p["r"] + 4 + 7 * len(p["name"]), p["y"] + 5)
        if len(labelled) < 14 and all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]
                                      for b in labelled):
            labelled.append(box)
            p["label"] = True
    outside = len(pts) - len(drawn)
    return {"frame": frame, "basemap": basemap(frame), "points": drawn, "outside": outside, "world": world}


# --------------------------------------------------------------------------------------------------
# timeline

#: One colour per ACLED event type (and the extra types); anything else falls back to grey.
TYPE_COLOURS: dict[str, str] = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d", "Displacement": "#27ae60",
    "Recruitment": "#b7950b", "Organized crime": "#6d4c41", "Natural disaster": "#00838f",
    "Man-made disaster": "#ad1457", "Diplomatic event": "#3949ab", "Attribution of responsibility": "#546e7a",
}


def type_colour(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", "#9e9e9e")


_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def timeline(events: list[dict[str, Any]], width: float = 1200.0, whole: bool = False,
             keep: float = 0.96) -> dict[str, Any]:
    """Events binned by month on x, one row per type; circle area proportional to the count.

    The axis spans the central `keep` share of dated events (a stray 1982 or 2021 would squash the
    years that matter); `whole` spans them all. Events outside the axis are counted, not drawn.
    """
    dated = [e for e in events if e["date"] and _MONTH.match(e["date"])]
    if not dated:
        return {"rows": [], "ticks": [], "width": width, "height": 0, "undated": len(events), "outside": 0}

    def index(month: str) -> int:
        return int(month[:4]) * 12 + int(month[5:7]) - 1

    months = sorted(index(e["date"][:7]) for e in dated)
    if whole or len(months) < 20:
        lo, hi = months[0], months[-1]
    else:
        cut = int(len(months) * (1 - keep) / 2)
        lo, hi = months[cut], months[-1 - cut]
    shown = [e for e in dated if lo <= index(e["date"][:7]) <= hi]
    n_bins = hi - lo + 1
    left, right = 250.0, 30.0
    step = (width - left - right) / max(n_bins, 1)
    row_h = 34.0
    bins_by_type: dict[str, Counter[str]] = {}
    for e in shown:
        bins_by_type.setdefault(e["type"], Counter())[e["date"][:7]] += 1
    biggest = max((c for b in bins_by_type.values() for c in b.values()), default=1)
    max_r = min(row_h / 2 - 2, max(step * 0.75, 4.0))
    rows = []
    types = Counter(e["type"] for e in shown)
    for r, (etype, total) in enumerate(types.most_common()):
        cells = []
        for month, count in sorted(bins_by_type[etype].items()):
            x = left + (index(month) - lo + 0.5) * step
            cells.append({"month": month, "count": count, "x": round(x, 1),
                          "r": round(max(max_r * math.sqrt(count / biggest), 2.5), 1)})
        rows.append({"type": etype, "total": total, "y": round(30 + r * row_h + row_h / 2, 1),
                     "colour": type_colour(etype), "cells": cells})
    tick_every = max(1, math.ceil(n_bins / 12))
    ticks = []
    for i in range(0, n_bins, tick_every):
        m = lo + i
        ticks.append({"x": round(left + (i + 0.5) * step, 1), "label": f"{m // 12}-{m % 12 + 1:02d}"})
    height = 30 + len(rows) * row_h + 30
    return {"rows": rows, "ticks": ticks, "width": width, "height": height, "left": left,
            "undated": len(events) - len(dated), "outside": len(dated) - len(shown), "whole": whole,
            "first": f"{lo // 12}-{lo % 12 + 1:02d}", "last": f"{hi // 12}-{hi % 12 + 1:02d}"}


# --------------------------------------------------------------------------------------------------
# citation graph


def graph_layout(graph: dict[str, Any], width: float = 1100.0) -> dict[str, Any]:
    """Three columns (outlet, cited sources, speakers); node height and edge width follow claims.

    The "(others)" node of a column (everything past its largest nodes) is drawn at most as tall as
    the column's largest named node, marked as not to scale, and the bands into it shrink alike.
    """
    cols: dict[int, list[dict[str, Any]]] = {0: [], 1: [], 2: []}
    for node in graph["nodes"]:
        cols[node["column"]].append(dict(node))
    xs = {0: 200.0, 1: width * 0.47, 2: width * 0.74}
    node_w = 14.0
    gap = 6.0
    named = {c: [n for n in nodes if n["label"] != "(others)"] for c, nodes in cols.items()}
    max_total = max((sum(n["claims"] for n in c) for c in named.values() if c), default=1)
    max_count = max((len(c) for c in cols.values()), default=1)
    usable = max(420.0, max_count * 22.0)
    scale = (usable - gap * max_count) / max(max_total, 1)
    pos: dict[str, dict[str, Any]] = {}
    height = 0.0
    for col, nodes in cols.items():
        y = 10.0
        cap = max((n["claims"] for n in named[col]), default=1) * scale * 1.2
        for node in nodes:
            h = max(node["claims"] * scale, 16.0)
            shrink = 1.0
            if node["label"] == "(others)" and h > cap:
                shrink, h = cap / h, max(cap, 16.0)
            node.update(x=xs[col], y=round(y, 1), h=round(h, 1), w=node_w, shrink=shrink, capped=shrink < 1)
            pos[node["id"]] = node
            y += h + gap
        height = max(height, y)
    links = []
    out_off: Counter[str] = Counter()
    in_off: Counter[str] = Counter()
    for link in graph["links"]:
        a, b = pos.get(link["source"]), pos.get(link["target"])
        if a is None or b is None:
            continue
        thick = max(link["claims"] * scale * min(a["shrink"], b["shrink"]), 1.0)
        y0 = a["y"] + min(out_off[a["id"]] + thick / 2, a["h"])
        y1 = b["y"] + min(in_off[b["id"]] + thick / 2, b["h"])
        out_off[a["id"]] += thick
        in_off[b["id"]] += thick
        x0, x1 = a["x"] + node_w, b["x"]
        mid = (x0 + x1) / 2
        links.append({
            "d": f"M{x0:.1f} {y0:.1f}C{mid:.1f} {y0:.1f} {mid:.1f} {y1:.1f} {x1:.1f} {y1:.1f}",
            "w": round(thick, 1), "claims": link["claims"], "source": a["label"], "target": b["label"],
        })
    nodes = [n for c in cols.values() for n in c]
    return {"nodes": nodes, "links": links, "width": width, "height": round(height + 10, 1)}
