"""claimgraph: who said what, through whom, with which numbers, where and when, in conflict news.

    >>> import claimgraph
    >>> analysis = claimgraph.analyze(open("examples/southfront-turkmen-mountain.txt").read())
    >>> analysis.to_json()
"""

from claimgraph.contract import Analysis, json_schema
from claimgraph.corpus import Store
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import Article, prepare
from claimgraph.parallel import analyze_many
from claimgraph.pipeline import Analyzer, Outcome, analyze

__all__ = ["Analysis", "Analyzer", "Article", "ClaimgraphError", "Outcome", "Store", "analyze", "analyze_many",
           "json_schema", "prepare"]
__version__ = "0.1.0"
