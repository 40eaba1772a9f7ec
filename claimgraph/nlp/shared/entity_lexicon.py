"""The entity knowledge in claimgraph/data (outlets, armed groups, titles, entity cues), loaded once per process.

The entities component reads all of it; the places component reads titles and outlets (a title is not a
place, an outlet's name is not its city). Kept here so neither component imports the other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.data import read_rows, read_text


@dataclass(frozen=True)
class Lexicon:
    """The entity knowledge in claimgraph/data, loaded once per process."""

    outlets: dict[str, str]  # alias or name -> canonical name
    groups: dict[str, str]
    titles: frozenset[str]
    outlet_descriptor_nouns: frozenset[str]
    outlet_name_words: frozenset[str]
    report_verbs: frozenset[str]
    facility_nouns: frozenset[str]
    calendar_words: frozenset[str]
    org_head_words: frozenset[str]
    not_person_heads: dict[str, str]  # final word -> ORG or FAC
    place_cues: tuple[tuple[str, ...], ...]  # token sequences, lower case


def _read_alias_table(name: str) -> dict[str, str]:
    """alias or name -> canonical name, from a `name <TAB> alias|alias` table."""
    table: dict[str, str] = {}
    for row in read_rows(name):
        canonical = row[0].strip()
        aliases = row[1].split("|") if len(row) > 1 else []
        for form in [canonical, *aliases]:
            if form.strip():
                table[form.strip()] = canonical
    return table


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    titles = frozenset(row[0].strip().lower() for row in read_rows("titles.txt", header=False))
    cues = json.loads(read_text("entity_cues.json") or "{}")
    return Lexicon(
        outlets=_read_alias_table("outlets.tsv"),
        groups=_read_alias_table("armed_groups.tsv"),
        titles=titles,
        outlet_descriptor_nouns=frozenset(cues["outlet_descriptor_nouns"]),
        outlet_name_words=frozenset(cues["outlet_name_words"]),
        report_verbs=frozenset(cues["report_verbs"]),
        facility_nouns=frozenset(cues["facility_nouns"]),
        calendar_words=frozenset(cues["calendar_words"]),
        org_head_words=frozenset(cues["org_head_words"]),
        not_person_heads={w: label for label, words in cues.get("not_person_heads", {}).items() for w in words},
        place_cues=tuple(tuple(c.lower().split()) for c in cues["place_cue_before"]),
    )
