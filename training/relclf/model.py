"""The pair classifier: logistic regressions on the pair features (scikit-learn, `pip install -e .[relclf]`).

* polarity: one binary model per polarity (a pair may be cooperative and hostile in one sentence);
* negated, hedged: binary models on the gold (pair, polarity) instances, the polarity a feature;
* type: a multinomial model on the same instances.
"""

from __future__ import annotations

import math
import random

from kg.eval import relations as ev
from training.relclf.features import pair_features
from training.relclf.pairs import Pair

# inverse L2 strengths tried; each model picks its own by log-loss in an inner 3-fold split of its
# training data grouped by sentence (the outer test fold is never seen)
C_GRID = (3.0, 10.0, 30.0, 100.0)
INNER = 3
FLAG_AT = 0.5  # a predicted relation is negated / hedged from this probability on


def _identity(feats: list[str]) -> list[str]:
    return feats


def _gold_of(pair: Pair, pol: str) -> list[ev.RelTuple]:
    return [r for r in pair.gold if r.polarity == pol]


def _lr(c: float, multiclass: bool = False):
    from sklearn.linear_model import LogisticRegression

    # liblinear is binary only; lbfgs for the type (deterministic both)
    return LogisticRegression(C=c, solver="lbfgs" if multiclass else "liblinear", max_iter=2000, random_state=0)


def _inner_folds(groups: list[str], seed: int = 7) -> list[int]:
    ids = sorted(set(groups))
    random.Random(seed).shuffle(ids)
    fold = {sid: n % INNER for n, sid in enumerate(ids)}
    return [fold[g] for g in groups]


def _fit(X, y: list, groups: list[str], grid: tuple[float, ...], multiclass: bool = False):
    """A logistic regression with the C of `grid` of least held-out log-loss (inner folds by sentence)."""
    if len(grid) > 1:
        folds = _inner_folds(groups)
        loss = {}
        for c in grid:
            total = 0.0
            for f in range(INNER):
                tr = [k for k, x in enumerate(folds) if x != f]
                te = [k for k, x in enumerate(folds) if x == f]
                if len({y[k] for k in tr}) < 2:
                    continue
                m = _lr(c, multiclass).fit(X[tr], [y[k] for k in tr])
                col = {cls: j for j, cls in enumerate(m.classes_)}
                proba = m.predict_proba(X[te])
                total -= sum(math.log(max(proba[n, col[y[k]]] if y[k] in col else 0.0, 1e-6)) for n, k in enumerate(te))
            loss[c] = total
        best = min(grid, key=lambda c: (loss[c], c))
    else:
        best = grid[0]
    model = _lr(best, multiclass).fit(X, y)
    model.chosen_c = best
    return model


class PairClassifier:
    def __init__(self, grid: tuple[float, ...] = C_GRID, rule_features: bool = True):
        self.grid = grid
        self.rule_features = rule_features

    def _features(self, pair: Pair) -> list[str]:
        return pair_features(pair, self.rule_features)

    def fit(self, pairs: list[Pair]) -> "PairClassifier":
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import Normalizer

        self.vec = CountVectorizer(analyzer=_identity, binary=True, min_df=2)
        self.norm = Normalizer()
        feats = [self._features(p) for p in pairs]
        X = self.norm.fit_transform(self.vec.fit_transform(feats))
        groups = [p.sid for p in pairs]
        self.polarity = {pol: _fit(X, [bool(_gold_of(p, pol)) for p in pairs], groups, self.grid) for pol in ev.POLARITIES}
        inst = [(f + [f"POL:{pol}"], _gold_of(p, pol)[0], p.sid) for f, p in zip(feats, pairs) for pol in ev.POLARITIES
                if _gold_of(p, pol)]
        Xi = self.norm.transform(self.vec.transform([f for f, _, _ in inst]))
        gi = [sid for _, _, sid in inst]
        self.negated = _fit(Xi, [r.negated for _, r, _ in inst], gi, self.grid)
        self.hedged = _fit(Xi, [r.hedged for _, r, _ in inst], gi, self.grid)
        self.type = _fit(Xi, [r.type for _, r, _ in inst], gi, self.grid, multiclass=True)
        return self

    def models(self) -> dict:
        return {**self.polarity, "negated": self.negated, "hedged": self.hedged, "type": self.type}

    def probabilities(self, pairs: list[Pair]) -> list[dict[str, float]]:
        """Per pair: polarity -> probability that the pair holds a relation of it."""
        if not pairs:
            return []
        X = self.norm.transform(self.vec.transform([self._features(p) for p in pairs]))
        cols = {pol: m.predict_proba(X)[:, list(m.classes_).index(True)] for pol, m in self.polarity.items()}
        return [{pol: float(cols[pol][k]) for pol in ev.POLARITIES} for k in range(len(pairs))]

    def flags(self, pair: Pair, pol: str) -> tuple[float, float]:
        """Probabilities that a relation of polarity `pol` of the pair is negated, hedged."""
        X = self._instance(pair, pol)
        return self._yes(self.negated, X), self._yes(self.hedged, X)

    def relation(self, pair: Pair, pol: str) -> ev.RelTuple:
        """The relation the classifier gives a pair of polarity `pol`: flags and type from their models."""
        X = self._instance(pair, pol)
        neg = self._yes(self.negated, X) >= FLAG_AT
        hedge = self._yes(self.hedged, X) >= FLAG_AT
        rtype = str(self.type.predict(X)[0])
        other = pair.b if pair.first == pair.a else pair.a
        return ev.RelTuple(pair.first, other, rtype, pol, ev.RELATION_TYPES[rtype][1], neg, hedge)

    def _instance(self, pair: Pair, pol: str):
        return self.norm.transform(self.vec.transform([self._features(pair) + [f"POL:{pol}"]]))

    @staticmethod
    def _yes(model, X) -> float:
        classes = list(model.classes_)
        return float(model.predict_proba(X)[0, classes.index(True)]) if True in classes else 0.0
