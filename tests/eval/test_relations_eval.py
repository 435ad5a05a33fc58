"""Tests of the country-relation gold loader and scorer (kg.eval.relations)."""

from __future__ import annotations

import gzip
import json

import pytest

from kg.eval import relations as ev
from kg.eval.relations import GoldError, RelTuple, score

SHARED = ev.default_shared_dir()
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"shared data folder absent ({SHARED}); set KG_SHARED_DATA to run"
)


def R(c1, c2, type="cooperation", polarity="cooperative", negated=False, hedged=False):
    return RelTuple(c1, c2, type, polarity, False, negated, hedged)


# ----------------------------------------------------------------- gold file (no shared data needed)


def test_gold_file_is_well_formed():
    gold = ev.load_gold()
    assert len(gold) >= 80
    with_rel = [g for g in gold if g.relations]
    without = [g for g in gold if not g.relations]
    assert 0.25 <= len(without) / len(gold) <= 0.45
    assert sum(len(g.relations) for g in with_rel) >= 60
    rels = [r for g in gold for r in g.relations]
    assert any(r.negated for r in rels) and any(r.hedged for r in rels)
    for r in rels:
        default_polarity, directed = ev.RELATION_TYPES[r.type]
        assert r.polarity == default_polarity
        assert r.directed == directed
    for g in gold:
        assert len(g.sha1) == 40
        assert g.locator, g.id


def test_gold_file_holds_no_text():
    raw = ev.GOLD_PATH.read_text(encoding="utf-8")
    for line in raw.splitlines():
        obj = json.loads(line)
        assert "text" not in obj and "sentence" not in obj


@pytest.mark.parametrize("name,prefix,min_sentences,min_relations", [
    ("relations_heldout3.jsonl", "h3_", 70, 10),
    ("relations_heldout4.jsonl", "h4_", 150, 40),  # enough relations to measure recall (issue #4)
    ("relations_heldout5.jsonl", "h5_", 200, 20),  # the rest of the modern pools, mostly hard negatives (issue #4)
])
def test_blind_heldout_files_are_well_formed(name, prefix, min_sentences, min_relations):
    path = ev.GOLD_PATH.parent / name
    gold = ev.load_gold(path)  # raises on unknown types/polarities, non-ISO codes, duplicate ids
    assert len(gold) >= min_sentences
    assert [g.id for g in gold] == [f"{prefix}{i:03d}" for i in range(1, len(gold) + 1)]
    assert len({g.sha1 for g in gold}) == len(gold)
    rels = [r for g in gold for r in g.relations]
    assert len(rels) >= min_relations
    for g in gold:
        assert len(g.sha1) == 40 and g.locator and g.dataset
        assert set(g.locator) in ({"sent_id"}, {"sent_no"}, {"line_no"}, {"doc_id", "start", "end"}), g.id
    for r in rels:
        assert (r.polarity, r.directed) == ev.RELATION_TYPES[r.type]
    for line in path.read_text(encoding="utf-8").splitlines():
        assert not {"text", "sentence"} & set(json.loads(line))
    # no sentence of an earlier gold file again
    earlier = {g.sha1 for p in ev.GOLD_PATH.parent.glob("relations_*.jsonl") if p != path for g in ev.load_gold(p)}
    assert not earlier & {g.sha1 for g in gold}


@pytest.mark.parametrize("name,prefix", [
    ("relations_checklist.jsonl", "c_"),  # session 9, helper checklist
    ("relations_checklist2.jsonl", "d_"),  # session 10, helper checklist2 (written blind, more newsroom styles)
])
def test_challenge_set_is_invented_well_formed_and_balanced(name, prefix):
    path = ev.GOLD_PATH.parent / name
    gold = ev.load_gold(path)  # checks each text's sha1
    assert not ev.invented_set_problems(gold, prefix)
    rels = [r for g in gold for r in g.relations]
    halves = [[g for g in gold if ev.in_half(g.id, h)] for h in ("dev", "test")]
    for half in halves:  # comparable halves: with and without relations alike, every type in each
        assert abs(sum(bool(g.relations) for g in half) - sum(bool(g.relations) for g in halves[0])) <= 2
        assert {r.type for g in half for r in g.relations} == set(ev.RELATION_TYPES)
    n_rels = [sum(len(g.relations) for g in half) for half in halves]
    assert abs(n_rels[0] - n_rels[1]) <= 0.1 * len(rels)
    # no sentence of another relations file again (invented texts must not repeat one)
    others = {g.sha1 for p in ev.GOLD_PATH.parent.glob("relations_*.jsonl") if p != path for g in ev.load_gold(p)}
    assert not others & {g.sha1 for g in gold}


