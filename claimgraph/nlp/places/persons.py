"""People's names against place names: a person's full name the model typed an organisation ("the moderator,
Lester Holt of NBC News"), whose surname alone is then that person, not a town of the name; and the words that put a
lone name somewhere all the same ("in Holt.", "Holt, Michigan"). Split from `recognition` (one concern: names of
people)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.gazetteer import Entry, Gazetteer
from claimgraph.nlp.places.lexicon import PlaceLexicon
from claimgraph.nlp.shared.entity_lexicon import load_lexicon as entity_lexicon


class PersonNames:
    """The person-name steps of `PlacesComponent` (`_name_words` is the document's surnames, set per document)."""

    lex: PlaceLexicon
    _name_words: set[str]

    def _lone_surname(self, doc: Doc, s: int, e: int, cands: list[Entry]) -> bool:
        """Is the one-word name at tokens [s, e) the surname of someone the document names in full, and neither a
        place big enough for metonymy ("Jordan", "Georgia") nor put somewhere by the text ("in Holt")?"""
        text = doc[s:e].text
        return e - s == 1 and text in self._name_words and not any(self._major(c, text) for c in cands) \
            and not self._marked_place(doc, s, e, cands)

    def _marked_place(self, doc: Doc, s: int, e: int, cands: list[Entry]) -> bool:
        """Does the text put the lone name at tokens [s, e) somewhere: a state or country after it holding a town of
        the name ("Holt, Michigan"), or a locative preposition before it with nothing after the name that makes it
        a person's ("grew up in Holt.", "in Holt on Friday"; not "in Holt's view", "in the Holt case", "resulted in
        Holt scoring", "trust in Holt" (complement_in_heads), "in Holt and Barkley", "in Holt Park", nor the "in" of
        "6ft 4in")? Then it is the town even where someone the document names in full has it as a surname."""
        if self._held_by_next(doc, e, cands):
            return True
        if s == 0 or doc[s - 1].lower_ not in self.lex.place_marking_preps or (s > 1 and not doc[s - 2].whitespace_):
            return False
        if s > 1 and doc[s - 1].lower_ == "in" and doc[s - 2].lemma_.lower() in self.lex.complement_in_heads:
            return False  # "lost trust in Holt", "believes in Holt": the word's complement, not a whereabouts
        if e >= len(doc) or doc[e].is_sent_start:
            return True
        nxt = doc[e]
        if nxt.is_punct:
            return nxt.text not in ("'", "’", "-")
        if nxt.is_lower and nxt.lower_ in ("and", "or"):  # "in Holt and Lansing", not "in Holt and Barkley"
            return e + 1 < len(doc) and doc[e + 1].text not in self._name_words
        return nxt.is_lower and nxt.pos_ == "ADP"  # "in Holt on Friday"

    def _mistyped_persons(self, doc: Doc, gaz: Gazetteer) -> list[Span]:
        """Every occurrence of a person's name the model typed an organisation ("Lester Holt" of "the moderator,
        Lester Holt of NBC News"): two or three capitalised words, no organisation's or place's head word, no
        gazetteer name as a whole, and at least one occurrence beside a person's role noun ("the anchor, X Y",
        "moderator X Y", "X Y, the host"). Without that sign the words may be a firm's ("Wells Fargo", "X Energy
        said"), whose last word alone can be the town."""
        roles = self.lex.person_roles | entity_lexicon().titles
        found: dict[str, list[Span]] = {}
        signed: set[str] = set()
        for ent in self._doc_ents(doc):
            if ent.label_ != "ORG":
                continue
            e = next((k for k in range(ent.start, ent.end) if doc[k].lower_ == "of"), ent.end)  # "X Y of NBC News"
            span = doc[ent.start:e]
            if not self._personal_name(span, gaz):
                continue
            found.setdefault(span.text, []).append(span)
            if _beside_role(doc, span, roles):
                signed.add(span.text)
        return [sp for name in signed for sp in found[name]]

    def _personal_name(self, span: Span, gaz: Gazetteer) -> bool:
        """Could the words be a person's full name: 2-3 capitalised words (a middle initial allowed), none a word
        that heads an organisation's, an institution's or a place's name, the whole no place nor a listed outlet?"""
        if not 2 <= len(span) <= 3:
            return False
        for k, t in enumerate(span):
            initial = 0 < k < len(span) - 1 and len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()
            if not (initial or (t.is_alpha and t.is_title and len(t.text) > 1)):
                return False
            if t.text in entity_lexicon().org_head_words or t.text in self.lex.institutions \
                    or t.text in self.lex.jurisdiction_titles or t.text in self.lex.named_after \
                    or t.text in self.lex.schools or t.lower_ in self.lex.admin_words \
                    or t.lower_ in self.lex.place_followers or gaz.demonym(t.text):
                return False
        return not gaz.lookup(span.text) and not _listed_outlet(span.text)


def _beside_role(doc: Doc, span: Span, roles: frozenset[str]) -> bool:
    """Is the name a person's by the words around it: a role noun right before it, with or without a comma ("anchor
    X Y", "the anchor, X Y"), or one in apposition either way ("the moderator of the debate, X Y", "X Y, the host")?
    (Not a verb of saying: firms speak too, "X Energy said".)"""
    s = span.start
    if s > 0 and doc[s - 1].is_lower and doc[s - 1].lower_ in roles:
        return True
    if s > 1 and doc[s - 1].text == "," and doc[s - 2].lower_ in roles:
        return True
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in roles:
        return True
    return any(c.dep_ == "appos" and c.lower_ in roles for c in root.children)


def _listed_outlet(text: str) -> bool:
    """Whether an entity's text is an outlet the outlet list names (data/outlets.tsv)."""
    outlets = entity_lexicon().outlets
    return text in outlets or text.removeprefix("The ").removeprefix("the ") in outlets
