"""The spaCy pipeline kg uses: ``load()`` returns it, offline, with kg's rule layers on top of the
trained German components shipped in ``kg/nlp/model`` (or any installed spaCy German pipeline)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from kg.errors import KgError
from kg.nlp import clusterfeat, components, fast, lookups, unsplit  # noqa: F401  (they register the components)
from kg.nlp.gazetteer import all_patterns
from kg.nlp.names import HYPHEN_INFIX

MODEL_DIR = Path(__file__).parent / "model"
PIPELINE_VERSION = "kg-rules-2"


def _plain_tokenizer(nlp: Language) -> Tokenizer:
    """A copy of the pipeline's tokenizer as it is before kg's hyphen rule (for kg_unsplit_ner)."""
    tok = nlp.tokenizer
    plain = Tokenizer(nlp.vocab, rules=tok.rules, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                      infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)
    plain.max_cache_size = tok.max_cache_size
    return plain


def _tune_tokenizer(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes or []) + [HYPHEN_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def add_rules(nlp: Language) -> Language:
    """Add kg's rule components to any German pipeline."""
    plain = _plain_tokenizer(nlp)
    _tune_tokenizer(nlp)
    if "ner" in nlp.pipe_names:  # the NER reads split words whole (kg/nlp/unsplit.py)
        nlp.add_pipe("kg_unsplit_ner", after="ner").tokenizer = plain
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
