"""The offline gazetteer: caching, names, supplement amendments, user files."""

from __future__ import annotations

from claimgraph.gazetteer import (
    CENTRES_FILE,
    COUNTRY_TOLERANCE_KM,
    Gazetteer,
    _load,
    _read_centres,
    country_point,
    great_circle_km,
    key,
    load_gazetteer,
)


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


def test_country_point_lies_within_tolerance_of_both_conventions_or_stays() -> None:
    geonames = (35.0, 105.0)
    near = (35.86, 104.2)  # a centre 120 km away: the midpoint is within the tolerance of both
    placed = country_point(geonames, near)
    assert placed != geonames
    assert great_circle_km(*placed, *geonames) <= COUNTRY_TOLERANCE_KM
    assert great_circle_km(*placed, *near) <= COUNTRY_TOLERANCE_KM
    far = (61.5, 105.3)  # 330 km from (60, 100): no point is within 161 km of both, the first stays
    assert country_point((60.0, 100.0), far) == (60.0, 100.0)
    assert country_point(geonames, None) == geonames
    across = country_point((-16.0, 179.5), (-16.5, -179.6))  # across the antimeridian: still between them
    assert -180 <= across[1] <= 180 and great_circle_km(*across, -16.0, 179.5) <= COUNTRY_TOLERANCE_KM


def test_every_country_is_within_tolerance_of_its_geonames_point_and_near_centres() -> None:
    """Over the shipped tables: a country never moves more than the tolerance from the point GeoNames (or the
    supplement's amendment) gives, and where the second convention's centre is close it is within it too."""
    centres = _read_centres(CENTRES_FILE)
    assert len(centres) > 200
    plain = Gazetteer(*_tables(), centres={})  # the same tables with no second convention
    gaz = load_gazetteer()
    moved = 0
    for iso, centre in centres.items():
        placed, first = gaz.country(iso), plain.country(iso)
        if placed is None or first is None or first.gid != placed.gid:
            continue
        assert great_circle_km(placed.lat, placed.lon, first.lat, first.lon) <= COUNTRY_TOLERANCE_KM, iso
        if great_circle_km(first.lat, first.lon, *centre) <= 2 * COUNTRY_TOLERANCE_KM:
            assert great_circle_km(placed.lat, placed.lon, *centre) <= COUNTRY_TOLERANCE_KM, iso
        moved += (placed.lat, placed.lon) != (first.lat, first.lon)
    assert moved > 50


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


def test_a_country_point_from_a_user_file_is_kept_as_given(tmp_path) -> None:
    """country_point moves the shipped points only: a user who places a country chose where it goes."""
    shipped = load_gazetteer().country("SY")
    assert shipped is not None and shipped.gid.startswith("geonames:")
    f = tmp_path / "points.csv"
    f.write_text(f"name,aliases,lat,lon,country,feature,admin1,population,id\n"
                 f"{shipped.name},,36.0,37.0,SY,country,,,{shipped.gid}\n", encoding="utf-8")
    mine = load_gazetteer([f]).country("SY")
    assert mine is not None and (mine.lat, mine.lon) == (36.0, 37.0)


def _tables():
    """The shipped GeoNames rows, keys and supplement, as `load_gazetteer` reads them."""
    from claimgraph.gazetteer import KEYS_FILE, ROWS_FILE, SUPPLEMENT_FILE, _table, read_csv_rows

    return _table(ROWS_FILE), _table(KEYS_FILE), read_csv_rows(SUPPLEMENT_FILE)
