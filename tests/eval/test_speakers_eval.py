"""The person-node checks of kg.eval.speakers on invented labels."""

from kg.eval.speakers import inflected_role, not_a_name


def test_inflected_roles():
    assert inflected_role("Airbus-Vorstandsvorsitzenden")
    assert inflected_role("Senders") and inflected_role("Präsidenten")
    assert not inflected_role("Airbus-Vorstandsvorsitzender") and not inflected_role("Vorsitzende")
    assert not inflected_role("Sprecherin") and not inflected_role(None)


def test_labels_that_are_no_names():
    assert "kind or role noun" in not_a_name("Ein Vertreter der Vereinten Nationen", set(), ())
    assert "lower-case word" in not_a_name("Anna aus Bonn", set(), ())
    assert "coordination" in not_a_name("Sonia und Willy Bogner", set(), ())
    assert "kind or role noun" in not_a_name("Bundespolizei", set(), ())
    assert "a place or organisation in its article" in not_a_name("Quelparo", {"Quelparo"}, ())
    assert not_a_name("Ursula von der Leyen", set(), ()) == []
    assert not_a_name("Klaus Tolksdorf", set(), ()) == []
