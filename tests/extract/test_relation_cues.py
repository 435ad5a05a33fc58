"""The cue index of kg.extract.relation_cues finds exactly what a test of every cue finds."""

from kg.extract import lexicon, relation_cues

POS = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP")


def _every_cue(low, pos):
    """`_word_cues` as it was: every cue of the lexicon tested."""
    saved = relation_cues._cue_candidates
    relation_cues._cue_candidates = lambda _low: lexicon.relation_cues()
    try:
        return relation_cues._word_cues.__wrapped__(low, pos)
    finally:
        relation_cues._cue_candidates = saved


def _words():
    words = {"", "a", "und", "gegen", "beziehungen", "staatsbesuch", "abgekühlt"}
    for c in lexicon.relation_cues():
        forms = [c.cue] + ([c.particle + c.cue, c.particle + "zu" + c.cue] if c.particle else [])
        for f in forms:
            words |= {f, f + "n", f + "en", f + "ung", f + "ungen", "x" + f, "handels" + f, "handels" + f + "s",
                      f[:-1], f[1:], f + f, "vor" + f + "e"}
    return sorted(words)


def test_indexed_cues_equal_a_test_of_every_cue():
    words = _words()
    assert len(words) > 1000
    for low in words:
        for pos in POS:
            assert relation_cues._word_cues.__wrapped__(low, pos) == _every_cue(low, pos), (low, pos)
