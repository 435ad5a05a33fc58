"""Loading kg's model with its two big lookup tables as plain dicts.

The model keeps the lemma table of its lookup lemmatizer (355k words) and the Brown-cluster NORM
table of its vocab (300k words). spaCy loads each into a `Table`, an OrderedDict with a bloom filter
filled by one Python call per entry: about 1 s each, three quarters of `spacy.load`. Here the same
files are read into dicts, the NORM getter reads its dict, and the lemmatizer is one array
operation per doc. The docs are the same (tests/nlp/test_fast.py)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable

import numpy
import spacy
import srsly
from spacy.attrs import LEMMA, NORM, ORTH
from spacy.lang.lex_attrs import LEX_ATTRS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

LEMMA_FILE = Path("lemmatizer") / "lookups" / "lookups.bin"
NORM_FILE = Path("vocab") / "lookups.bin"


def _norm(table: dict[int, str], default: Callable[[str], Any], string: str) -> Any:
    # spaCy's util._get_attr_unless_lookup over a Table, whose keys are these string hashes
    value = table.get(get_string_id(string))
    return default(string) if value is None else value


def install_norms(vocab: Vocab, table: dict[int, str]) -> None:
    """The NORM getter spaCy builds from a `lexeme_norm` table, over a dict; lexemes made before
    (the tokenizer's special cases) get the norm they would have had."""
    default = vocab.lex_attr_getters.get(NORM, LEX_ATTRS[NORM])
    getter = functools.partial(_norm, table, default)  # a partial, not a closure: picklable
    vocab.lex_attr_getters[NORM] = getter
    for lex in vocab:
        lex.norm_ = getter(lex.orth_)


class LookupLemmatizer:
    """spaCy's Lemmatizer in "lookup" mode without overwrite: a token without a lemma gets the
    table's lemma of its text, or its text."""

    def __init__(self, vocab: Vocab, name: str = "lemmatizer"):
        self.vocab = vocab
        self.name = name
        self.table: dict[int, Any] = {}  # hash of a word -> its lemma
        self._memo: dict[int, int] = {}  # hash of a word -> hash of its lemma (in the StringStore)

    def _lemma(self, orth: int, memo: dict[int, int]) -> int:
        lemma = memo.get(orth)
        if lemma is None:
            value = self.table.get(orth)
            if isinstance(value, list):
                value = value[0] if value else None
            lemma = memo[orth] = orth if value is None else self.vocab.strings.add(value)
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        arr = doc.to_array([ORTH, LEMMA])
        todo = numpy.flatnonzero(arr[:, 1] == 0)
        if not len(todo):
            return doc
        # strings added inside a memory zone vanish with it: remember lemmas only outside one
        memo = {} if self.vocab.in_memory_zone else self._memo
        orths, where = numpy.unique(arr[todo, 0], return_inverse=True)
        lemmas = numpy.asarray([self._lemma(o, memo) for o in orths.tolist()], dtype="uint64")
        arr[todo, 1] = lemmas[where]
        doc.from_array([LEMMA], numpy.ascontiguousarray(arr[:, 1:2]))
        return doc


@Language.factory("kg_lookup_lemmatizer")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    return LookupLemmatizer(nlp.vocab, name)


def _tables(path: Path) -> dict[str, dict] | None:
    try:
        return srsly.msgpack_loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def load(path: Path) -> Language:
    """spacy.load(path), with the tables as dicts when the model is laid out as kg's is (a lookup
    lemmatizer with only `lemma_lookup`, a vocab with only `lexeme_norm`); otherwise plain spacy.load."""
    config = spacy.util.load_config(path / "config.cfg")
    comp = config["components"].get("lemmatizer", {})
    simple = (comp.get("factory") == "lemmatizer" and comp.get("mode") == "lookup" and not comp.get("overwrite")
              and "lemmatizer" in config["nlp"]["pipeline"] and "lemmatizer" not in config["nlp"].get("disabled", []))
    lemmas = _tables(path / LEMMA_FILE) if simple else None
    norms = _tables(path / NORM_FILE) if lemmas else None
    if not (lemmas and norms and set(lemmas) == {"lemma_lookup"} and set(norms) == {"lexeme_norm"}):
        return spacy.load(path)
    # "lookups" keeps Vocab.from_disk off the vocab's table; the lemmatizer is not built at all
    nlp = spacy.load(path, exclude=["lemmatizer", "lookups"])
    install_norms(nlp.vocab, norms["lexeme_norm"])
    order = config["nlp"]["pipeline"]
    after = [n for n in order[order.index("lemmatizer") + 1:] if n in nlp.pipe_names]
    lemmatizer = nlp.add_pipe("kg_lookup_lemmatizer", name="lemmatizer", before=after[0] if after else None)
    lemmatizer.table = lemmas["lemma_lookup"]
    return nlp
