"""The gazetteer's table cache: a later process maps the tables instead of decompressing them, and finds
exactly the places the decompressed tables give; a damaged or disabled cache falls back to reading them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph import gazetteer
from claimgraph.gazetteer import SEP, MappedLines, _load, load_gazetteer

NAMES = ["Aleppo", "Damascus", "Idlib", "Latakia", "Turkmen Mountain", "the Golan Heights", "Deir ez-Zor", "Homs",
         "Springfield", "Ga.", "US", "Kobani", "Al", "San", "Zzzzqx", "a"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    _load.cache_clear()
    yield tmp_path
    _load.cache_clear()  # later tests load the gazetteer with their own environment


def _answers(gaz: gazetteer.Gazetteer, keys: list[str]) -> list[object]:
    return ([[(e.gid, e.name, e.feature, e.lat, e.lon) for e in gaz.lookup(n)] for n in NAMES]
            + [n in gaz for n in NAMES] + [gaz.country(c) for c in ("SY", "TR", "US")]
            + [gaz._rows_for(k) for k in keys])


def test_a_later_load_maps_the_cached_tables_and_finds_the_same_places(cache: Path) -> None:
    first = load_gazetteer()
    assert isinstance(first._keys, list)  # nothing cached yet: read from the gzipped tables ...
    assert sorted(p.name.split(".", 1)[0] for p in cache.glob("*.lines")) == [
        "gazetteer_geonames", "gazetteer_geonames_keys"]  # ... and written for the next process
    _load.cache_clear()
    second = load_gazetteer()
    assert isinstance(second._keys, MappedLines) and isinstance(second._rows, MappedLines)
    assert len(second._keys) == len(first._keys) and second._rows[-1] == first._rows[-1]
    random.seed(11)
    keys = sorted({k.split(SEP)[0] for k in random.sample(first._keys, 2000)})
    assert any(first._rows_for(k) for k in keys)
    assert _answers(second, keys) == _answers(first, keys)
    assert first.lookup("Aleppo") and first.lookup("Aleppo")[0].country == "SY"


def test_a_truncated_cache_file_is_read_around_and_rewritten(cache: Path) -> None:
    load_gazetteer()
    table = next(cache.glob("gazetteer_geonames_keys.*.lines"))
    whole = table.read_bytes()
    table.write_bytes(whole[: len(whole) // 2])
    _load.cache_clear()
    gaz = load_gazetteer()
    assert isinstance(gaz._keys, list)
    assert gaz.lookup("Idlib")
    assert table.read_bytes() == whole  # written again, whole


def test_no_cache_when_it_is_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, "none")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _load.cache_clear()
    try:
        gaz = load_gazetteer()
        assert isinstance(gaz._keys, list) and gaz.lookup("Homs")
        assert not list(tmp_path.rglob("*.lines"))
    finally:
        _load.cache_clear()
