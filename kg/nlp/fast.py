"""Speed settings for a loaded pipeline. None of them changes what the pipeline outputs
(tests/nlp/test_fast.py compares the docs with and without them)."""

from __future__ import annotations

import os

import numpy
from spacy.attrs import ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

# Tokenizer chunks cached (spaCy's default is 10,000; a news corpus has far more distinct chunks).
# Each entry is a few dozen bytes, so this bounds the cache at a few MB.
TOKENIZER_CACHE = 100_000


def use_numpy_blas(nlp: Language) -> None:
    """Matrix products through numpy's BLAS (OpenBLAS) with one thread instead of thinc's BLIS.

    BLIS picks its kernels by CPU model and has none for AMD Zen 3 and later (the machine kg is
    developed on): it falls back to a generic kernel about 4x slower than OpenBLAS, and the matrix
    products are most of tok2vec's time. One thread: kg runs one pipeline per process, and BLAS
    threads of several processes (or of other jobs) only fight over the cores and spin.
    KG_BLAS=blis keeps thinc's default."""
    if os.environ.get("KG_BLAS", "").lower() == "blis":
        return
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=int(os.environ.get("KG_BLAS_THREADS", "1")), user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def cache_tokenizer(nlp: Language) -> None:
    """Let the tokenizer cache work on multi-line texts.

    spaCy stops caching the chunks of a text once one chunk was a special case, and "\\n" is a special
    case (mapping "\\n" to itself, as the affix rules do anyway), so after a text's first line break
    every word went through the prefix/suffix/infix regexes again. Whitespace specials that only
    repeat their own text are dropped; the rest stay."""
    tok = nlp.tokenizer
    rules = tok.rules or {}
    keep = {k: v for k, v in rules.items() if not (k.isspace() and v == [{ORTH: k}])}
    if len(keep) != len(rules):
        tok.rules = keep
    tok.max_cache_size = max(tok.max_cache_size, TOKENIZER_CACHE)


class TagToPos:
    """The attribute ruler's job when all it does is map each fine tag to a POS (kg's model: UPOS
    tags copied to POS), done with one array lookup per doc. spaCy's AttributeRuler runs a Matcher
    and sets every matched token from Python: over 10% of the whole pipeline's time."""

    def __init__(self, nlp: Language, name: str, tag_map: dict[str, str]):
        self.name = name
        self.tag_map = dict(tag_map)
        self._tags = numpy.asarray([nlp.vocab.strings.add(t) for t in self.tag_map], dtype="uint64")
        self._pos = numpy.asarray([POS_IDS[p] for p in self.tag_map.values()], dtype="uint64")
        order = numpy.argsort(self._tags)
        self._tags, self._pos = self._tags[order], self._pos[order]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not len(self._tags):
            return doc
        arr = doc.to_array([TAG, POS])
        tags, pos = arr[:, 0], arr[:, 1]
        at = numpy.minimum(numpy.searchsorted(self._tags, tags), len(self._tags) - 1)
        hit = self._tags[at] == tags
        pos[hit] = self._pos[at[hit]]  # tags without a rule keep their POS, as with the ruler
        doc.from_array([POS], pos.reshape(-1, 1))
        return doc


@Language.factory("kg_tag_to_pos", default_config={"tag_map": {}})
def make_tag_to_pos(nlp: Language, name: str, tag_map: dict[str, str]) -> TagToPos:
    return TagToPos(nlp, name, tag_map)


def simple_tag_map(ruler) -> dict[str, str] | None:
    """{tag: pos} if every rule of an AttributeRuler is "one token with TAG == x -> POS = y", else None."""
    table: dict[str, str] = {}
    for rule in ruler.patterns:
        pats, attrs = rule["patterns"], rule["attrs"]
        if len(pats) != 1 or len(pats[0]) != 1 or set(pats[0][0]) != {"TAG"} or set(attrs) != {"POS"}:
            return None
        tag, pos = pats[0][0]["TAG"], attrs["POS"]
        if not isinstance(tag, str) or pos not in POS_IDS or table.get(tag, pos) != pos:
            return None
        table[tag] = pos
    return table


def replace_tag_ruler(nlp: Language) -> None:
    """Swap a TAG -> POS attribute ruler for TagToPos (same name and place in the pipeline)."""
    for name, proc in list(nlp.pipeline):
        if type(proc).__name__ == "AttributeRuler":
            table = simple_tag_map(proc)
            if table:
                nlp.replace_pipe(name, "kg_tag_to_pos", config={"tag_map": table})


def apply(nlp: Language) -> Language:
    use_numpy_blas(nlp)
    cache_tokenizer(nlp)
    replace_tag_ruler(nlp)
    return nlp
