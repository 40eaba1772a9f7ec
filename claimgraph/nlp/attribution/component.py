"""Attribution: who said what, through whom, how hedged (sources, quotes, claims, unsourced_claim flags).

Reads the entities component's output from state (types, mentions, descriptors) and the parse; writes
`sources`, `quotes` and `claims`, and an `unsourced_claim` flag for each claim the author makes without
attribution. Order of work, each step owning the words it uses:

1. quoted material (`quoted`; `marks` pairs the marks, whatever their style or balance): direct
   quotes with their cue after, before, inside (split quotes) or on a dash byline, continued across
   sentences and paragraphs; partial quotes governed by a reporting verb or noun;
2. reported speech outside quotes (`reported`): cue verbs and nouns with their clause or object (cues.tsv, with
   what each means), "according to X", "as X put it", "reportedly"/"it is said" (an unnamed source),
   transcript colons ("PENCE: ...");
3. speakers (`resolve`, `speakers`, `channels`): names and entity ids, groups and roles (attribution_groups.tsv),
   pronouns resolved against the document's history of who is quoted, and `via` for words that went
   through an outlet ("told MEE", "spoke to Reuters", "Reuters quoted X as saying", "citing");
4. claims (`claims`): one per sentence or semicolon clause that asserts something, its chain outermost first
   (document outlet -> cited outlet -> speaker), its quotes and hedges (hedges.tsv). A stance cue
   ("wants", "supports") is an attribution but leaves the claim the author's.

It never raises on text: a failure is logged and the document keeps what was found before it.
Leaves `state.extra["attribution"]`: {"quote_sources": {quote id: source id},
"outlet_source": source id | None} for later components.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.attribution.channels import document_outlet, outlet_entities
from claimgraph.nlp.attribution.claims import claims, emit_quotes
from claimgraph.nlp.attribution.context import Context
from claimgraph.nlp.attribution.quoted import quoted_material
from claimgraph.nlp.attribution.reported import reported_speech
from claimgraph.nlp.attribution.resolve import resolve_speakers
from claimgraph.nlp.state import report_failure

log = logging.getLogger("claimgraph.nlp.attribution")  # the component's public logger name


@Language.factory(
    "claimgraph_attribution",
    requires=["doc._.cg_entities", "doc.sents"],
    assigns=["doc._.cg_sources", "doc._.cg_quotes", "doc._.cg_claims", "doc._.cg_flags"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()


class AttributionComponent:
    """Finds quotes and reported speech, resolves their speakers and chains, and builds the claims."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            run(doc)
        except Exception as exc:  # a component never raises on text
            report_failure(doc, "claimgraph_attribution", exc)
        return doc


def run(doc: Doc) -> None:
    """The order of work: quoted material owns its words first, then reported speech, speakers, claims."""
    cx = Context(doc)
    cx.outlet_entities = outlet_entities(cx)
    people = cx.lex.person_nouns | cx.lex.titles | {n for n, kind in cx.lex.groups.items()
                                                    if kind in {"official", "anonymous", "expert", "person"}}
    cx.sources.learn_gender(cx.doc, cx.lex.gendered, people)
    cx.outlet_source = document_outlet(cx)
    quoted_material(cx)
    reported_speech(cx)
    resolve_speakers(cx)
    quotes = emit_quotes(cx)
    claims(cx, quotes)
