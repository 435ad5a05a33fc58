"""A Doc seen through cached token objects, for extraction's inner loops.

spaCy builds a new Token per ``doc[i]`` and looks every string attribute up in the StringStore on
each access (``doc[i].lower_`` ~0.3 µs, ``tok.morph.get(...)`` ~2 µs); the rule layer reads the
same tokens of a sentence again and again. ``view(doc)`` answers ``doc[i]``, ``doc[a:b]`` and
``doc.sents`` with one object per token: text, POS, offset, morphology, lemma and entity tags are filled
in from the token array at once (lower case, is_space and is_alpha from the texts), other attributes
from the real token at their first read and then kept
(tokens do not change after the pipeline). Whatever they do not cache, they hand to the real Doc,
Span or Token, so code written for spaCy's objects reads the same values through them."""

from __future__ import annotations

from bisect import bisect_right
from itertools import repeat
from operator import add

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LEMMA, MORPH, ORTH, POS, SPACY
from spacy.tokens import Doc, MorphAnalysis, Span
from spacy.util import normalize_slice

from kg.extract.doctext import KEY, doc_text

# immutable token attributes kept after the first read
_CACHED = ("text", "lower_", "lemma_", "pos_", "tag_", "idx", "is_space", "is_punct", "is_alpha",
           "is_digit", "like_num", "ent_type_", "ent_iob_", "whitespace_", "is_sent_start", "morph")
_MORPHS: dict[int, "_Morph"] = {}  # morph key -> its cached features (a few hundred in a language)
_POS: dict[int, str] = {}  # POS id -> name
_IOB = ("", "I", "O", "B")  # Token.ent_iob_ by the ENT_IOB value
_SPACES = ("", " ")  # the text after a token by its SPACY value
_MAX_STRINGS = 200_000


class _Strings(dict):
    """String hash -> string, for all vocabularies (a hash names the same string in each): the
    StringStore answers through a Python-level call, a dict in C. A miss asks `store`
    (the vocabulary of the doc at hand) without leaving the C loop that maps a column: every article
    brings ~100 new strings, and restarting the column after each KeyError cost ~0.1 ms an article."""

    store = None

    def __missing__(self, h: int) -> str:
        s = self[h] = self.store[h]
        return s


_STRINGS = _Strings()


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    if len(_STRINGS) > _MAX_STRINGS:
        _STRINGS.clear()
    _STRINGS.store = doc.vocab.strings
    return list(map(_STRINGS.__getitem__, hashes))


class _Morph:
    """``MorphAnalysis.get`` answered from a cache per field."""

    __slots__ = ("_real", "_fields")

    def __init__(self, real):
        self._real = real
        self._fields: dict = {}

    def get(self, field, default=None):
        values = self._fields.get(field)
        if values is None:
            values = self._fields[field] = tuple(self._real.get(field))
        if not values:
            return [] if default is None else default
        return list(values)

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __str__(self):
        return str(self._real)


class ViewToken:
    __slots__ = ("_doc", "i") + _CACHED

    def __init__(self, doc: Doc, i: int, text: str, lower: str, pos: str, idx: int, morph: _Morph, lemma: str,
                 ent_type: str, ent_iob: str, is_space: bool, is_alpha: bool):
        self._doc = doc  # (one assignment each: a sixth faster than unpacking a tuple, for every token)
        self.i = i
        self.text = text
        self.lower_ = lower
        self.pos_ = pos
        self.idx = idx
        self.morph = morph
        # (read for ~150 tokens an article, each through a new spaCy Token: dearer than filling them all)
        self.lemma_ = lemma
        self.ent_type_ = ent_type
        self.ent_iob_ = ent_iob
        self.is_space = is_space
        self.is_alpha = is_alpha

    @property
    def token(self):
        return self._doc[self.i]

    def __getattr__(self, name):  # only reached for attributes not (yet) stored
        value = getattr(self._doc[self.i], name)
        if name in _CACHED:
            setattr(self, name, value)
        return value

    def __len__(self):
        return len(self.text)

    def __str__(self):
        return self.text

    __repr__ = __str__

    def __eq__(self, other):
        return self.token == (other.token if isinstance(other, (ViewToken, ViewSpan)) else other)

    def __hash__(self):
        return hash(self.token)


class ViewSpan:
    __slots__ = ("_view", "start", "end", "_span")

    def __init__(self, view: "DocView", start: int, end: int, span: Span | None = None):
        self._view, self.start, self.end, self._span = view, start, end, span

    @property
    def span(self) -> Span:
        if self._span is None:
            self._span = Span(self._view.doc, self.start, self.end)
        return self._span

    @property
    def doc(self) -> "DocView":
        return self._view

    @property
    def start_char(self) -> int:
        return self._view.tokens[self.start].idx if self.end > self.start else self.span.start_char

    @property
    def end_char(self) -> int:
        if self.end > self.start:
            last = self._view.tokens[self.end - 1]
            return last.idx + len(last.text)
        return self.span.end_char

    @property
    def text(self) -> str:
        if self.end > self.start:
            return doc_text(self._view.doc)[self.start_char:self.end_char]
        return self.span.text

    def __len__(self):
        return self.end - self.start

    def __iter__(self):
        return iter(self._view.tokens[self.start:self.end])

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, end = normalize_slice(len(self), i.start, i.stop, i.step)
            return ViewSpan(self._view, self.start + start, self.start + end)
        k = self.end + i if i < 0 else self.start + i
        if not self.start <= k < self.end:
            raise IndexError(f"index {i} out of range for a span of {len(self)} tokens")
        return self._view.tokens[k]

    def __getattr__(self, name):
        return getattr(self.span, name)

    def __str__(self):
        return self.text

    __repr__ = __str__

    def __eq__(self, other):
        return self.span == (other.span if isinstance(other, ViewSpan) else other)

    def __hash__(self):
        return hash(self.span)


