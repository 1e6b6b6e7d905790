"""Pick a varied set: maximal marginal relevance over near-duplicates, spread over sources.

The same point made in a standfirst, a key-point box and a quote is one point: items whose
TF-IDF cosine (over stems) with an already picked item reaches ``duplicate`` are dropped.
Otherwise each pick maximises ``λ·score − (1−λ)·max similarity to the picks so far``, and a
third (fourth, …) item from the same source or speaker is penalised.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from oogst.models import Candidate
from oogst.select.terms import stem_analyzer

LAMBDA = 0.7
DUPLICATE = 0.6
SAME_SOURCE_LIMIT = 2
CROWD_PENALTY = 0.15  # per item over the limit, from the same source or speaker


@dataclass(frozen=True, slots=True)
class Selection:
    picked: tuple[Candidate, ...]  # in pick order
    duplicates: tuple[tuple[str, str], ...]  # (dropped item id, id of the picked item it repeats)


def similarity_matrix(texts: Sequence[str], language: str) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors over stems; zeros when there are no content words."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0))
    try:
        matrix = TfidfVectorizer(analyzer=stem_analyzer(language), sublinear_tf=True).fit_transform(texts)
    except ValueError:  # no content words at all
        return np.eye(n)
    sim = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def _speaker(c: Candidate) -> str | None:
    return c.item.speaker.strip().lower() if c.item.speaker else None


def _crowding(c: Candidate, sources: Counter[str], speakers: Counter[str], limit: int) -> float:
    over = max(0, sources[c.source_url or c.item.document_id] - limit + 1)
    who = _speaker(c)
    if who:
        over += max(0, speakers[who] - limit + 1)
    return CROWD_PENALTY * over


def select_diverse(
    candidates: Sequence[Candidate],
    k: int,
    *,
    language: str = "nl",
    lam: float = LAMBDA,
    duplicate: float = DUPLICATE,
    per_source: int = SAME_SOURCE_LIMIT,
) -> Selection:
    """Up to ``k`` candidates, chosen greedily; deterministic (ties by item id)."""
    pool = sorted(candidates, key=lambda c: (-c.score, c.item.id))
    sim = similarity_matrix([c.item.text for c in pool], language)
    picked: list[int] = []
    dropped: list[tuple[str, str]] = []
    alive = list(range(len(pool)))
    sources: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    while alive and len(picked) < k:
        def value(i: int) -> float:
            redundancy = max((sim[i, j] for j in picked), default=0.0)
            return lam * pool[i].score - (1 - lam) * redundancy - _crowding(pool[i], sources, speakers, per_source)

        best = max(alive, key=lambda i: (value(i), -i))
        picked.append(best)
        alive.remove(best)
        chosen = pool[best]
        sources[chosen.source_url or chosen.item.document_id] += 1
        if _speaker(chosen):
            speakers[_speaker(chosen) or ""] += 1
        for i in [i for i in alive if sim[i, best] >= duplicate]:
            alive.remove(i)
            dropped.append((pool[i].item.id, chosen.item.id))
    return Selection(tuple(pool[i] for i in picked), tuple(dropped))


__all__ = ["Selection", "select_diverse", "similarity_matrix"]
