"""How firmly a relation is stated (seventh round): a relation wished for or only rumoured is hedged
(invented sentences)."""

from .sentences import flagged


def test_a_relation_wished_for_is_hedged():
    assert ("FRA", "ITA", "cooperation", False, True) in flagged("Italien ist an einer Annäherung an Frankreich interessiert.")
    rels = flagged("Schweden wünscht eine engere Zusammenarbeit mit Norwegen.")
    assert rels and all(hedged for *_rest, hedged in rels)
    # the relation itself, not wished, stays asserted
    rels = flagged("Italien verstärkte die Zusammenarbeit mit Frankreich.")
    assert rels and not any(hedged for *_rest, hedged in rels)


def test_a_relation_only_talked_about_is_hedged():
    assert ("GBR", "FRA", "criticism", False, True) in flagged("Außerdem spricht man von einem Protest Englands gegen Frankreich.")
    assert ("ITA", "FRA", "criticism", False, True) in flagged("Wie man hört, hat Italien gegen Frankreich protestiert.")
    assert ("ROU", "RUS", "agreement", False, True) in flagged(
        "Gerüchten zufolge hat Rumänien mit Russland ein Abkommen geschlossen.")
    # an impersonal "man" that does something else reports no rumour
    assert ("ITA", "FRA", "criticism", False, False) in flagged("Italien protestierte gegen Frankreich, wie man weiß.")
