"""claimgraph: who said what, through whom, with which numbers, where and when, in conflict news.

    >>> import claimgraph
    >>> analysis = claimgraph.analyze(open("examples/southfront-turkmen-mountain.txt").read())
    >>> analysis.to_json()
"""

import sys


def _import_spacy_without_its_cli() -> None:
    """Import spaCy without running `spacy.cli`'s package (all of spaCy's commands: weasel, httpx, requests,
    training loops), which `import spacy` loads only to export `spacy.info`: 0.2 s of CPU, a tenth of
    `claimgraph analyze`'s cold start. During that one import `spacy.cli` is a bare package (its submodules stay
    importable) and `spacy.info` a stand-in that imports the real one when called; after it, both are removed, so
    `import spacy.cli` and `spacy.cli` (through a module `__getattr__`) load the real thing on first use.
    Anything unexpected: the ordinary import."""
    if "spacy" in sys.modules:
        return
    import importlib.util
    import types

    try:
        spec = importlib.util.find_spec("spacy")
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
    except (ImportError, ValueError):
        locations = []
    if not locations:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [f"{locations[0]}/cli"]
    info = types.ModuleType("spacy.cli.info")

    def spacy_info(*args: object, **kwargs: object) -> object:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that needs its cli while importing: import it the ordinary way
        spacy = None
    finally:
        for name, stub in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if spacy is None:
        import spacy  # noqa: F401
        return
    if spacy.__dict__.get("cli") is cli:
        del spacy.cli

    def lazy(name: str) -> object:
        if name == "cli":
            import importlib

            return importlib.import_module("spacy.cli")
        raise AttributeError(f"module 'spacy' has no attribute {name!r}")

    spacy.__getattr__ = lazy  # type: ignore[attr-defined]


_import_spacy_without_its_cli()

from claimgraph.contract import Analysis, json_schema  # noqa: E402
from claimgraph.corpus import Store  # noqa: E402
from claimgraph.errors import ClaimgraphError  # noqa: E402
from claimgraph.ingest import Article, prepare  # noqa: E402
from claimgraph.parallel import analyze_many  # noqa: E402
from claimgraph.pipeline import Analyzer, Outcome, analyze  # noqa: E402

__all__ = ["Analysis", "Analyzer", "Article", "ClaimgraphError", "Outcome", "Store", "analyze", "analyze_many",
           "json_schema", "prepare"]
__version__ = "0.1.0"
