"""Cross-checking across articles: incidents, canonical entities, near-duplicates and findings.

Pure functions and an incremental `Linker` over contract `Analysis` objects; the corpus store persists
what they produce (docs/linked-records.md describes the records and their JSON Schema).
"""

from claimgraph.corpus.linking.linker import Linker
from claimgraph.corpus.linking.models import LINKED_SCHEMA_ID, linked_json_schema

__all__ = ["LINKED_SCHEMA_ID", "Linker", "linked_json_schema"]
