"""The corpus store: many analyses kept, queried and exported (`claimgraph ingest|query|export|store`).

- `Store(url)` (store.py): DuckDB file by default, PostgreSQL with a `postgresql://` URL; write, read back,
  query with filters (query.py), run parameterised SQL on either backend.
- schema.py: every table, versioned; other modules add theirs with `schema.register`.
- readers.py: files, folders, JSONL, CSV (gzipped too), stdin -> (input key, Article or error).
- ingest.py: read -> analyse -> one writer; export.py and acled.py: CSV, Parquet, JSONL, ACLED.
"""

from claimgraph.corpus.backends import StoreError
from claimgraph.corpus.query import Filters
from claimgraph.corpus.store import Store

__all__ = ["Filters", "Store", "StoreError"]
