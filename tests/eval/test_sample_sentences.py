"""Tests of the candidate sampler for relation gold sets (kg.eval.sample_sentences); no shared data."""

from __future__ import annotations

from kg.eval import sample_sentences as ss


def _spans(text):
    return [text[s:e] for s, e in ss.split_spans(text)]


def test_split_spans_cuts_at_end_marks_and_line_breaks_and_drops_short_pieces():
    text = "Der Minister traf am Montag in Paris ein.  Danach reiste er weiter nach Rom!\nKurz.\nEine neue Zeile ohne Punkt"
    assert _spans(text) == [
        "Der Minister traf am Montag in Paris ein.",
        "Danach reiste er weiter nach Rom!",
        "Eine neue Zeile ohne Punkt",
    ]
    # the simple splitter of the earlier gold files: a date's full stop ends a piece as well
    assert _spans("Die Wahl findet am 7. Februar des kommenden Jahres statt.") == [
        "Die Wahl findet am 7.", "Februar des kommenden Jahres statt."
    ]


def test_split_spans_ends_after_a_closing_quote_and_drops_short_bits():
    text = "Er sagte: „Wir liefern keine Waffen.“ Die Regierung schwieg dazu. Ja."
    assert _spans(text) == ["Er sagte: „Wir liefern keine Waffen.“", "Die Regierung schwieg dazu."]


def test_country_matcher_reads_forms_compounds_and_extra_forms():
    found = ss.country_matcher()
    assert found("Die US-Regierung kritisiert Moskau.") == {"USA", "RUS"}
    assert found("Der deutsch-französische Vertrag") == {"DEU", "FRA"}
    assert found("Nach dem Irakkrieg schickte die Bundeswehr Ausbilder.") == {"IRQ", "DEU"}
    # a capital may not begin a closed compound; a short word inside another is no match
    assert found("Der Berliner Senat und die Romanze") == set()


def test_drop_near_duplicates_keeps_order_and_drops_retokenised_or_cut_copies():
    order = [
        {"text": "Israel und Jordanien schlossen 1994 einen Friedensvertrag ab , sagte er ."},
        {"text": "Frankreich liefert Waffen an Mali und Niger seit vielen Jahren schon."},
        {"text": "Frankreich liefert Waffen an Mali und Niger seit vielen"},  # cut-off copy of the one before
        {"text": "Polen und Litauen vereinbaren eine Zusammenarbeit."},
    ]
    gold = ["Israel und Jordanien schlossen 1994 einen Friedensvertrag ab, sagte er."]
    kept = ss.drop_near_duplicates(order, gold)
    assert [c["text"][:10] for c in kept] == ["Frankreich", "Polen und "]


def test_draw_is_deterministic_and_fills_from_share_0_pools_last():
    cands = [{"dataset": d, "sent_no": i, "text": f"{d}{i}"} for d in ss.SOURCES for i in range(3)]
    a, b = ss.draw(cands, 2026), ss.draw(cands, 2026)
    assert a == b and len(a) == len(cands)
    fill = set(ss.POOLS["gsd_fill"][0])
    n_fill = sum(c["dataset"] in fill for c in cands)
    assert all(c["dataset"] in fill for c in a[-n_fill:])
    assert a[0]["dataset"] == "quotation_attribution_de/dev.jsonl.gz"
    assert ss.draw(cands, 7) != a


def test_old_spellings_count_only_in_the_historic_pool():
    modern, historic = ss.country_matcher(), ss.country_matcher(historic=True)
    text = "Rußland und Oesterreich schlossen einen Vertrag mit England."
    assert modern(text) == {"GBR"}
    assert historic(text) == {"RUS", "AUT", "GBR"}
    assert set(ss.POOLS["europeana"][0]) == ss.HISTORIC


def test_draw_restricted_to_pools_keeps_the_order_drawn_before_europeana_was_added():
    # the europeana pool is last, so leaving it out reproduces the orders of the earlier sets
    cands = [{"dataset": d, "sent_no": i, "text": f"{d}{i}"} for d in ss.SOURCES for i in range(3)]
    older = [p for p in ss.POOLS if p != "europeana"]
    without = ss.draw([c for c in cands if c["dataset"] not in ss.HISTORIC], 2026)
    assert ss.draw(cands, 2026, older) == without
    full = ss.draw(cands, 2026)
    assert {c["dataset"] for c in full[:10]} & ss.HISTORIC  # interleaved with the news pools
    assert all(c["dataset"] not in ss.HISTORIC for c in full[-9:])  # before the GSD fill
