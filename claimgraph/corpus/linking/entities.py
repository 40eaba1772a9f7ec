"""One canonical id per person, organisation, outlet or group across documents.

Outlets: spellings are folded (case, a leading "the", suffixes such as "news agency" from linking.json)
and resolved through outlets.tsv ("reuters", "Reuters news agency" and "Thomson Reuters" are Reuters).
Groups and organisations: the same, through armed_groups.tsv and each document's own aliases ("Daesh"
and "ISIS" named as one entity in any document join their canonical entities). People: only by their
full name (two words or more); a surname alone never joins anyone, so "Davutoglu" in one article and
"Ahmet Davutoglu" in another stay apart rather than risk merging two people who share a surname.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from claimgraph.contract import Analysis, Entity
from claimgraph.corpus.linking.models import CanonicalEntity, ItemRef
from claimgraph.data import read_rows, read_text

LINKED_TYPES = frozenset({"PERSON", "ORG", "OUTLET", "GROUP"})


@lru_cache(maxsize=1)
def linking_data() -> dict:
    import json

    text = read_text("linking.json")
    return json.loads(text) if text else {}


def fold(name: str) -> str:
    """Case, punctuation and a leading 'the' do not make a different name."""
    s = re.sub(r"[\s\-–_.’']+", " ", name.casefold()).strip()
    return re.sub(r"^the ", "", s)


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_rows("outlets.tsv"):
        canonical = row[0].strip()
        for form in [canonical, *(row[1].split("|") if len(row) > 1 else [])]:
            if form.strip():
                table[fold(form)] = canonical
    return table


@lru_cache(maxsize=1)
def _group_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_rows("armed_groups.tsv"):
        canonical = row[0].strip()
        for form in [canonical, *(row[1].split("|") if len(row) > 1 else [])]:
            if form.strip():
                table[fold(form)] = canonical
    return table


def canonical_outlet(name: str | None) -> str | None:
    """The outlet's canonical name ('reuters', 'Reuters news agency' -> 'Reuters'); unknown ones as given."""
    if not name or not name.strip():
        return None
    key = fold(name)
    table = _outlet_table()
    if key in table:
        return table[key]
    stem = _strip_suffix(key)
    return table.get(stem, name.strip())


def _strip_suffix(key: str) -> str:
    for suffix in sorted(linking_data().get("outlet_suffixes", []), key=len, reverse=True):
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix) - 1].strip()
    return key


def outlet_key(name: str | None) -> str | None:
    """What two spellings of one outlet have in common ('Ahram', 'ahram', 'Ahram Online')."""
    canonical = canonical_outlet(name)
    return _strip_suffix(fold(canonical)) if canonical else None


@lru_cache(maxsize=1)
def _sides() -> dict[str, str]:
    out: dict[str, str] = {}
    for side, names in linking_data().get("actor_sides", {}).items():
        for n in names:
            out[fold(n)] = side
    return out


def side_of(name: str) -> str | None:
    """The belligerent a name stands for (linking.json actor_sides), or None when it is not listed."""
    return _sides().get(fold(name))


@lru_cache(maxsize=1)
def _camps() -> dict[str, str]:
    return {side: camp for camp, sides in linking_data().get("camps", {}).items() for side in sides}


def camp_of(name: str) -> str | None:
    """The camp (linking.json camps) of the belligerent a name stands for; a side in no camp is its own."""
    side = side_of(name)
    return _camps().get(side, side) if side else None


def entity_key(e: Entity) -> str | None:
    """The key an entity is merged on across documents (None: never merged)."""
    if e.type not in LINKED_TYPES:
        return None
    if e.type == "OUTLET":
        return "OUTLET:" + (outlet_key(e.name) or fold(e.name))
    if e.type == "PERSON":
        words = fold(e.name).split()
        return "PERSON:" + " ".join(words) if len(words) >= 2 else None
    group = _group_table().get(fold(e.name))
    if group:
        return "GROUP:" + fold(group)
    return f"{e.type}:" + fold(e.name)


