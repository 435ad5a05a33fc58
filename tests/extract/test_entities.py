"""DocEntities' cached answers (name_at, is_name_token, ref lookups) equal the uncached ones."""

import kg.nlp
from kg.extract.docview import view
from kg.extract.entities import DocEntities, slug

TEXTS = [
    "Der Sprecher des Kremls, Dmitri Peskow, sagte am Montag in Moskau, Russland sei bereit. "
    "Prof. Anna Berger von der Universität Wien widersprach. Frankreich und Deutschland schwiegen.",
    "Bundeskanzlerin Angela Merkel traf US-Präsident Joe Biden. Vereinschef Corny Littmann lachte.",
]


def _ents(text):
    doc = view(kg.nlp.load()(text))
    return doc, DocEntities(doc, "t")


def test_cached_name_answers_equal_a_fresh_search():
    for text in TEXTS:
        doc, ents = _ents(text)
        for _ in range(2):  # the second round is answered from the cache
            for i in range(len(doc) + 1):
                found = ents.name_at(i)
                fresh = ents._find_name_at(i)
                assert (found.start, found.end) == (fresh.start, fresh.end) if fresh is not None else found is None
                assert ents.may_start_name(i) or found is None  # (the cheap test never hides a name)
                if i < len(doc):
                    assert ents.is_name_token(doc[i]) == ents._is_name_token(doc[i])


def test_cache_belongs_to_its_document_and_follows_new_roles():
    doc_a, ents_a = _ents("Anna Berger sagte nichts.")
    doc_b, ents_b = _ents("Gestern sagte Anna Berger nichts.")
    assert ents_a.name_at(0).text == "Anna Berger"
    assert ents_b.name_at(0) is None and ents_b.name_at(2).text == "Anna Berger"
    assert ents_a.name_at(0).text == "Anna Berger"  # (not the other document's answer)
    ents_a.roles[0] = doc_a[0:1]  # a new role: "Anna" is no name token any more
    assert not ents_a.is_name_token(doc_a[0])
    assert ents_a.name_at(0).text == "Berger"


def test_ref_lookups_equal_a_scan_of_all_refs():
    for text in TEXTS:
        doc, ents = _ents(text)
        assert ents.refs
        for tok in doc:
            expected = next((r for r in ents.refs if r[0] == tok.idx), None)
            assert ents.ref_starting_at(tok.idx) == expected
            assert ents._known_ref(tok) == any(s <= tok.idx < e and lab != "PER" for s, e, _, lab in ents.refs)
        for sent in doc.sents:
            for a, b in ((sent.start_char, sent.end_char), (0, sent.end_char), (sent.start_char + 1, len(text))):
                assert ents.refs_in(a, b) == [r for r in ents.refs if r[0] >= a and r[1] <= b]
        ents.refs.append((0, 3, "country/DEU", "COUNTRY"))  # added out of order: still answered right
        assert ents.refs_in(0, 3) == [r for r in ents.refs if r[0] >= 0 and r[1] <= 3]
        assert ents.ref_starting_at(0) == next(r for r in ents.refs if r[0] == 0)


def test_slug_of_ascii_and_accented_labels():
    assert slug("Jean-Claude Juncker") == "jean-claude-juncker"
    assert slug("Zoë Müller-Weiß") == "zoe-muller-weiss"
    assert slug("Søren Ærø") == "s-ren-r"  # (no decomposition: dropped like any other character)
    assert slug("---") == "x"
