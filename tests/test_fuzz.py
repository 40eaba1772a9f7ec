"""A short fuzz run (bench/harden.py runs the long one): random filters on `Store.query` raise nothing but
`ClaimgraphError`; random parameters, ids and bodies on every HTTP endpoint give no 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient  # noqa: E402

from bench.harden import fuzz_http, fuzz_store, hostile_store  # noqa: E402
from claimgraph.errors import ClaimgraphError  # noqa: E402
from claimgraph.web import create_app  # noqa: E402
from claimgraph.web.store import StoreCorpus  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a claimgraph.Store
    return hostile_store(Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.duckdb")


def test_store_query_fuzz_raises_only_claimgraph_errors(store) -> None:  # noqa: ANN001
    assert fuzz_store(store, 150) >= 150
    assert store.count("documents") == 2  # queries never changed the store


def test_store_refuses_negative_paging_with_a_claimgraph_error(store) -> None:  # noqa: ANN001
    """Regression (found by the fuzz): a negative limit or offset reached DuckDB as a BinderException."""
    with pytest.raises(ClaimgraphError, match="0 or more"):
        store.query("claims", limit=-1)
    with pytest.raises(ClaimgraphError, match="0 or more"):
        store.query("documents", offset=-3)
    assert store.query("documents", outlet="\x00") == []
    with pytest.raises(ClaimgraphError, match="distance"):  # a NaN radius matched every document
        store.query("documents", place="Aleppo", within_km=float("nan"))
    assert len(store.query("documents", place="Aleppo", within_km=float("inf"))) == 2


def test_http_fuzz_gives_no_server_errors(store) -> None:  # noqa: ANN001
    client = TestClient(create_app(StoreCorpus(store), write_token="fuzz-token"), raise_server_exceptions=False)
    assert fuzz_http(client, 120, "fuzz-token") >= 120 + 30
