"""Attribution (the `claimgraph_attribution` component): who said what, through whom, how hedged.

- `component`: the spaCy factory and the order of work (quotes, reported speech, speakers, claims);
- `marks`: pairing quotation marks of any style into quote spans, paragraphs;
- `speakers`: speaker candidates, names, groups, roles and pronouns;
- `lexicon`: the cue words read from claimgraph/data (cues.tsv, hedges.tsv, attribution_groups.tsv).

Importing the package registers the factory (claimgraph.nlp discovers components by importing its packages).
"""

from claimgraph.nlp.attribution.component import AttributionComponent, make_attribution

__all__ = ["AttributionComponent", "make_attribution"]
