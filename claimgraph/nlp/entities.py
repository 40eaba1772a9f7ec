"""Entities component (placeholder: spaCy NER grouped by surface form; the full version follows)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.contract import Entity
from claimgraph.nlp.state import get_state

SPACY_TO_CONTRACT = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT",
}


@Language.factory(
    "claimgraph_entities",
    requires=["doc.ents"],
    assigns=["doc._.cg_entities"],
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()


class EntitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        by_key: dict[tuple[str, str], Entity] = {}
        for ent in doc.ents:
            etype = SPACY_TO_CONTRACT.get(ent.label_)
            if etype is None:
                continue
            key = (ent.text, etype)
            if key not in by_key:
                by_key[key] = state.add(
                    "entities", Entity(id=state.new_id("entities"), name=ent.text, type=etype, aliases=[ent.text])
                )
            by_key[key].mentions.append((ent.start_char, ent.end_char))
        state.index_entity_mentions()
        return doc
