"""Spelling suggestions from the index's own vocabulary (names and descriptions, folded).

A query word that no document contains is replaced by the most frequent indexed word within a
small edit distance (1 for words of up to 5 letters, 2 beyond; transpositions count as one), among
the words sharing its first letter (its first two letters for words of 6 letters or more, which
keeps the candidates few on large indexes). The same code runs for every backend; a backend only
lists its vocabulary (`Backend.vocabulary`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: Words shorter than this are never corrected.
MIN_WORD = 3


def max_distance(word: str) -> int:
    """Edits allowed when correcting `word`."""
    return 1 if len(word) <= 5 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of a and b, or limit + 1 when it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def correct(word: str, vocabulary: Callable[[str], Sequence[tuple[str, int]]]) -> str | None:
    """The correction of one folded word, or None when it is known or nothing is close."""
    if len(word) < MIN_WORD or word.isdigit():
        return None
    if any(term == word for term, _ in vocabulary(word)):
        return None
    candidates = vocabulary(word[: 2 if len(word) > 5 else 1])
    limit = max_distance(word)
    best: tuple[int, int, str] | None = None
    for term, count in candidates:
        if len(term) < MIN_WORD:
            continue
        d = distance(word, term, limit)
        if d <= limit and (best is None or (d, -count, term) < best):
            best = (d, -count, term)
    return best[2] if best else None
