"""Linked records (docs/linked-records.md, version 1): what cross-checking a corpus produces.

The analysis contract gains nothing per article; everything that spans documents lives here, in its
own versioned shape, and its JSON Schema is generated from these models (`linked_json_schema()`), as
the contract's is from claimgraph.contract. Every record points back at contract items by
(document id, item id) and at exact spans of the documents' text.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from claimgraph.contract import CasualtyGroup, CasualtyKind, EntityType, Span

LINKED_SCHEMA_ID = "claimgraph/linked@1"

FindingKind = Literal["corroboration", "drift", "contradiction", "anachronism", "recycling", "outlet_profile"]
Aspect = Literal["incident", "figure", "quote", "blame", "dateline", "text", "outlet"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemRef(_Model):
    """One contract item of one document, with the span it rests on (`text` == document.text[s:e])."""

    doc_id: str
    item: str | None = None
    span: Span | None = None
    text: str | None = None


class CanonicalEntity(_Model):
    """One person, organisation, outlet or group across documents: every document's entity that is it."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    members: list[ItemRef] = Field(default_factory=list)


class Figure(_Model):
    """A casualty figure one report gives for an incident (from an event's casualties and its quantity)."""

    kind: CasualtyKind
    group: CasualtyGroup = "unknown"
    low: float | None = None
    high: float | None = None
    approx: str = "exact"
    ref: ItemRef
    source: str | None = Field(default=None, description="who gives the figure (source label), if attributed")
    update: bool = Field(default=False, description="written as an update of an earlier toll ('rose to')")


class Report(_Model):
    """One document's account of an incident."""

    doc_id: str
    outlet: str | None = None
    published: str | None = None
    date: str | None = Field(default=None, description="the date this document gives the incident (ISO, at precision)")
    date_stated: bool = Field(default=False,
                              description="the year is written in the text, not inferred from the dateline")
    place: str | None = None
    events: list[ItemRef] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="canonical upstream sources cited for it")
    blamed: list[str] = Field(default_factory=list, description="canonical actors the report holds responsible")
    lead: bool = Field(default=False, description="one of the document's main events is in it (what its headline and "
                      "first sentence tell; the first by salience when they tell none)")


class Incident(_Model):
    """Events from different documents that are the same happening, with every report of it."""

    id: str
    type: str
    subtype: str
    date_start: str | None = None
    date_end: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    reports: list[Report] = Field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        return sorted({r.doc_id for r in self.reports})


class PassageMatch(_Model):
    """Two passages of two documents that are near-duplicates (estimated Jaccard of word shingles)."""

    a: ItemRef
    b: ItemRef
    similarity: float


class Finding(_Model):
    """One cross-check result: what it is, a one-line explanation, and the items and spans it rests on."""

    id: str
    kind: FindingKind
    aspect: Aspect
    explanation: str
    incident: str | None = None
    refs: list[ItemRef] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)


class LinkedRecords(_Model):
    """Everything linking produced for a corpus (what `claimgraph link` stores; `--json` prints)."""

    schema_: str = Field(default=LINKED_SCHEMA_ID, alias="schema")
    entities: list[CanonicalEntity] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    passages: list[PassageMatch] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def linked_json_schema() -> dict[str, Any]:
    """JSON Schema of the linked records, generated from the models (docs/linked-records.md)."""
    schema = LinkedRecords.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://claimgraph.org/schema/linked-1.json"
    schema["title"] = "claimgraph linked records, version 1"
    return schema
