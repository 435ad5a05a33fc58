"""Brown-cluster path prefixes as extra tok2vec features (architecture `kg.ClusterPrefixEmbed.v1`).

kg's model stores each known word's Brown cluster as its NORM ("⟨c40⟩" = cluster 40, surnames). The ids come
from spaCy v2's `init-model`, which read Percy Liang's bit-string paths as *little-endian* integers
(`int(path[::-1], 2)`, "so that we can do & 15 to get the first 4 bits"): the first k bits of a word's path
in the cluster tree are `id & (2**k - 1)`. Merkel's 40 = 0b101000 and Peter's 248 = 0b11111000 share the
path prefix "000" (names), Berlin's 80 and Paris' 208 the prefix "0000". Coarse prefixes (Ratinov & Roth
2009: lengths 4, 6, 10, 20) group the 750 clusters into a few broad classes the NER can generalise over
(a rare surname cluster shares its first bits with the frequent ones). Paths shorter than k are padded
with zeros (the id does not keep the path length), so a short path shares its padded prefix with the
longer paths that continue it with zeros: coarse, not exact.

The embed layer is spaCy's MultiHashEmbed (same attributes and tables) plus one narrower hash-embedding
table per prefix length, all concatenated into the Maxout mix. Words without a cluster get prefix id 0.
spaCy finds this architecture once kg.nlp is imported (kg.nlp.load) or through kg's `spacy_architectures`
entry point (plain `spacy.load`).
"""
from __future__ import annotations

import re
from typing import Callable, List, Tuple

import numpy
import spacy
from spacy.attrs import NORM
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

CLUSTER_NORM = re.compile(r"⟨c(\d+)⟩")


def cluster_id(norm: str) -> int | None:
    """The Brown-cluster id of a NORM string like "⟨c40⟩" (None for a word outside the cluster table)."""
    m = CLUSTER_NORM.fullmatch(norm)
    return int(m.group(1)) if m else None


def prefix_ids(cluster: int | None, lengths: List[int]) -> List[int]:
    """Feature values for the path prefixes of the given lengths: prefix bits + 1, 0 for no cluster."""
    if cluster is None:
        return [0] * len(lengths)
    return [(cluster & ((1 << k) - 1)) + 1 for k in lengths]


def ClusterPrefixes(lengths: List[int]) -> Model[List[Doc], List[Ints2d]]:
    """Per doc an (n_tokens, len(lengths)) uint64 array of prefix ids, read from the tokens' NORM."""
    cache: dict[int, List[int]] = {}  # NORM hash -> prefix ids (a few thousand distinct norms)

    def forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[List[Ints2d], Callable]:
        out = []
        for doc in docs:
            norms = doc.to_array(NORM)
            if norms.ndim == 0 or len(norms) == 0:
                out.append(model.ops.alloc2i(0, len(lengths), dtype="uint64"))
                continue
            uniq, inverse = numpy.unique(norms, return_inverse=True)
            rows = []
            for h in uniq.tolist():
                ids = cache.get(h)
                if ids is None:
                    ids = cache[h] = prefix_ids(cluster_id(doc.vocab.strings[h]), lengths)
                rows.append(ids)
            table = numpy.asarray(rows, dtype="uint64")
            out.append(model.ops.asarray2i(table[inverse.reshape(-1)], dtype="uint64"))
        return out, lambda d_out: []

    return Model("kg_cluster_prefixes", forward, attrs={"lengths": list(lengths)})


@spacy.registry.architectures("kg.ClusterPrefixEmbed.v1")
def ClusterPrefixEmbed(width: int, attrs: List[str], rows: List[int], prefixes: List[int],
                       prefix_rows: List[int], prefix_width: int,
                       include_static_vectors: bool = False) -> Model[List[Doc], List[Floats2d]]:
    """MultiHashEmbed.v2 over `attrs`, plus a `prefix_width`-wide hash embedding of each Brown-cluster path
    prefix length in `prefixes` (`prefix_rows` rows each). No static vectors (kg's model has none)."""
    if include_static_vectors:
        raise ValueError("kg.ClusterPrefixEmbed.v1 has no static vectors")
    if len(rows) != len(attrs) or len(prefix_rows) != len(prefixes):
        raise ValueError("rows / prefix_rows must have one entry per attribute / prefix length")
    seed = 7  # MultiHashEmbed's seeds for its tables (8, 9, ...), the prefix tables continue the sequence
    embeds, pembeds = [], []
    for i, n in enumerate(rows):
        seed += 1
        embeds.append(HashEmbed(width, n, column=i, seed=seed, dropout=0.0))
    for i, n in enumerate(prefix_rows):
        seed += 1
        pembeds.append(HashEmbed(prefix_width, n, column=i, seed=seed, dropout=0.0))
    words = chain(FeatureExtractor(list(attrs)), list2ragged(), with_array(concatenate(*embeds)))
    clusters = chain(ClusterPrefixes(prefixes), list2ragged(), with_array(concatenate(*pembeds)))
    size = width * len(embeds) + prefix_width * len(pembeds)
    return chain(concatenate(words, clusters), with_array(Maxout(width, size, nP=3, dropout=0.0, normalize=True)),
                 ragged2list())
