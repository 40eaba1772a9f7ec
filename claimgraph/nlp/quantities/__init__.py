"""Quantities (the `claimgraph_quantities` component): figures with bounds, subject, source, hedges, modality.

- `component`: the spaCy factory, the figure patterns built from claimgraph/data and their reading.

The number tables it shares with the times component live in claimgraph.nlp.shared.numbers_data.
Importing the package registers the factory (claimgraph.nlp discovers components by importing its packages).
"""

from claimgraph.nlp.quantities.component import Figure, QuantitiesComponent, find_figures, make_quantities, parse_figure

__all__ = ["Figure", "QuantitiesComponent", "find_figures", "make_quantities", "parse_figure"]
