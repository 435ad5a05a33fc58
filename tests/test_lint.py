"""The package, its tests, training and benchmark scripts stay free of pyflakes findings (unused
imports and locals, undefined names): leftovers of refactors hide where code really reads its inputs."""

from pathlib import Path

from pyflakes.api import checkPath
from pyflakes.reporter import Reporter

ROOT = Path(__file__).resolve().parents[1]


class _Collect(Reporter):
    def __init__(self):
        self.found: list[str] = []

    def unexpectedError(self, filename, msg):
        self.found.append(f"{filename}: {msg}")

    def syntaxError(self, filename, msg, lineno, offset, text):
        self.found.append(f"{filename}:{lineno}: {msg}")

    def flake(self, message):
        self.found.append(str(message))


def test_no_pyflakes_findings():
    report = _Collect()
    for folder in ("kg", "tests", "training", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            checkPath(str(path), report)
    # pyflakes itself ignores `# noqa`; an unused import so marked (it registers spaCy components) is kept
    found = [f for f in report.found if "imported but unused" not in f or "noqa" not in _line(f)]
    assert not found, "\n".join(found)


def _line(finding: str) -> str:
    path, lineno = finding.split(":")[:2]
    return Path(path).read_text(encoding="utf-8").splitlines()[int(lineno) - 1]