def test_load_gold_rejects_unknown_type(tmp_path):
    p = tmp_path / "g.jsonl"
    rel = {"country1": "RUS", "country2": "PRK", "type": "friendship", "polarity": "cooperative"}
    p.write_text(json.dumps({"id": "x", "dataset": "d", "sent_id": "1", "sha1": "0" * 40, "relations": [rel]}))
    with pytest.raises(GoldError, match="unknown relation type"):
        ev.load_gold(p)


# ----------------------------------------------------------------- recovery on a fake shared folder


@pytest.fixture()
def fake_shared(tmp_path):
    (tmp_path / "ud").mkdir()
    (tmp_path / "ud" / "x.conllu").write_text(
        "# sent_id = s1\n# text = Russland und Nordkorea schließen ein Bündnis.\n1\tRussland\n\n"
        "# sent_id = s2\n# text = Peking kritisiert Washington.\n1\tPeking\n\n",
        encoding="utf-8",
    )
    (tmp_path / "germeval2014").mkdir()
    (tmp_path / "germeval2014" / "g.tsv").write_text(
        "#\thttp://x\t[2009]\n1\tMoskau\tB-LOC\tO\n2\tdroht\tO\tO\n3\tKiew\tB-LOC\tO\n4\t.\tO\tO\n\n"
        "#\thttp://y\n1\tZweiter\tO\tO\n2\tSatz\tO\tO\n\n",
        encoding="utf-8",
    )
    (tmp_path / "q").mkdir()
    with gzip.open(tmp_path / "q" / "dev.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "77", "text": "Vorher. Die USA sanktionieren Iran. Nachher."}) + "\n")
    (tmp_path / "smartdata_corpus").mkdir()
    doc = {"id": "http://a@1", "text": {"string": "Titel\nFrankreich hilft Mali."}, "sentences": None}
    with gzip.open(tmp_path / "smartdata_corpus" / "s.json.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(doc, indent=2) + "\n" + json.dumps({"id": "b", "text": {"string": "x"}}, indent=2))
    (tmp_path / "ud" / "t.upos-only.linspector.txt").write_text(
        "Erster##ADJ Satz##NOUN\nIm##_ In##ADP dem##DET Krieg##NOUN griff##VERB Rom##PROPN an##ADP .##PUNCT\n",
        encoding="utf-8",
    )
    return tmp_path


def _gold_line(id, dataset, sha, **loc):
    return json.dumps({"id": id, "dataset": dataset, **loc, "sha1": sha, "relations": []})


def test_sentence_store_recovers_each_format(fake_shared):
    store = ev.SentenceStore(fake_shared)
    assert store.text("ud/x.conllu", {"sent_id": "s2"}) == "Peking kritisiert Washington."
    assert store.text("germeval2014/g.tsv", {"sent_no": 1}) == "Moskau droht Kiew ."
    assert store.text("germeval2014/g.tsv", {"sent_no": 2}) == "Zweiter Satz"
    assert store.text("q/dev.jsonl.gz", {"doc_id": "77", "start": 8, "end": 35}) == "Die USA sanktionieren Iran."
    assert store.text("smartdata_corpus/s.json.gz", {"doc_id": "http://a@1", "start": 6, "end": 26}) == (
        "Frankreich hilft Mali."[:20]
    )
    assert store.text("ud/t.upos-only.linspector.txt", {"line_no": 2}) == "Im Krieg griff Rom an ."
    with pytest.raises(GoldError, match="no sentence"):
        store.text("ud/x.conllu", {"sent_id": "s9"})
    with pytest.raises(GoldError, match="outside"):
        store.text("q/dev.jsonl.gz", {"doc_id": "77", "start": 0, "end": 999})


def test_sentence_store_splits_europeana_token_lines_into_sentences(fake_shared):
    # token-per-line BIO without sentence boundaries: a sentence ends after a token ending in . ! ?
    # (glued on or a token of its own) unless it is a number, an initial or a listed abbreviation;
    # a '#' header line ends one too, a line without a tag is a bare token
    (fake_shared / "europeana_newspapers_ner_de").mkdir()
    (fake_shared / "europeana_newspapers_ner_de" / "x.bio").write_text(
        "Am O\n15. O\nMärz O\nschloß O\nOesterreich B-LOC\nmit O\nDr. O\nS O\n. O\nMüller B-PER\nab. O\n"
        "Rußland B-LOC\nprotestirt O\n! O\n"
        "# file: F_1\nOhne O\nSchluß\nam O\nEnde O\n"
        "# file: F_2\nNeu O\n",
        encoding="utf-8",
    )
    store = ev.SentenceStore(fake_shared)
    bio = "europeana_newspapers_ner_de/x.bio"
    assert store.text(bio, {"sent_no": 1}) == "Am 15. März schloß Oesterreich mit Dr. S . Müller ab."
    assert store.text(bio, {"sent_no": 2}) == "Rußland protestirt !"
    assert store.text(bio, {"sent_no": 3}) == "Ohne Schluß am Ende"
    assert store.text(bio, {"sent_no": 4}) == "Neu"
    with pytest.raises(GoldError, match="no sentence number"):
        store.text(bio, {"sent_no": 5})


def test_sha1_check_detects_drift(fake_shared, tmp_path):
    good = ev.sha1("Peking kritisiert Washington.")
    gp = tmp_path / "gold.jsonl"
    gp.write_text(
        _gold_line("a", "ud/x.conllu", good, sent_id="s2")
        + "\n"
        + _gold_line("b", "ud/x.conllu", good, sent_id="s1")  # wrong hash for s1
        + "\n"
    )
    gold = ev.load_gold(gp)
    problems = ev.attach_texts(gold, fake_shared, strict=False)
    assert gold[0].text == "Peking kritisiert Washington."
    assert gold[1].text is None
    assert len(problems) == 1 and "sha1 mismatch" in problems[0] and problems[0].startswith("b:")
    with pytest.raises(GoldError):
        ev.attach_texts(ev.load_gold(gp), fake_shared, strict=True)


def test_evaluate_with_fake_extractor(fake_shared, tmp_path):
    gp = tmp_path / "gold.jsonl"
    rel = {"country1": "CHN", "country2": "USA", "type": "criticism", "polarity": "hostile", "directed": True}
    gp.write_text(
        json.dumps(
            {"id": "a", "dataset": "ud/x.conllu", "sent_id": "s2",
             "sha1": ev.sha1("Peking kritisiert Washington."), "relations": [rel]}
        )
        + "\n"
        + _gold_line("b", "germeval2014/g.tsv", ev.sha1("Zweiter Satz"), sent_no=2)
        + "\n"
    )
    seen = []

    def fake(text, doc_id):
        seen.append((doc_id, text))
        if "Peking" in text:
            return [R("USA", "CHN", "tension", "hostile")]
        return [R("DEU", "FRA")]

    res = ev.evaluate_relations(gp, fake_shared, extractor=fake)
    assert res["status"] == "ok"
    assert [t for _, t in seen] == ["Peking kritisiert Washington.", "Zweiter Satz"]
    assert res["main"]["tp"] == 1 and res["main"]["fp"] == 1 and res["main"]["fn"] == 0
    assert res["strict_type"]["tp"] == 0 and res["strict_type"]["fn"] == 1
    assert res["false_positives"] == [
        {"sentence": "b", "pair": ["DEU", "FRA"], "type": "cooperation", "polarity": "cooperative",
         "negated": False, "hedged": False}
    ]
    assert "skipped" not in ev.report(res)


def test_evaluate_skips_without_shared_dir(tmp_path, capsys):
    res = ev.evaluate_relations(shared_dir=tmp_path / "nope")
    assert res["status"] == "skipped"
    assert ev.main(["--shared-dir", str(tmp_path / "nope")]) == 0
    assert "skipped" in capsys.readouterr().out


def _invented(sid, text, rels=(), sha=None):
    return json.dumps({"id": sid, "dataset": ev.INVENTED, "text": text, "sha1": sha or ev.sha1(text),
                       "relations": list(rels)}, ensure_ascii=False)


def test_invented_sentences_are_scored_without_shared_dir(tmp_path):
    gp = tmp_path / "c.jsonl"
    rel = {"country1": "POL", "country2": "LTU", "type": "military_support", "polarity": "cooperative",
           "directed": True}
    gp.write_text(_invented("c_001", "Polen schickt Soldaten nach Litauen.", [rel]) + "\n"
                  + _invented("c_002", "Das Spiel Polen gegen Litauen endete 2:1.") + "\n", encoding="utf-8")

    def fake(text, doc_id):
        return [R("LTU", "POL", "military_support")] if "Soldaten" in text else [R("LTU", "POL")]

    res = ev.evaluate_relations(gp, tmp_path / "no-shared-data", extractor=fake)
    assert res["status"] == "ok"
    assert (res["main"]["tp"], res["main"]["fp"], res["main"]["fn"]) == (1, 1, 0)
    assert res["texts"]["c_002"].startswith("Das Spiel")
    dev = ev.evaluate_relations(gp, tmp_path / "no-shared-data", extractor=fake, half="dev")
    assert (dev["main"]["tp"], dev["main"]["fp"]) == (1, 0)


def test_text_is_refused_outside_invented_and_checked_inside(tmp_path):
    gp = tmp_path / "c.jsonl"
    gp.write_text(json.dumps({"id": "a", "dataset": "ud/x.conllu", "sent_id": "s1", "text": "Kopie.",
                              "sha1": ev.sha1("Kopie."), "relations": []}) + "\n")
    with pytest.raises(GoldError, match="must be located, not copied"):
        ev.load_gold(gp)
    gp.write_text(_invented("c_001", "Ein Satz.", sha="0" * 40) + "\n")
    with pytest.raises(GoldError, match="does not match the text"):
        ev.load_gold(gp)
    gp.write_text(json.dumps({"id": "c_001", "dataset": ev.INVENTED, "sha1": "0" * 40, "relations": []}) + "\n")
    with pytest.raises(GoldError, match="needs its 'text'"):
        ev.load_gold(gp)


def test_direction_counts_only_found_directed_relations():
    def D(c1, c2, type="attack", polarity="hostile"):
        return RelTuple(c1, c2, type, polarity, True)

    items = [
        ("a", [D("RUS", "UKR")], [D("RUS", "UKR")]),  # right way
        ("b", [D("ISR", "PSE")], [D("PSE", "ISR")]),  # found, wrong way
        ("c", [D("CHN", "TWN", "threat")], []),  # not found: no direction to judge
        ("d", [R("DEU", "FRA")], [R("FRA", "DEU")]),  # undirected
    ]
    d = score(items)["direction"]
    assert (d["found"], d["right"]) == (2, 1)
    assert d["wrong"] == ["b ISR->PSE attack"]
    assert "1 of 2 right (0.500)" in ev.report({"status": "ok", "unrecoverable": [], **score(items)})


def test_relation_to_tuple_reads_records():
    from kg.extract.records import Relation

    t = ev.relation_to_tuple(Relation("country/RUS", "country/PRK", "alliance", "cooperative", hedged=True))
    assert t == RelTuple("RUS", "PRK", "alliance", "cooperative", False, False, True)
    assert ev.relation_to_tuple(Relation("person/x", "country/PRK", "alliance", "cooperative")) is None


# ----------------------------------------------------------------- scorer


def test_score_pair_is_unordered_and_polarity_must_match():
    items = [
        ("s1", [R("RUS", "PRK", "alliance")], [R("PRK", "RUS", "cooperation")]),  # tp (type differs)
        ("s2", [R("USA", "IRN", "sanctions", "hostile")], [R("USA", "IRN", "trade", "neutral")]),  # fn + fp
        ("s3", [], [R("DEU", "FRA")]),  # fp
        ("s4", [R("CHN", "RUS", "trade", "neutral")], []),  # fn
    ]
    res = score(items)
    m = res["main"]
    assert (m["tp"], m["fp"], m["fn"]) == (1, 2, 2)
    assert m["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["f1"] == pytest.approx(1 / 3, abs=1e-4)
    s = res["strict_type"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 3, 3)
    assert s["f1"] == 0.0
    pp = res["per_polarity"]
    assert (pp["cooperative"]["tp"], pp["cooperative"]["fp"], pp["cooperative"]["fn"]) == (1, 1, 0)
    assert pp["cooperative"]["precision"] == 0.5 and pp["cooperative"]["recall"] == 1.0
    assert (pp["hostile"]["tp"], pp["hostile"]["fp"], pp["hostile"]["fn"]) == (0, 0, 1)
    assert (pp["neutral"]["tp"], pp["neutral"]["fp"], pp["neutral"]["fn"]) == (0, 1, 1)
    assert {(e["sentence"], tuple(e["pair"])) for e in res["misses"]} == {("s2", ("IRN", "USA")), ("s4", ("CHN", "RUS"))}
    assert {(e["sentence"], tuple(e["pair"])) for e in res["false_positives"]} == {
        ("s2", ("IRN", "USA")),
        ("s3", ("DEU", "FRA")),
    }


def test_score_flags_must_agree():
    items = [
        ("s1", [R("SWE", "USA", negated=True)], [R("SWE", "USA")]),  # negation lost
        ("s2", [R("USA", "XKX", "diplomatic_support", hedged=True)], [R("XKX", "USA", "diplomatic_support", hedged=True)]),
        ("s3", [R("DEU", "FRA")], [R("DEU", "FRA", hedged=True)]),  # spurious hedge
    ]
    res = score(items)
    assert (res["main"]["tp"], res["main"]["fp"], res["main"]["fn"]) == (1, 2, 2)
    assert res["main"]["f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert (res["ignore_flags"]["tp"], res["ignore_flags"]["fp"], res["ignore_flags"]["fn"]) == (3, 0, 0)
    assert res["ignore_flags"]["f1"] == 1.0
    f = res["flagged_only"]
    assert (f["tp"], f["fp"], f["fn"]) == (1, 1, 1)
    assert f["precision"] == 0.5 and f["recall"] == 0.5


def test_score_dedupes_within_sentence_and_matches_one_to_one():
    gold = [R("CHN", "ARM", "agreement"), R("ARM", "CHN", "economic_cooperation")]
    pred = [R("CHN", "ARM", "agreement"), R("CHN", "ARM", "agreement"), R("ARM", "CHN", "cooperation")]
    res = score([("s1", gold, pred)])
    assert (res["main"]["tp"], res["main"]["fp"], res["main"]["fn"]) == (1, 0, 0)
    assert (res["strict_type"]["tp"], res["strict_type"]["fp"], res["strict_type"]["fn"]) == (1, 1, 1)
    assert res["strict_type"]["precision"] == 0.5


def test_score_empty_is_zero_not_error():
    res = score([("s1", [], [])])
    assert res["main"] == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}


# ----------------------------------------------------------------- real shared data


@needs_shared
def test_all_gold_sentences_recoverable_with_matching_sha1():
    gold = ev.load_gold()
    problems = ev.attach_texts(gold, SHARED, strict=False)
    assert problems == []
    for g in gold:
        assert g.text and len(g.text) < 700
        assert ev.sha1(g.text) == g.sha1


@needs_shared
@pytest.mark.parametrize("name", ["relations_dev2.jsonl", "relations_dev3.jsonl", "relations_heldout.jsonl",
                                  "relations_heldout2.jsonl", "relations_heldout3.jsonl",
                                  "relations_heldout4.jsonl", "relations_heldout5.jsonl"])
def test_further_gold_files_are_well_formed_and_recoverable(name):
    gold = ev.load_gold(ev.GOLD_PATH.parent / name)
    assert ev.attach_texts(gold, SHARED, strict=False) == []
    assert len({g.sha1 for g in gold}) == len(gold)  # no sentence twice
    for r in (r for g in gold for r in g.relations):
        assert (r.polarity, r.directed) == ev.RELATION_TYPES[r.type]


@needs_shared
def test_evaluate_on_real_data_with_oracle_extractor():
    gold = {g.id: g for g in ev.load_gold()}
    ev.attach_texts(list(gold.values()), SHARED)
    by_text = {g.text: g.relations for g in gold.values()}

    def oracle(text, doc_id):
        return list(by_text[text])

    res = ev.evaluate_relations(shared_dir=SHARED, extractor=oracle)
    assert res["status"] == "ok" and res["unrecoverable"] == []
    for name in ("main", "strict_type", "ignore_flags", "flagged_only"):
        assert res[name]["f1"] == 1.0, name
    assert res["misses"] == [] and res["false_positives"] == []


def test_named_only_leaves_out_gold_relations_of_countries_the_gazetteer_does_not_name(fake_shared, tmp_path):
    gp = tmp_path / "gold.jsonl"
    text = "Russland und Nordkorea schließen ein Bündnis."
    named = {"country1": "RUS", "country2": "PRK", "type": "alliance", "polarity": "cooperative"}
    unnamed = {"country1": "RUS", "country2": "SRB", "type": "alliance", "polarity": "cooperative"}
    gp.write_text(json.dumps({"id": "a", "dataset": "ud/x.conllu", "sent_id": "s1", "sha1": ev.sha1(text),
                              "relations": [named, unnamed]}) + "\n")

    def fake(text, doc_id):
        return [R("RUS", "PRK", "alliance", "cooperative")]

    full = ev.evaluate_relations(gp, fake_shared, extractor=fake)
    assert (full["main"]["tp"], full["main"]["fn"]) == (1, 1) and full["unnamed_dropped"] == 0
    sub = ev.evaluate_relations(gp, fake_shared, extractor=fake, named_only=True)
    assert (sub["main"]["tp"], sub["main"]["fn"], sub["main"]["fp"]) == (1, 0, 0)
    assert sub["unnamed_dropped"] == 1
    assert "1 gold relations left out" in ev.report(sub)


def test_halves_split_by_id_number_and_cover_a_set_once():
    ids = ["h4_001", "h4_002", "h4_017", "r110", "d3_9"]
    dev = [i for i in ids if ev.in_half(i, "dev")]
    test = [i for i in ids if ev.in_half(i, "test")]
    assert dev == ["h4_001", "h4_017", "d3_9"] and test == ["h4_002", "r110"]
    with pytest.raises(ValueError):
        ev.in_half("h4_001", "train")


def test_invented_set_problems_name_what_is_wrong():
    ok = ev.RelTuple("RUS", "UKR", "attack", "hostile", directed=True, negated=True, hedged=False)
    gold = [ev.GoldSentence("x_001", ev.INVENTED, {}, ev.sha1("A."), [ok], text="A."),
            ev.GoldSentence("x_003", ev.INVENTED, {}, ev.sha1("A."), [], text="A.")]
    found = "\n".join(ev.invented_set_problems(gold, "x_", min_sentences=2))
    for problem in ("ids are not x_001", "occurs twice", "no relation of type", "no negated or no hedged"):
        assert problem in found
