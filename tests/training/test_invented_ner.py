"""kg's invented NER snippets (training/ner/) are well formed and align with kg's tokenizer."""

import json
from pathlib import Path

import pytest

from training import prepare

FILES = sorted((Path(__file__).resolve().parents[2] / "training" / "ner").glob("invented_*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_snippets_are_well_formed(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    prefix = path.stem.removeprefix("invented_")
    assert [r["id"] for r in rows] == [f"{prefix}_{i:03d}" for i in range(1, len(rows) + 1)] and len(rows) >= 150
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        spans = sorted((s, e) for s, e, _ in r["entities"])
        assert all(0 <= s < e <= len(r["text"]) for s, e in spans), r["id"]
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), f"{r['id']}: overlapping entities"
        assert {lab for _, _, lab in r["entities"]} <= {"PER", "ORG", "LOC", "MISC"}
        assert all(r["text"][s:e] == r["text"][s:e].strip() for s, e in spans), r["id"]
    assert sum(lab == "PER" for r in rows for _, _, lab in r["entities"]) >= len(rows)


def test_every_span_survives_kg_tokenization():
    nlp = prepare.kg_tokenizer_nlp()
    lost = [text for text, ents in prepare.invented_snippets() if prepare.text_doc(nlp, text, ents)[1]]
    assert len(FILES) >= 3 and not lost
