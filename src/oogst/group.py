"""Group the picked statements into 2–4 lessons, each with a title and a tip, plus highlights.

Deterministic: average-linkage agglomerative clustering on TF-IDF cosine distances (over
stems); the number of lessons is the one with the best silhouette among 2–4 (bounded by the
material: about three statements per lesson), singletons are merged into their nearest lesson,
so every pick lands in a lesson. Ties are broken by item id throughout.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.metrics import silhouette_score

from oogst.models import Candidate
from oogst.select.diversity import similarity_matrix
from oogst.select.lexicon import get_lexicon
from oogst.select.terms import content_words, stem

MAX_TITLE_WORDS = 6
MIN_LESSONS, MAX_LESSONS = 2, 4
_CLAUSE = re.compile(r"[,;:.!?–—(]")


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    tip: Candidate | None
    items: tuple[Candidate, ...]
    key_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Grouping:
    highlights: tuple[Candidate, ...]
    groups: tuple[Group, ...]


def _order(cands: Sequence[Candidate]) -> list[Candidate]:
    return sorted(cands, key=lambda c: (-c.score, c.item.id))


def highlight_count(n_picks: int) -> int:
    """2 highlights for up to 10 picks, 3 up to 16, 4 beyond; none for fewer than 5."""
    if n_picks < 5:
        return 0
    return 2 if n_picks <= 10 else 3 if n_picks <= 16 else 4


def choose_highlights(picks: Sequence[Candidate], n: int) -> tuple[Candidate, ...]:
    """The strongest statements; advice is kept for tips unless there is nothing else."""
    ordered = _order(picks)
    statements = [c for c in ordered if c.item.kind != "advice"]
    rest = [c for c in ordered if c.item.kind == "advice"]
    return tuple((statements + rest)[:n])


def _labels(dist: np.ndarray, k: int) -> np.ndarray:
    model = AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average")
    return model.fit_predict(dist)


def cluster(sim: np.ndarray, requested: int | None = None) -> list[int]:
    """Cluster labels 0..k-1 for a similarity matrix; k requested or chosen by silhouette."""
    n = sim.shape[0]
    if n <= 1:
        return [0] * n
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    if requested is not None:
        return list(_labels(dist, max(1, min(requested, n))))
    k_max = min(MAX_LESSONS, max(MIN_LESSONS, n // 3), n - 1)
    if k_max < MIN_LESSONS:
        return [0] * n
    best: tuple[float, int, list[int]] | None = None
    for k in range(MIN_LESSONS, k_max + 1):
        labels = list(_labels(dist, k))
        quality = float(silhouette_score(dist, labels, metric="precomputed"))
        if best is None or quality > best[0] + 1e-9:
            best = (quality, k, labels)
    assert best is not None
    return _merge_singletons(best[2], sim)


def _merge_singletons(labels: list[int], sim: np.ndarray) -> list[int]:
    """Move members of one-item clusters to the most similar other cluster, keeping ≥ 2 clusters."""
    labels = list(labels)
    while True:
        sizes = Counter(labels)
        lonely = sorted(lab for lab, size in sizes.items() if size == 1)
        if not lonely or len(sizes) <= MIN_LESSONS:
            break
        i = labels.index(lonely[0])
        others = sorted(lab for lab in sizes if lab != lonely[0])
        target = max(others, key=lambda lab: (np.mean([sim[i, j] for j, x in enumerate(labels) if x == lab]), -lab))
        labels[i] = target
    renumber = {lab: n for n, lab in enumerate(dict.fromkeys(labels))}
    return [renumber[lab] for lab in labels]


def spread_advice(labels: list[int], picks: Sequence[Candidate], sim: np.ndarray) -> list[int]:
    """Give a lesson without advice a spare advice item from a lesson that has two or more.

    The spare that is most similar to the lesson moves (ties by item id); a lesson keeps its
    best advice and never drops below two statements.
    """
    labels = list(labels)
    for lab in sorted(set(labels)):
        members = [i for i, x in enumerate(labels) if x == lab]
        if any(picks[i].item.kind == "advice" for i in members):
            continue
        spares = []
        for other in sorted(set(labels) - {lab}):
            idx = [i for i, x in enumerate(labels) if x == other]
            advice = sorted((i for i in idx if picks[i].item.kind == "advice"), key=lambda i: (-picks[i].score, picks[i].item.id))
            if len(advice) >= 2 and len(idx) > 2:
                spares.extend(advice[1:])
        if spares:
            best = min(spares, key=lambda i: (-float(np.mean(sim[i, members])), -picks[i].score, picks[i].item.id))
            labels[best] = lab
    return labels


def title_from_advice(text: str, language: str = "nl") -> str | None:
    """The part of an imperative before ':' or its first clause, if ≤ 6 words; capitalised."""
    lex = get_lexicon(language)
    head = text.split(":", 1)[0] if ":" in text[:80] else _CLAUSE.split(text, 1)[0]
    head = head.strip(" \t\n\"'“”„‘’•-–—*")
    words = head.split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return None
    if words[0].lower() in lex.subordinators or words[0].lower() in lex.back_pointers:
        return None
    return head[0].upper() + head[1:]


def _stem_forms(c: Candidate, language: str) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for w in content_words(c.item.text, language):
        if len(w) >= 4:
            forms.setdefault(stem(w, language), []).append(w)
    return forms


def key_terms(
    members: Sequence[Candidate], language: str, n: int = 3, background: Sequence[Candidate] = ()
) -> tuple[str, ...]:
    """A group's characteristic words (one surface form per stem): frequency in the group,
    weighted by rarity in ``background`` (all picks) when given; ties alphabetical."""
    counts: dict[str, Counter[str]] = {}
    for c in members:
        for s, ws in _stem_forms(c, language).items():
            counts.setdefault(s, Counter()).update(ws)
    doc_freq: Counter[str] = Counter(s for c in background for s in _stem_forms(c, language))
    total = max(1, len(background))

    def weight(s: str) -> float:
        rarity = np.log(1 + total / doc_freq[s]) if background and doc_freq[s] else 1.0
        return sum(counts[s].values()) * float(rarity)

    ranked = sorted(counts, key=lambda s: (-weight(s), s))[:n]
    return tuple(sorted(counts[s].items(), key=lambda f: (-f[1], f[0]))[0][0] for s in ranked)


def title_from_terms(terms: Sequence[str], language: str) -> str:
    lex = get_lexicon(language)
    if not terms:
        return "Overig" if lex.language == "nl" else "Other"
    if len(terms) == 1:
        return terms[0].capitalize()
    return lex.key_terms_template.format(a=terms[0].capitalize(), b=terms[1])


def _pick_tip(members: list[Candidate], pool: list[Candidate], affinity: dict[str, float]) -> Candidate | None:
    advice = [c for c in _order(members) if c.item.kind == "advice"]
    if advice:
        return advice[0]
    near = [c for c in pool if affinity.get(c.item.id, 0.0) > 0.05]
    return min(near, key=lambda c: (-affinity[c.item.id], -c.score, c.item.id), default=None)


def _title(tip: Candidate | None, members: Sequence[Candidate], terms: Sequence[str], language: str, used: set[str]) -> str:
    advice = ([tip] if tip else []) + [c for c in _order(members) if c.item.kind == "advice" and c is not tip]
    for c in advice:
        title = title_from_advice(c.item.text, language)
        if title and title.lower() not in used:
            return title
    return title_from_terms(terms, language)


def group(
    picks: Sequence[Candidate],
    *,
    language: str = "nl",
    lessons: int | None = None,
    highlights: int | None = None,
    tip_pool: Sequence[Candidate] = (),
) -> Grouping:
    """Highlights plus lessons; a lesson without advice borrows the nearest advice from ``tip_pool``."""
    n_high = highlight_count(len(picks)) if highlights is None else highlights
    top = choose_highlights(picks, n_high)
    top_ids = {c.item.id for c in top}
    rest = sorted((c for c in picks if c.item.id not in top_ids), key=lambda c: c.item.id)
    if not rest:
        return Grouping(top, ())
    pool = sorted((c for c in tip_pool if c.item.kind == "advice" and c.item.id not in {p.item.id for p in picks}), key=lambda c: c.item.id)
    sim = similarity_matrix([c.item.text for c in rest + pool], language)
    labels = spread_advice(cluster(sim[: len(rest), : len(rest)], lessons), rest, sim)
    groups: list[Group] = []
    used_titles: set[str] = set()
    taken: set[str] = set()
    clusters = sorted(set(labels), key=lambda lab: min((-rest[i].score, rest[i].item.id) for i, x in enumerate(labels) if x == lab))
    for lab in clusters:
        idx = [i for i, x in enumerate(labels) if x == lab]
        members = [rest[i] for i in idx]
        affinity = {pool[j].item.id: float(np.mean(sim[len(rest) + j, idx])) for j in range(len(pool)) if pool[j].item.id not in taken}
        tip = _pick_tip(members, [p for p in pool if p.item.id not in taken], affinity)
        if tip is not None:
            taken.add(tip.item.id)
        terms = key_terms(members, language, background=rest)
        title = _title(tip, members, terms, language, used_titles)
        used_titles.add(title.lower())
        items = tuple(c for c in _order(members) if c is not tip)
        groups.append(Group(title, tip, items, terms))
    return Grouping(top, tuple(groups))


__all__ = [
    "Group",
    "Grouping",
    "choose_highlights",
    "cluster",
    "group",
    "highlight_count",
    "spread_advice",
    "key_terms",
    "title_from_advice",
    "title_from_terms",
]
