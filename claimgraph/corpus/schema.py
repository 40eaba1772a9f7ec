"""The corpus store's schema: every table, in one place, versioned. The project's second contract.

One table per contract section (entities, sources, quotes, quantities, places, times, events, claims,
flags), each row keyed by (doc_id, id) and holding the item's fields as columns, generated from the
contract's models so the two cannot drift apart: a span becomes two integer columns (`span_start`,
`span_end`; `cue_span` -> `cue_span_start`, `cue_span_end`), a list of strings an array (TEXT[]),
anything nested (lists of spans, casualties) JSON text. `ord` keeps each item's position, so a stored
analysis reads back exactly as written. Flags have no id: they are keyed by (doc_id, ord).

Around them: `documents` (one row per distinct text: doc_id is the contract's content hash), `inputs`
(the user's own keys: file path, `path:line`, `path:row` or an id column, many keys to one document),
`failures` (input key, error, time), `runs` (when, version, model, counts) and `meta` (schema versions).

Extending it (the linking and findings modules do): define `Table`s and call `register("linking", 1,
[...])` at import time, and add the module's name to `EXTENSIONS` so every `Store` imports it; `Store.init()`
then creates the tables on both backends. A table with a `doc_id` column and `doc_scoped=True` has its
rows deleted whenever its document is replaced (`--reanalyse`) or deleted. Bump a component's version when
its tables change; `CORE_FINGERPRINT` makes a test fail when the contract changes without a bump here.
"""

from __future__ import annotations

import hashlib
import importlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from claimgraph.contract import (
    SECTIONS,
    Analysis,
    Claim,
    Entity,
    Event,
    Flag,
    Place,
    Quantity,
    Quote,
    Source,
    Time,
)

#: version of the core tables below; bump when they change (and say how to migrate in the changelog)
SCHEMA_VERSION = 4  # v2: documents.published_source (the contract's document.published_source); v3: events.mentions;
# v4: documents.encoding (how the input's bytes were decoded), added in place by MIGRATIONS
#: hash of the core tables' names and columns; `tests/test_corpus_schema.py` checks it against the code
CORE_FINGERPRINT = "5faa68643478"
#: modules that add tables with `register()`; every Store imports them before creating or reading tables
EXTENSIONS: list[str] = ["claimgraph.corpus.linking.store"]

ColumnType = Literal["text", "int", "bigint", "float", "bool", "json", "text[]", "timestamp"]

#: SQL type of each logical column type, per backend
SQL_TYPES: dict[str, dict[str, str]] = {
    "duckdb": {"text": "VARCHAR", "int": "INTEGER", "bigint": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
               "json": "VARCHAR", "text[]": "VARCHAR[]", "timestamp": "TIMESTAMP"},
    "postgresql": {"text": "TEXT", "int": "INTEGER", "bigint": "BIGINT", "float": "DOUBLE PRECISION",
                   "bool": "BOOLEAN", "json": "TEXT", "text[]": "TEXT[]", "timestamp": "TIMESTAMP"},
}


@dataclass(frozen=True)
class Column:
    """One column. `json` columns hold JSON text on both backends (cast with ::JSON / ::jsonb to query inside)."""

    name: str
    type: ColumnType
    nullable: bool = True
    doc: str = ""


