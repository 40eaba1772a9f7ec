"""The analysis contract (CONTRACT.md, version 1): the one output shape everything derives from.

Components fill these models; nothing else in claimgraph invents an output shape. The JSON Schema
(`json_schema()`) is generated from the models, so the schema and the code cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "claimgraph/analysis@1"

Span = tuple[int, int]

EntityType = Literal["PERSON", "ORG", "OUTLET", "GPE", "LOC", "NORP", "FAC", "GROUP", "EVENT"]
SourceKind = Literal["person", "organization", "outlet", "official", "anonymous", "expert", "document", "unknown"]
QuoteKind = Literal["direct", "partial", "indirect"]
Approx = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"]
Modality = Literal["asserted", "estimated", "hypothetical", "negated"]
Feature = Literal["country", "admin1", "admin2", "city", "district", "region", "landform", "water", "facility"]
Precision = Literal["day", "month", "year", "decade", "century"]
Anchor = Literal["explicit", "dateline", "context", "unresolved"]
CasualtyKind = Literal["killed", "injured", "displaced", "detained", "missing"]
CasualtyGroup = Literal["civilians", "children", "women", "combatants", "unknown"]
Severity = Literal["info", "warning", "error"]


class _Model(BaseModel):
    # NaN and infinity are not JSON: a figure beyond float range is kept as text with no bounds, never stored
    model_config = ConfigDict(extra="forbid", validate_assignment=False, allow_inf_nan=False)


class Document(_Model):
    id: str
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    url: str | None = None
    dateline: str | None = None
    published: str | None = None
    #: where `published` was read: "json-ld datePublished", "meta article:published_time", "time element",
    #: "page text", "url", "htmldate" (HTML); "header" or "dateline" (plain text); "caller" (given by the user)
    published_source: str | None = None
    language: str = "en"
    text: str

    @staticmethod
    def id_for(text: str) -> str:
        """Same text, same id: the corpus store deduplicates on it."""
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    descriptors: list[str] = Field(default_factory=list)


class Source(_Model):
    id: str
    label: str
    entity: str | None = None
    kind: SourceKind = "unknown"
    role: str | None = None
    via: str | None = None


class Quote(_Model):
    id: str
    kind: QuoteKind
    text: str
    span: Span
    cue: str | None = None
    cue_span: Span | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    via: str | None = None


class Quantity(_Model):
    id: str
    text: str
    span: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: Approx = "exact"
    subject: str | None = None
    subject_span: Span | None = None
    unit: str | None = None
    source: str | None = None
    hedges: list[str] = Field(default_factory=list)
    modality: Modality = "asserted"


class Place(_Model):
    id: str
    name: str
    mentions: list[Span] = Field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: Feature | None = None
    gazetteer_id: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)


class Time(_Model):
    id: str
    text: str
    span: Span
    value: str | None = None
    precision: Precision | None = None
    anchor: Anchor = "unresolved"


class Casualty(_Model):
    kind: CasualtyKind
    group: CasualtyGroup = "unknown"
    low: float | None = None
    high: float | None = None
    quantity: str | None = None


class Event(_Model):
    id: str
    type: str
    subtype: str
    text: str
    span: Span
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    place: str | None = None
    time: str | None = None
    quantities: list[str] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    source: str | None = None
    hedges: list[str] = Field(default_factory=list)
    # further reports of the same incident in the article (headline, lead, recap): one event per incident
    mentions: list[Span] = Field(default_factory=list)


class Claim(_Model):
    id: str
    text: str
    span: Span
    sources: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)
    quantities: list[str] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list)
    hedges: list[str] = Field(default_factory=list)
    attributed: bool = False


class Flag(_Model):
    kind: str
    severity: Severity = "warning"
    message: str
    refs: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)


#: Contract sections that hold lists of items, in output order. Components append to these.
SECTIONS: tuple[str, ...] = (
    "entities", "sources", "quotes", "quantities", "places", "times", "events", "claims", "flags",
)


class Analysis(_Model):
    """One analysed article. `to_dict()`/`to_json()` are the contract; the rest are views of it."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = 2) -> str:
        """The contract as strict JSON (`allow_nan=False`: NaN or Infinity would break JSON.parse, jq, ...)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    def to_markdown(self) -> str:
        from claimgraph.render.markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        from claimgraph.render.html import render_html

        return render_html(self)

    def _repr_html_(self) -> str:
        from claimgraph.render.html import render_html

        return render_html(self, standalone=False)

    def by_id(self) -> dict[str, BaseModel]:
        """Every item with an id, keyed by it: reports and checks follow references through this."""
        index: dict[str, BaseModel] = {}
        for section in SECTIONS:
            for item in getattr(self, section):
                item_id = getattr(item, "id", None)
                if item_id:
                    index[item_id] = item
        return index


def json_schema() -> dict[str, Any]:
    """The contract's JSON Schema, generated from the models (what `claimgraph schema` prints)."""
    schema = Analysis.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://claimgraph.org/schema/analysis-1.json"
    schema["title"] = "claimgraph analysis, version 1"
    return schema
