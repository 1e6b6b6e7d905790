"""Pick a varied set: maximal marginal relevance over near-duplicates, spread over sources.

The same point made in a standfirst, a key-point box and a quote is one point: items whose
TF-IDF cosine (over stems) with an already picked item reaches ``duplicate`` are dropped.
Otherwise each pick maximises ``λ·score − (1−λ)·max similarity to the picks so far``; a
second item from the same source costs a little, a third (fourth, …) from the same source or
speaker costs more, and a speaker is never picked more than ``speaker_limit`` times. The
numbers are ``Tuning.diversity``'s.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from oogst.models import Candidate
from oogst.select.terms import stem_analyzer
from oogst.select.tfidf import tfidf_vectors
from oogst.tuning import TUNING, DiversityTuning, Tuning


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
        matrix, _ = tfidf_vectors(texts, stem_analyzer(language))  # scikit-learn's TfidfVectorizer, bit for bit
    except ValueError:  # no content words at all
        return np.eye(n)
    sim = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sim, 1.0)
    clipped: np.ndarray = np.clip(sim, 0.0, 1.0)
    return clipped


def _speaker(c: Candidate) -> str | None:
    return c.item.speaker.strip().lower() if c.item.speaker else None


def _crowding(c: Candidate, sources: Counter[str], speakers: Counter[str], d: DiversityTuning) -> float:
    seen = sources[c.source_url or c.item.document_id]
    over = max(0, seen - d.source_limit + 1)
    who = _speaker(c)
    if who:
        over += max(0, speakers[who] - d.source_limit + 1)
    return d.crowd_penalty * over + d.repeat_penalty * seen


def select_diverse(
    candidates: Sequence[Candidate],
    k: int,
    *,
    language: str = "nl",
    tuning: Tuning = TUNING,
    per_speaker: int | None = None,
) -> Selection:
    """Up to ``k`` candidates, chosen greedily from the best ``diversity_pool``; deterministic
    (ties by item id). ``per_speaker``: the cap per named speaker, when not ``speaker_limit``."""
    d = tuning.diversity
    lam, duplicate = d.lam, d.duplicate
    per_speaker = d.speaker_limit if per_speaker is None else per_speaker
    ordered = sorted(candidates, key=lambda c: (-c.score, c.item.id))
    first: dict[str, Candidate] = {}  # the same words in several articles (syndication) are one point
    dropped: list[tuple[str, str]] = []
    for c in ordered:
        key = " ".join(c.item.text.lower().split())
        if key in first:
            dropped.append((c.item.id, first[key].item.id))
        else:
            first[key] = c
    pool = list(first.values())[: max(d.diversity_pool, k)]
    sim = similarity_matrix([c.item.text for c in pool], language)
    picked: list[int] = []
    alive = list(range(len(pool)))
    sources: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    while alive and len(picked) < k:
        def value(i: int) -> float:
            redundancy = max((sim[i, j] for j in picked), default=0.0)
            return lam * pool[i].score - (1 - lam) * redundancy - _crowding(pool[i], sources, speakers, d)

        allowed = [i for i in alive if not _speaker(pool[i]) or speakers[_speaker(pool[i]) or ""] < per_speaker]
        if not allowed:
            break
        best = max(allowed, key=lambda i: (value(i), -i))
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