@dataclass(frozen=True)
class Table:
    """One table; `doc_scoped` tables have a doc_id column and follow their document's lifetime."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    doc: str = ""
    doc_scoped: bool = False
    component: str = "core"

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self, dialect: str) -> list[str]:
        """CREATE TABLE / INDEX statements (IF NOT EXISTS: running them twice is harmless)."""
        types_ = SQL_TYPES[dialect]
        cols = [f"{c.name} {types_[c.type]}{'' if c.nullable else ' NOT NULL'}" for c in self.columns]
        cols.append(f"PRIMARY KEY ({', '.join(self.primary_key)})")
        out = [f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(cols) + "\n)"]
        for index in self.indexes:
            out.append(f"CREATE INDEX IF NOT EXISTS ix_{self.name}_{'_'.join(index)} ON {self.name} "
                       f"({', '.join(index)})")
        return out


# -- contract sections -> tables ------------------------------------------------------------------

#: a contract field becomes these columns, converted by `SectionTable.to_rows` / `from_rows`
FieldKind = Literal["scalar", "span", "list", "json"]


@dataclass(frozen=True)
class SectionTable(Table):
    """A table holding one contract section; knows how to turn items into rows and back."""

    model: type[BaseModel] | None = None
    #: (contract field name, kind) in the model's field order
    fields: tuple[tuple[str, FieldKind], ...] = ()

    def to_rows(self, doc_id: str, items: list[BaseModel]) -> list[tuple[Any, ...]]:
        """Rows in `column_names` order (values ready for either backend; JSON as text)."""
        import json

        rows = []
        for ord_, item in enumerate(items):
            row: list[Any] = [doc_id, ord_]
            for name, kind in self.fields:
                value = getattr(item, name)
                if kind == "span":
                    row.extend([value[0], value[1]] if value is not None else [None, None])
                elif kind == "list":
                    row.append(list(value))
                elif kind == "json":
                    row.append(json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")))
                else:
                    row.append(value)
            rows.append(tuple(row))
        return rows

    def from_row(self, row: dict[str, Any]) -> BaseModel:
        """The contract item a row (a dict by column name) holds."""
        import json

        assert self.model is not None
        data: dict[str, Any] = {}
        for name, kind in self.fields:
            if kind == "span":
                s, e = row[f"{name}_start"], row[f"{name}_end"]
                data[name] = None if s is None else (s, e)
            elif kind == "list":
                data[name] = list(row[name] or [])
            elif kind == "json":
                value = row[name]
                data[name] = json.loads(value) if isinstance(value, str) else value
            else:
                data[name] = row[name]
        return self.model.model_validate(data)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else annotation), True
    return annotation, False


def _is_span(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple and typing.get_args(annotation) == (int, int)


def _scalar_type(annotation: Any) -> ColumnType:
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    if annotation is str or typing.get_origin(annotation) is Literal:
        return "text"
    raise TypeError(f"no column type for {annotation!r}: extend corpus.schema")


def section_table(section: str, model: type[BaseModel]) -> SectionTable:
    """The table for one contract section, derived field by field from its pydantic model."""
    columns = [Column("doc_id", "text", False, "the document (documents.doc_id)"),
               Column("ord", "int", False, "position of the item in its section")]
    fields: list[tuple[str, FieldKind]] = []
    for name, info in model.model_fields.items():
        annotation, optional = _unwrap_optional(info.annotation)
        nullable = optional or name != "id"
        if _is_span(annotation):
            base = name
            columns += [Column(f"{base}_start", "int", nullable), Column(f"{base}_end", "int", nullable)]
            fields.append((name, "span"))
        elif typing.get_origin(annotation) is list:
            (inner,) = typing.get_args(annotation)
            if inner is str:
                columns.append(Column(name, "text[]"))
                fields.append((name, "list"))
            else:
                columns.append(Column(name, "json"))
                fields.append((name, "json"))
        else:
            columns.append(Column(name, _scalar_type(annotation), nullable))
            fields.append((name, "scalar"))
    has_id = "id" in model.model_fields
    return SectionTable(
        name=section, columns=tuple(columns), primary_key=("doc_id", "id") if has_id else ("doc_id", "ord"),
        doc=f"contract section `{section}` ({model.__name__}), one row per item", doc_scoped=True,
        model=model, fields=tuple(fields),
    )


SECTION_MODELS: dict[str, type[BaseModel]] = {
    "entities": Entity, "sources": Source, "quotes": Quote, "quantities": Quantity, "places": Place,
    "times": Time, "events": Event, "claims": Claim, "flags": Flag,
}
assert tuple(SECTION_MODELS) == SECTIONS, "a contract section has no table"
assert set(Analysis.model_fields) == {"schema_", "document", *SECTIONS}, "the contract changed: update the store"

SECTION_TABLES: dict[str, SectionTable] = {s: section_table(s, m) for s, m in SECTION_MODELS.items()}

DOCUMENTS = Table(
    name="documents",
    columns=(
        Column("doc_id", "text", False, "the contract's document.id: sha256 of the analysed text"),
        Column("schema", "text", False, "contract version of the stored analysis (claimgraph/analysis@1)"),
        Column("title", "text"), Column("outlet", "text"), Column("authors", "text[]"), Column("url", "text"),
        Column("dateline", "text"), Column("published", "text", doc="ISO 8601 at its precision"),
        Column("published_source", "text", doc="where `published` was read (json-ld, meta, page text, caller...)"),
        Column("language", "text"), Column("text", "text", False),
        Column("claimgraph_version", "text", False, "the claimgraph that analysed it (--reanalyse compares)"),
        Column("model", "text", doc="the spaCy model used"),
        Column("analysed_at", "timestamp", False, "UTC"),
        Column("run_id", "text", doc="the run that stored it (runs.run_id)"),
        Column("encoding", "text", doc="how the input's bytes were decoded (a codec: utf-8, cp1252, utf-16-le, "
                                       "...); NULL when the text was given as a string or stored before v4"),
    ),
    primary_key=("doc_id",),
    indexes=(("outlet",), ("published",)),
    doc="one row per distinct document text; the contract's `document` section plus provenance",
    doc_scoped=True,
)

INPUTS = Table(
    name="inputs",
    columns=(
        Column("key", "text", False, "the input's own key: file path, path:line (JSONL), path:row (CSV) or --id-col"),
        Column("doc_id", "text", False),
        Column("run_id", "text"),
        Column("added_at", "timestamp", False, "UTC"),
    ),
    primary_key=("key", "doc_id"),
    indexes=(("doc_id",),),
    doc="which input keys gave which document (the same text under two keys is one document, two keys)",
    doc_scoped=True,
)

FAILURES = Table(
    name="failures",
    columns=(
        Column("key", "text", False), Column("error", "text", False),
        Column("failed_at", "timestamp", False, "UTC"), Column("run_id", "text"),
        Column("claimgraph_version", "text"),
    ),
    primary_key=("key",),
    doc="inputs whose last attempt failed (a later success removes the row)",
)

RUNS = Table(
    name="runs",
    columns=(
        Column("run_id", "text", False), Column("started_at", "timestamp", False, "UTC"),
        Column("finished_at", "timestamp"), Column("status", "text", False, doc="running | done | interrupted"),
        Column("claimgraph_version", "text", False), Column("model", "text"),
        Column("inputs", "json", doc="the paths given"), Column("seen", "int"), Column("added", "int"),
        Column("replaced", "int"), Column("skipped", "int"), Column("failed", "int"),
    ),
    primary_key=("run_id",),
    doc="one row per ingest run (a run killed hard stays `running`)",
)

META = Table(
    name="meta",
    columns=(Column("name", "text", False), Column("value", "text")),
    primary_key=("name",),
    doc="schema versions per component (`schema:core`, `schema:linking`, ...)",
)

CORE_TABLES: tuple[Table, ...] = (META, RUNS, DOCUMENTS, INPUTS, FAILURES, *SECTION_TABLES.values())


#: (component, stored version) -> statements that bring a store of that version to the next one, in place.
#: Only additive changes (a new nullable column) are migrated; anything else needs an export and re-ingest.
MIGRATIONS: dict[tuple[str, int], list[str]] = {
    ("core", 3): ["ALTER TABLE documents ADD COLUMN encoding {text}"],
}


def migration(component: str, stored: int, target: int, dialect: str) -> list[str] | None:
    """The statements from `stored` to `target` for `dialect` (`{text}` etc. become its SQL types), or None
    when some step between them has no in-place migration."""
    out: list[str] = []
    for version in range(stored, target):
        steps = MIGRATIONS.get((component, version))
        if steps is None:
            return None
        out.extend(stmt.format(**SQL_TYPES[dialect]) for stmt in steps)
    return out


@dataclass
class _Component:
    version: int
    tables: list[Table] = field(default_factory=list)


_REGISTRY: dict[str, _Component] = {"core": _Component(SCHEMA_VERSION, list(CORE_TABLES))}


def register(component: str, version: int, tables: list[Table]) -> None:
    """Add a component's tables to the schema (call at import time; re-registering replaces them)."""
    if component == "core":
        raise ValueError("'core' is the store's own component")
    for t in tables:
        if any(t.name == other.name for c, comp in _REGISTRY.items() if c != component for other in comp.tables):
            raise ValueError(f"table {t.name!r} already exists")
    _REGISTRY[component] = _Component(version, [
        t if t.component == component else Table(**{**t.__dict__, "component": component}) for t in tables])


def load_extensions() -> None:
    """Import the modules listed in EXTENSIONS (each registers its tables)."""
    for name in EXTENSIONS:
        importlib.import_module(name)


def components() -> dict[str, int]:
    """Component name -> schema version, core first."""
    load_extensions()
    return {name: comp.version for name, comp in _REGISTRY.items()}


def all_tables() -> list[Table]:
    """Every table, core first, then extensions in registration order."""
    load_extensions()
    return [t for comp in _REGISTRY.values() for t in comp.tables]


def table(name: str) -> Table:
    for t in all_tables():
        if t.name == name:
            return t
    raise KeyError(f"no table {name!r}")


def fingerprint(tables: tuple[Table, ...] | list[Table] = CORE_TABLES) -> str:
    """A short hash of table names, columns and keys: changes whenever the shape does."""
    text = "\n".join(f"{t.name}:{','.join(f'{c.name} {c.type} {c.nullable}' for c in t.columns)}"
                     f":{','.join(t.primary_key)}" for t in tables)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
