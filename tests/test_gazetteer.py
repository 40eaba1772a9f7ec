"""The offline gazetteer: caching, names, supplement amendments, user files."""

from __future__ import annotations

from claimgraph.gazetteer import Gazetteer, _load, key, load_gazetteer


def test_key_folds_diacritics_hyphens_and_possessives() -> None:
    assert key("Al-Lādhiqīyah") == "al ladhiqiyah"
    assert key("Syria’s") == "syria"
    assert key("the  Balkans") == "balkans"


def test_is_loaded_once_and_cached() -> None:
    # how long loading takes is measured by bench/load_times.py, not asserted here
    _load.cache_clear()
    gaz = load_gazetteer()
    assert load_gazetteer() is gaz
    assert _load.cache_info().misses == 1


def test_cities_divisions_and_alternate_names() -> None:
    gaz = load_gazetteer()
    assert any(e.feature == "city" and e.country == "TR" for e in gaz.lookup("Uskudar"))
    for form in ("Latakia Governorate", "Al-Lādhiqīyah", "Latakia"):
        assert any(e.feature in ("admin1", "city") and e.country == "SY" for e in gaz.lookup(form)), form
    assert any(e.feature == "admin2" and e.country == "US" for e in gaz.lookup("Fulton County"))
    small = [e for e in gaz.lookup("Bar Harbor") if e.country == "US"]  # a town of a few thousand people
    assert small and small[0].population < 50000


def test_supplement_regions_and_country_points() -> None:
    gaz = load_gazetteer()
    for name in ("Turkmen Mountain", "Jabal Turkman", "Bayirbucak", "Golan Heights", "Donbas", "Balkans"):
        assert gaz.lookup(name), name
    us = gaz.country("US")
    assert us is not None and (us.lat, us.lon) == (39.76, -98.5)  # GeoNames' point, not a centroid
    assert [e.feature for e in gaz.lookup("Ga.")] == ["admin1"]  # AP state abbreviation
    assert gaz.demonym("Turkish") == "TR" and gaz.demonym("Istanbul") is None


def test_user_gazetteer_file(tmp_path, monkeypatch) -> None:
    f = tmp_path / "mine.csv"
    f.write_text("name,aliases,lat,lon,country,feature\nCamp Nowhere,Nowhere Camp|CNW,12.5,40.25,ET,facility\n",
                 encoding="utf-8")
    gaz = load_gazetteer([f])
    [e] = gaz.lookup("Nowhere Camp")
    assert (e.lat, e.lon, e.country, e.feature, e.source) == (12.5, 40.25, "ET", "facility", "user")
    monkeypatch.setenv("CLAIMGRAPH_GAZETTEER", str(f))
    assert load_gazetteer().lookup("Camp Nowhere")
    assert not Gazetteer([], []).lookup("Camp Nowhere")
