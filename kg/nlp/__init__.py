"""The spaCy pipeline kg uses: ``load()`` returns it, offline, with kg's rule layers on top of the
trained German components shipped in ``kg/nlp/model`` (or any installed spaCy German pipeline)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from kg.errors import KgError
from kg.nlp import components, fast, lookups  # noqa: F401  (components registers the components)
from kg.nlp.gazetteer import all_patterns

MODEL_DIR = Path(__file__).parent / "model"
PIPELINE_VERSION = "kg-rules-1"
# A hyphen before a capital splits compounds so that "US-Außenminister" and
# "Russland-Ukraine-Krieg" expose the country names; "Jae-in" stays whole.
HYPHEN_INFIX = r"(?<=[0-9A-Za-zÄÖÜäöüß])-(?=[A-ZÄÖÜ])"


def _tune_tokenizer(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes or []) + [HYPHEN_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def add_rules(nlp: Language) -> Language:
    """Add kg's rule components to any German pipeline."""
    _tune_tokenizer(nlp)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("kg_sentences", before=first) if first else nlp.add_pipe("kg_sentences")
    for name in ("parser", "senter"):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)  # kg's quote-aware boundaries win
    ruler = nlp.add_pipe(
        "span_ruler", name="kg_gazetteer",
        config={"spans_key": "kg", "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}},
    )
    # the ruler matches ORTH, so its phrase patterns only need the tokenizer; left alone, add_patterns
    # runs every component before it (tok2vec, tagger, ner, ...) over the 2,000+ patterns
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(all_patterns())
    nlp.add_pipe("kg_entities")
    return nlp


def _create(model: str | None, statistical: bool, rules: bool) -> Language:
    try:
        if model:
            nlp = lookups.load(Path(model)) if (Path(model) / "config.cfg").is_file() else spacy.load(model)
        elif statistical and (MODEL_DIR / "config.cfg").exists():
            nlp = lookups.load(MODEL_DIR)
        else:
            nlp = spacy.blank("de")
    except OSError as err:
        raise KgError(f"cannot load spaCy pipeline {model or MODEL_DIR}: expected an installed German pipeline or a model folder ({err})")
    if nlp.lang != "de":
        raise KgError(f"spaCy pipeline {model!r} is for language {nlp.lang!r}, expected German ('de')")
    fast.apply(nlp)
    return add_rules(nlp) if rules else nlp


@lru_cache(maxsize=4)
def _cached(model: str | None, statistical: bool, rules: bool) -> Language:
    return _create(model, statistical, rules)


def load(model: str | None = None, *, statistical: bool = True, rules: bool = True, fresh: bool = False) -> Language:
    """The pipeline kg runs. ``model``: an installed spaCy German pipeline name or path instead of
    kg's own; ``statistical=False`` gives the rule-only pipeline (for ablations)."""
    return _create(model, statistical, rules) if fresh else _cached(model, statistical, rules)


def version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{PIPELINE_VERSION}/{meta.get('name', 'blank')}-{meta.get('version', '0')}"
