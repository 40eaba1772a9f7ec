"""claimgraph's web UI and JSON API (`claimgraph serve`): an offline, browsable view of a corpus.

Needs the `web` extra (`pip install "claimgraph[web]"`): FastAPI, uvicorn, Jinja2.
"""

from __future__ import annotations

from claimgraph.web.corpus import Corpus, CorpusView, MemoryCorpus

__all__ = ["Corpus", "CorpusView", "MemoryCorpus", "create_app"]


def create_app(*args, **kwargs):  # noqa: ANN002, ANN003 - re-exported lazily so importing the package stays cheap
    """See `claimgraph.web.app.create_app`."""
    from claimgraph.web.app import create_app as _create

    return _create(*args, **kwargs)