def canonical_id(key: str) -> str:
    return "ent:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class EntityIndex:
    """Canonical entities, built incrementally: add one analysis at a time."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self.records: dict[str, CanonicalEntity] = {}  # key -> record (only for root keys after merge)
        self.of_item: dict[tuple[str, str], str] = {}  # (doc_id, entity id) -> key

    def _find(self, k: str) -> str:
        while self._parent.get(k, k) != k:
            k = self._parent[k]
        return k

    def _union(self, a: str, b: str) -> str:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        keep, drop = sorted((ra, rb))
        self._parent[drop] = keep
        r_keep, r_drop = self.records.get(keep), self.records.pop(drop, None)
        if r_keep is not None and r_drop is not None:
            r_keep.aliases = sorted(set(r_keep.aliases) | set(r_drop.aliases))
            r_keep.members.extend(r_drop.members)
        elif r_drop is not None:
            self.records[keep] = r_drop
            r_drop.id = canonical_id(keep)
        return keep

    def seed(self, rows: list[tuple[str, str, str, str, list[str]]]) -> None:
        """Known keys from the store: (key, root key, name, type, aliases); members stay in the store."""
        for key, root, name, type_, aliases in rows:
            self._parent[key] = root
            self._parent.setdefault(root, root)
            if key == root and root not in self.records:
                self.records[root] = CanonicalEntity(id=canonical_id(root), name=name, type=type_,  # type: ignore[arg-type]
                                                     aliases=sorted(aliases or []))

    def roots(self) -> dict[str, str]:
        """Every key -> the key of its canonical entity."""
        return {k: self._find(k) for k in self._parent}

    def add(self, analysis: Analysis) -> None:
        doc_id = analysis.document.id
        text = analysis.document.text
        for e in analysis.entities:
            key = entity_key(e)
            if key is None:
                continue
            self._parent.setdefault(key, key)
            root = self._find(key)
            rec = self.records.get(root)
            if rec is None:
                rec = self.records[root] = CanonicalEntity(id=canonical_id(root), name=e.name, type=e.type)
            span = e.mentions[0] if e.mentions else None
            rec.members.append(ItemRef(doc_id=doc_id, item=e.id, span=span,
                                       text=text[span[0]:span[1]] if span else None))
            rec.aliases = sorted(set(rec.aliases) | set(e.aliases) | {e.name})
            self.of_item[(doc_id, e.id)] = root
            if e.type in ("ORG", "GROUP"):  # a document that names two forms as one entity joins them
                for alias in e.aliases:
                    other = f"{e.type}:" + fold(alias)
                    if other != key and other in self._parent and len(fold(alias)) > 2:
                        root = self._union(root, other)

    def canonical(self, doc_id: str, entity_id: str) -> CanonicalEntity | None:
        key = self.of_item.get((doc_id, entity_id))
        return self.records.get(self._find(key)) if key else None

    def all(self) -> list[CanonicalEntity]:
        return sorted(self.records.values(), key=lambda r: r.id)


@lru_cache(maxsize=1)
def _upstream_table() -> dict[str, str]:
    return {fold(form): name for name, forms in linking_data().get("upstream_aliases", {}).items()
            for form in [name, *forms]}


@lru_cache(maxsize=1)
def _upstream_names() -> list[tuple[re.Pattern[str], str, bool]]:
    """linking.json upstream_names as whole-word patterns, longest first, each with whether it is an acronym:
    one written in capitals there is matched on the label as written, in capitals, and not before an apostrophe
    other than a possessive's ("SANA's" is SANA, "Sana Ahmed" and "SANA'A" are not)."""
    forms = [(form, name) for name, forms in linking_data().get("upstream_names", {}).items() for form in forms]
    out = []
    for form, name in sorted(forms, key=lambda x: -len(x[0])):
        if form.isupper():
            # "SANAs correspondent": the possessive with its apostrophe lost, as FA-KES's texts write it
            out.append((re.compile(rf"(?<!\w){re.escape(form)}(?:s(?!\w))?(?!\w)(?!['’](?!s\b))"), name, True))
        else:
            out.append((re.compile(rf"(?<!\w){re.escape(fold(form))}s?(?!\w)"), name, False))
    return out


@lru_cache(maxsize=1)
def _state_outlets() -> list[tuple[re.Pattern[str], str]]:
    """linking.json state_outlets as whole-word patterns on a folded description: the upstream's country word
    (possessive or not) or its own name, then one or two state_media qualifiers, then a media noun ("syrian state
    run tv", "syria s official news agency", "assad regime media"), or a qualifier, the own name and a media noun
    ("state run sana agency")."""
    media = linking_data().get("state_media", {})

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))

    qualifiers, nouns = alt(media.get("qualifiers", [])), alt(media.get("media", []))
    out = []
    for name, forms in linking_data().get("state_outlets", {}).items():
        country, own = alt(forms.get("country", [])), alt(forms.get("own", []))
        described = rf"(?<!\w)(?:(?:{country})(?: s)?|{own}) (?:(?:{qualifiers}) ){{1,2}}(?:{nouns})(?!\w)"
        out.append((re.compile(described), name))
        out.append((re.compile(rf"(?<!\w)(?:{qualifiers}) (?:{own}) (?:{nouns})(?!\w)"), name))
    return out


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """The words that date a citation (times_lexicon.tsv: weekdays, months, relative days such as "yesterday", parts
    of a day such as "night", and the prepositions that introduce a time such as "on")."""
    kinds = ("weekday", "month", "relative_day", "part_of_day", "lead_prep")
    return frozenset(row[1].casefold() for row in read_rows("times_lexicon.tsv", header=False)
                     if len(row) >= 2 and row[0] in kinds)


def _undated(folded: str) -> str:
    """A folded description without the dates around it: "monday state media", "state tv on friday night" and
    "03 11 2015 state media" are the description "state media" / "state tv" (a day or a dateline the
    attribution parser kept with the outlet named by its kind)."""
    words = folded.split()
    cal = _calendar()
    while words and (words[0] in cal or words[0][:1].isdigit()):
        words.pop(0)
    while words and (words[-1] in cal or words[-1][:1].isdigit()):
        words.pop()
    return " ".join(words)


def upstream_of(label: str | None) -> str | None:
    """The upstream source a source's description names (linking.json upstream_aliases as the whole description,
    upstream_names anywhere in it as whole words: a label carrying a dateline, a weekday or a person's title
    still names its upstream), if one."""
    if not label:
        return None
    folded = fold(label)
    table = _upstream_table()
    bare = _undated(fold(re.sub(r"['’]s(?!\w)", "", label)))  # "Sunday's state TV": a day's possessive
    found = table.get(folded) or table.get(re.sub(r"^(?:a|an) ", "", folded)) or table.get(bare) or table.get(
        re.sub(r"^(?:a|an) ", "", bare))
    if found:
        return found
    return next((name for pattern, name, acronym in _upstream_names()
                 if pattern.search(label if acronym else folded)), None) or next(
        (name for pattern, name in _state_outlets() if pattern.search(folded)), None)
