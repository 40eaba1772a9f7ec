"""Quantities (the `claimgraph_quantities` component): figures with bounds, subject, source, hedges, modality.

- `figures`: figures in plain text, the patterns built from claimgraph/data and their reading (bounds, units);
- `component`: the spaCy factory and what the parse adds: counted subject, source, hedges, modality.

The number tables it shares with the times component live in claimgraph.nlp.shared.numbers_data.
Importing the package registers the factory (claimgraph.nlp discovers components by importing its packages).
"""

from claimgraph.nlp.quantities.component import QuantitiesComponent, make_quantities
from claimgraph.nlp.quantities.figures import Figure, find_figures, parse_figure

__all__ = ["Figure", "QuantitiesComponent", "find_figures", "make_quantities", "parse_figure"]
