"""Attribution (the `claimgraph_attribution` component): who said what, through whom, how hedged.

- `component`: the spaCy factory and the order of work (quotes, reported speech, speakers, claims);
- `context`: the document context every construction reads and writes (attributions so far, owned words);
- `quoted`: direct quotes with their frame (after, before, dash byline, colon), split, continued, partial quotes;
- `reported`: reported speech outside quotes: cue verbs and nouns, "according to", "as X put it",
  "reportedly";
- `transcripts`: transcript turns under a speaker's label ("PENCE: ...", over paragraphs) and headline labels;
- `grammar`: a cue's speaker from the parse, the cue governing a quote, sentence-level sources;
- `resolve`: speakers to sources (entities, groups, roles, relative and personal pronouns);
- `channels`: outlets the words went through (`via`), the document's own outlet;
- `issuers`: who issued a document ("the ministry's statement"), whose words "citing"/"quoting" relay;
- `claims`: the contract quotes, and claims with their chains and hedges;
- `marks`: pairing quotation marks of any style into quote spans, paragraphs;
- `speakers`: speaker candidates, names, groups, roles and the pronoun history;
- `lexicon`: the cue words read from claimgraph/data (cues.tsv, hedges.tsv, attribution_groups.tsv).

Importing the package registers the factory (claimgraph.nlp discovers components by importing its packages).
"""

from claimgraph.nlp.attribution.component import AttributionComponent, make_attribution

__all__ = ["AttributionComponent", "make_attribution"]
