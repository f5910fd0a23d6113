"""French text analysis for similarity (graph-side, independent of the search index).

Tokens are lower-cased, elisions dropped (l', d', qu'…), stop words removed, stemmed with the
French Snowball stemmer shipped by whoosh, then accent-folded: « Alimentaires » and « alimentaire »
give the same stem. `analyze` keeps each stem's first surface form so results can quote real words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from whoosh.lang import stopwords_for_language
from whoosh.lang.snowball.french import FrenchStemmer

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.I)

#: Words too common in project descriptions and UN targets to mean anything on their own.
EXTRA_STOPWORDS = frozenset("""
ici afin ainsi aussi autre autres avant bien cela celle celles celui ceux chaque comme compris dont
entre faire fait font leur leurs lors moins non notamment où par parmi partout peu plus pour sans
selon sorte sous sur tant tous tout toute toutes très vers via être avoir peut peuvent doit
celle-ci ceux-ci cette ces mettre place mise permettre favoriser assurer garantir veiller
contre lutte lutter œuvre oeuvre mesures mesure renforcer améliorer promouvoir adopter nettement
elles ils nous vous pied alliance alliances projet projets forme formes monde
""".split())

_STOP = frozenset(stopwords_for_language("fr")) | EXTRA_STOPWORDS
_stemmer = FrenchStemmer()


def fold(text: str) -> str:
    """Strip accents and lower-case."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of a lower-case French word, accent-folded."""
    return fold(_stemmer.stem(word))


def words(text: str) -> list[str]:
    """The meaningful lower-case words of `text` (elisions and stop words removed)."""
    out = []
    for raw in _WORD.findall(unicodedata.normalize("NFC", text)):
        w = _ELISION.sub("", raw.casefold())
        if len(w) >= 3 and w not in _STOP and fold(w) not in _STOP:
            out.append(w)
    return out


def analyze(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Stem counts of `text`, and the first surface word seen for each stem."""
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    for w in words(text):
        s = stem(w)
        if len(s) < 3:
            continue
        counts[s] += 1
        forms.setdefault(s, w)
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
