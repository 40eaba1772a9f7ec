"""Events (the `claimgraph_events` component): ACLED-typed events with actors, targets, place, time, casualties.

- `component`: the spaCy factory, candidate events per sentence, merging, arguments, salience;
- `lexicon`: triggers, context rules and group words read from claimgraph/data (event_triggers.tsv, events_*.tsv);
- `casualties`: casualty figures ("killed 12 civilians") and what they count;
- `evidence`: evidence before an event (participants of the right kind, and whether it happened at all);
- `incidents`: one event per incident (repeated reports become `mentions` of the first listing).

Importing the package registers the factory (claimgraph.nlp discovers components by importing its packages).
"""

from claimgraph.nlp.events.component import EventsComponent, make_events

__all__ = ["EventsComponent", "make_events"]
