"""Places (the `claimgraph_places` component): place mentions put on the map, offline.

- `component`: the spaCy factory, the order of work and the output (places, look-ups for later components);
- `recognition`: mentions from entities and a gazetteer scan, containment hints ("X, Y", "Y's X", "X in Y");
- `resolution`: candidates, document focus, containment and spatial support, one sense per name;
- `forms`: one-pass text scans (a resolved name's other occurrences, headline sentences, partial names);
- `sites`: named sites no gazetteer holds (rivers, streets, numbered roads), placed at their container;
- `lexicon`: places_lexicon.json, and the Mention / Group records the steps pass along;
- `demonyms`: the `claimgraph_place_demonyms` component, run after events: demonyms ("Syrian") as mentions of
  their country's place in the output, never a place events read as where something happened.

Importing the package registers the factory (claimgraph.nlp discovers components by importing its packages).
"""

from claimgraph.nlp.places.component import PlacesComponent, make_places
from claimgraph.nlp.places.demonyms import PlaceDemonyms, make_place_demonyms
from claimgraph.nlp.places.lexicon import load_lexicon

__all__ = ["PlaceDemonyms", "PlacesComponent", "load_lexicon", "make_place_demonyms", "make_places"]
