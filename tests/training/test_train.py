"""training/train.py's command line."""

import pytest

from training import train


def test_help_exits_before_anything_is_prepared(monkeypatch, capsys):
    monkeypatch.setattr(train.prepare, "main", lambda: pytest.fail("--help must not rewrite training/corpus/"))
    with pytest.raises(SystemExit) as stop:
        train.main(["--help"])
    assert stop.value.code == 0 and "python -m training.train" in capsys.readouterr().out


def test_run_options_and_spacy_overrides_are_told_apart():
    assert train.parse_args(["--name", "x", "--no-install", "--stage1-only", "--system.seed", "1"]) == \
        ("x", False, False, ["--system.seed", "1"])
