"""Text similarity of alliances: TF-IDF over the terms of the search analysis.

Words are the terms of `graph.text_analysis`, the analysis the search index uses (cleaning,
elisions, stop words, plural marks, Snowball French stemming, accent folding): « Alimentaires »
and « alimentaire » give the same term, as they do in search. `analyze` keeps each term's first
surface form so results can quote real words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .. import text_analysis


def analyze(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Term counts of `text`, and the first surface word (lower case) seen for each term."""
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    clean = text_analysis.clean(text)
    for term, _, start, end in text_analysis.indexed(clean):
        if term.isdigit():
            continue
        counts[term] += 1
        if term not in forms:
            forms[term] = clean[start:end].lower()
    return counts, forms


@dataclass
class TfIdf:
    """A TF-IDF space over a corpus: vocabulary, IDF, and the L2-normalised document matrix."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    matrix: sparse.csr_matrix
    forms: list[str]

    @classmethod
    def fit(cls, texts: Iterable[str]) -> TfIdf:
        """Build the space from the documents (one row per text, in order)."""
        vocab: dict[str, int] = {}
        forms: list[str] = []
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        n = 0
        for i, text in enumerate(texts):
            n = i + 1
            counts, surface = analyze(text)
            for s, c in counts.items():
                j = vocab.get(s)
                if j is None:
                    j = vocab[s] = len(vocab)
                    forms.append(surface[s])
                rows.append(i)
                cols.append(j)
                vals.append(1.0 + math.log(c))
        tf = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab))
        idf = np.log((1 + n) / (1 + df)) + 1.0
        matrix = _normalise(tf @ sparse.diags(idf))
        return cls(vocab, idf, matrix, forms)

    def vector(self, text: str) -> sparse.csr_matrix:
        """The normalised 1 × |vocabulary| vector of a new text (unknown words ignored)."""
        counts, _ = analyze(text)
        cols, vals = [], []
        for s, c in counts.items():
            j = self.vocabulary.get(s)
            if j is not None:
                cols.append(j)
                vals.append((1.0 + math.log(c)) * self.idf[j])
        vec = sparse.csr_matrix((vals, ([0] * len(cols), cols)), shape=(1, len(self.vocabulary)))
        return _normalise(vec)

    def row(self, i: int) -> sparse.csr_matrix:
        """Document `i` as a 1 × |vocabulary| vector."""
        return self.matrix.getrow(i)

    def shared_terms(self, a: sparse.csr_matrix, b: sparse.csr_matrix, n: int = 4) -> list[str]:
        """Surface words of the `n` terms contributing most to the cosine of `a` and `b`."""
        prod = a.multiply(b).tocoo()
        order = np.argsort(-prod.data)[:n]
        return [self.forms[int(prod.col[k])] for k in order]


def _normalise(m: sparse.spmatrix) -> sparse.csr_matrix:
    m = sparse.csr_matrix(m)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