class DocView:
    # (no reference back from tokens or cached sentences to the view: it is freed with its last use)
    __slots__ = ("doc", "tokens", "user_data", "_sents", "_starts", "lowers", "lemmas", "pos_ids")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.user_data = doc.user_data  # (doc_text reads it for every mention)
        self._sents: list[tuple[int, int, Span]] | None = None
        self._starts: list[int] | None = None  # token offsets, for token_at_char
        # the attributes nearly every rule reads, for all tokens at once from the token array
        n = len(doc)
        # (lower case, is_space and is_alpha are the lexeme's str.lower(), str.isspace(), str.isalpha() of
        # its text, spaCy's lexical attribute getters: made from the texts in C, no columns of the array)
        cols = doc.to_array([ORTH, POS, IDX, MORPH, SPACY, LEMMA, ENT_TYPE, ENT_IOB]).T.tolist() if n else [[]] * 8
        text = _strings(doc, cols[0])
        if KEY not in doc.user_data:  # Doc.text makes a Token per token (here: each text and its space, in C)
            doc.user_data[KEY] = "".join(map(add, text, map(_SPACES.__getitem__, cols[4])))
        lower = list(map(str.lower, text))
        # (the columns a rule may scan whole, kg.extract.indirect's cue tokens: set and map tests in C)
        self.lowers, self.lemmas, self.pos_ids = lower, _strings(doc, cols[5]), cols[1]
        for p in set(cols[1]).difference(_POS):
            _POS[p] = doc[cols[1].index(p)].pos_
        for key in set(cols[3]).difference(_MORPHS):
            _MORPHS[key] = _Morph(MorphAnalysis.from_id(doc.vocab, key))
        # (map: C calls, no loop in Python, for every token; the columns go in as iterators, no list each)
        self.tokens = list(map(ViewToken, repeat(doc, n), range(n), text, lower, map(_POS.__getitem__, cols[1]), cols[2],
                               map(_MORPHS.__getitem__, cols[3]), self.lemmas, _strings(doc, cols[6]),
                               map(_IOB.__getitem__, cols[7]), map(str.isspace, text), map(str.isalpha, text)))

    def __getitem__(self, i):
        if i.__class__ is int:
            return self.tokens[i]
        if i.__class__ is slice and i.step is None:  # spacy.util.normalize_slice, inlined (hot)
            n = len(self.tokens)
            start, stop = i.start, i.stop
            start = 0 if start is None else min(n, max(0, start + n if start < 0 else start))
            stop = n if stop is None else min(n, max(start, stop + n if stop < 0 else stop))
            return ViewSpan(self, start, stop)
        if isinstance(i, slice):
            start, end = normalize_slice(len(self.tokens), i.start, i.stop, i.step)
            return ViewSpan(self, start, end)
        return self.doc[i]

    def __len__(self):
        return len(self.tokens)

    def __iter__(self):
        return iter(self.tokens)

    @property
    def sents(self) -> list[ViewSpan]:
        if self._sents is None:
            self._sents = [(s.start, s.end, s) for s in self.doc.sents]
        return [ViewSpan(self, *s) for s in self._sents]

    def __getattr__(self, name):
        return getattr(self.doc, name)

    def char_span_bounds(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """(start, end) of ``doc.char_span(start_char, end_char, alignment_mode="expand")``, None where
        that is None, by bisection of the token offsets instead of a new Span each time."""
        a, b = self._token_by_char(start_char), self._token_by_char(end_char - 1)
        if a < 0 or b < 0:
            return None
        tok = self.tokens[a]
        return (a + 1 if start_char == tok.idx + len(tok.text) else a), b + 1  # (on the space after a token: the next)

    def token_at_char(self, char: int) -> int:
        """``doc.char_span(char, char + 1, alignment_mode="expand").start``, 0 where that span is None."""
        bounds = self.char_span_bounds(char, char + 1)
        return bounds[0] if bounds is not None else 0

    def _token_by_char(self, char: int) -> int:
        """The token whose text or the one space after it holds `char`, else -1 (spaCy's token_by_char)."""
        if self._starts is None:
            self._starts = [t.idx for t in self.tokens]
        i = bisect_right(self._starts, char) - 1
        if i < 0 or (i == len(self.tokens) - 1 and char >= len(doc_text(self.doc))):
            return -1  # (every other offset is in a token or the space after it: a token ends where the next starts)
        return i


def view(doc: Doc | DocView) -> DocView:
    return doc if isinstance(doc, DocView) else DocView(doc)
