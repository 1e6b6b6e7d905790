"""Group the picked statements into 2–4 lessons, each with a title and a tip, plus highlights.

Lessons are built the way an editor builds them: first find the advice that recurs across
articles and that the picked statements speak to (the lesson *themes*), then hang every
statement on the theme it is most similar to, keeping lessons balanced (at least two
statements each, none much larger than the others). Each theme gets a short imperative title
cut from one advice item and a *different* advice item as its tip (✓). "Advice" here is what the
articles recommend: advice items, and takeaways or paraphrases that recommend something
("Ambtenaren moeten …", "X benadrukt hoe belangrijk het is om …"). Without any advice the
statements are clustered (average-linkage on TF-IDF cosine); a lesson no title can be cut for
gets a visible placeholder ("[titel voor les 2]") for the editor.

Deterministic: every ordering is broken by item id; every pick lands in exactly one place.
The numbers are ``Tuning.grouping``'s, passed down from :func:`group`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from oogst.models import Candidate
from oogst.select.diversity import similarity_matrix
from oogst.select.lexicon import get_lexicon
from oogst.select.terms import content_words, stem, words
from oogst.titles import imperatives, own_title_allowed, placeholder_title, title_from_advice
from oogst.tuning import TUNING, Tuning

FLAWS = ("fragment", "refers_back", "anecdote", "too_long", "announcement")  # penalty names from quotability

__all__ = [
    "Group",
    "Grouping",
    "choose_highlights",
    "cluster",
    "group",
    "highlight_count",
    "highlight_value",
    "key_terms",
    "advisory",
    "title_from_advice",
]


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    tip: Candidate | None
    items: tuple[Candidate, ...]
    key_terms: tuple[str, ...] = ()
    title_from: str | None = None  # id of the advice item the title was cut from


@dataclass(frozen=True, slots=True)
class Grouping:
    highlights: tuple[Candidate, ...]
    groups: tuple[Group, ...]


def _order(cands: Sequence[Candidate]) -> list[Candidate]:
    return sorted(cands, key=lambda c: (-c.score, c.item.id))


def _speaker(c: Candidate) -> str | None:
    return c.item.speaker.strip().lower() if c.item.speaker else None


def _source(c: Candidate) -> str:
    return c.source_url or c.item.document_id


def advisory(c: Candidate, language: str) -> bool:
    """Does the statement recommend something, so that it can give a lesson its theme and tip?
    Advice always; a takeaway or paraphrase when it has a normative cue ("moeten", "pleit voor",
    "hoe belangrijk het is om"). Quotes are the lesson's voices, not its tips."""
    if c.item.kind == "advice":
        return True
    if c.item.kind not in ("takeaway", "paraphrase"):
        return False
    return _normative(c.item.text, language)


@lru_cache(maxsize=8192)
def _normative(text: str, language: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in get_lexicon(language).normative_cues)


# --- highlights -------------------------------------------------------------------------


def highlight_count(n_picks: int, *, tuning: Tuning = TUNING) -> int:
    """How many highlights ``n_picks`` picks get (``highlight_counts``): 2 from 5 picks, 3 from
    11, 4 from 17; none for fewer than 5."""
    return next((n for least, n in reversed(tuning.grouping.highlight_counts) if n_picks >= least), 0)


def highlight_value(c: Candidate, *, tuning: Tuning = TUNING) -> float:
    """The score, weighted for punch: 8–30 words is ideal for a highlight."""
    g = tuning.grouping
    n = len(words(c.item.text))
    lo, hi = g.highlight_min_words, g.highlight_max_words
    if n < lo:
        fit = max(g.highlight_short_floor, n / lo)
    elif n > hi:
        fit = max(g.highlight_long_floor, 1.0 - (n - hi) / g.highlight_long_span)
    else:
        fit = 1.0
    return c.score * fit


def _flawed(c: Candidate) -> bool:
    """Points back, is a fragment, an anecdote or too long: fine in a lesson, not on top."""
    return c.scores.get("standalone", 1.0) < 1.0 or any(k in c.scores for k in FLAWS)


def _highlight_key(c: Candidate, language: str, tuning: Tuning) -> tuple[bool, bool, float, str]:
    return (advisory(c, language), _flawed(c), -highlight_value(c, tuning=tuning), c.item.id)


def choose_highlights(
    picks: Sequence[Candidate], n: int, language: str = "nl", *, tuning: Tuning = TUNING
) -> tuple[Candidate, ...]:
    """The strongest short statements, one per speaker, preferably from different sources.

    Statements without flaws come first; what recommends something (advice, and takeaways or
    paraphrases that say what should be done) is kept for tips unless there is nothing else.
    """
    key = lambda c: _highlight_key(c, language, tuning)  # noqa: E731
    ordered = sorted(picks, key=key)
    chosen: list[Candidate] = []
    for distinct_sources in (True, False):
        for c in ordered:
            if len(chosen) >= n:
                break
            if c in chosen:
                continue
            who = _speaker(c)
            if who and any(_speaker(h) == who for h in chosen):
                continue
            if distinct_sources and any(_source(h) == _source(c) for h in chosen):
                continue
            chosen.append(c)
    return tuple(sorted(chosen, key=key))


# --- clustering (fallback when there is no advice) ----------------------------------------


def _labels(dist: np.ndarray, k: int) -> np.ndarray:
    """``AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average")
    .fit_predict(dist)`` as scikit-learn computes it (scipy's average linkage, then its cut of
    the tree, clusters numbered as it numbers them), without importing scikit-learn: that
    costs the digest seconds and 80 MB. ``tests/test_group.py`` holds it to scikit-learn."""
    from heapq import heappush, heappushpop

    from scipy.cluster import hierarchy

    n = dist.shape[0]
    if not 1 <= k <= n:
        raise ValueError(f"cannot make {k} clusters of {n} items")
    i, j = np.triu_indices(n, k=1)
    children = hierarchy.linkage(np.asarray(dist, dtype=np.float64)[i, j], method="average")[:, :2].astype(int)
    nodes = [-(max(children[-1]) + 1)]
    for _ in range(k - 1):
        these = children[-nodes[0] - n]
        heappush(nodes, -these[0])
        heappushpop(nodes, -these[1])
    labels = np.zeros(n, dtype=np.intp)
    for number, node in enumerate(nodes):
        labels[_leaves(-node, children, n)] = number
    return labels


def _leaves(node: int, children: np.ndarray, n_leaves: int) -> list[int]:
    out, todo = [], [node]
    while todo:
        x = todo.pop()
        if x < n_leaves:
            out.append(x)
        else:
            todo.extend(children[x - n_leaves])
    return out


def _silhouette(dist: np.ndarray, labels: Sequence[int]) -> float:
    """``silhouette_score(dist, labels, metric="precomputed")`` as scikit-learn computes it."""
    dist = np.asarray(dist, dtype=np.float64)
    codes = np.unique(np.asarray(labels), return_inverse=True)[1].ravel()
    n = len(codes)
    freqs = np.bincount(codes)
    if not 1 < len(freqs) < n:
        raise ValueError(f"{len(freqs)} clusters of {n} items have no silhouette")
    sums = np.zeros((n, len(freqs)), dtype=dist.dtype)
    for row in range(n):
        sums[row] += np.bincount(codes, weights=dist[row], minlength=len(freqs))
    own = (np.arange(n), codes)
    intra = sums[own]
    sums[own] = np.inf
    sums /= freqs
    inter = sums.min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        intra /= (freqs - 1).take(codes, mode="clip")
        samples = inter - intra
        samples /= np.maximum(intra, inter)
    return float(np.mean(np.nan_to_num(samples)))


def cluster(sim: np.ndarray, requested: int | None = None, *, tuning: Tuning = TUNING) -> list[int]:
    """Cluster labels 0..k-1 for a similarity matrix; k requested or chosen by silhouette (from
    ``min_lessons`` to ``max_lessons``, at most one cluster per ``cluster_size`` statements)."""
    g = tuning.grouping
    n = sim.shape[0]
    if n <= 1:
        return [0] * n
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    if requested is not None:
        return list(_labels(dist, max(1, min(requested, n))))
    k_max = min(g.max_lessons, max(g.min_lessons, n // g.cluster_size), n - 1)
    if k_max < g.min_lessons:
        return [0] * n
    best: tuple[float, int, list[int]] | None = None
    for k in range(g.min_lessons, k_max + 1):
        labels = list(_labels(dist, k))
        quality = _silhouette(dist, labels)
        if best is None or quality > best[0] + 1e-9:
            best = (quality, k, labels)
    assert best is not None
    return _merge_singletons(best[2], sim, g.min_lessons)


def _merge_singletons(labels: list[int], sim: np.ndarray, min_clusters: int) -> list[int]:
    """Move members of one-item clusters to the most similar other cluster, keeping at least
    ``min_clusters`` clusters."""
    labels = list(labels)
    while True:
        sizes = Counter(labels)
        lonely = sorted(lab for lab, size in sizes.items() if size == 1)
        if not lonely or len(sizes) <= min_clusters:
            break
        i = labels.index(lonely[0])
        others = sorted(lab for lab in sizes if lab != lonely[0])
        target = max(others, key=lambda lab: (np.mean([sim[i, j] for j, x in enumerate(labels) if x == lab]), -lab))
        labels[i] = target
    renumber = {lab: n for n, lab in enumerate(dict.fromkeys(labels))}
    return [renumber[lab] for lab in labels]


# --- key terms ----------------------------------------------------------------------------


def _stem_forms(c: Candidate, language: str, min_letters: int) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for w in content_words(c.item.text, language):
        if len(w) >= min_letters:
            forms.setdefault(stem(w, language), []).append(w)
    return forms


def key_terms(
    members: Sequence[Candidate], language: str, n: int | None = None, background: Sequence[Candidate] = (),
    *, tuning: Tuning = TUNING,
) -> tuple[str, ...]:
    """A group's ``n`` (``key_term_count``) characteristic words (one surface form per stem):
    frequency in the group, weighted by rarity in ``background`` (all picks) when given; ties
    alphabetical."""
    g = tuning.grouping
    n = g.key_term_count if n is None else n
    counts: dict[str, Counter[str]] = {}
    for c in members:
        for s, ws in _stem_forms(c, language, g.key_term_letters).items():
            counts.setdefault(s, Counter()).update(ws)
    doc_freq: Counter[str] = Counter(s for c in background for s in _stem_forms(c, language, g.key_term_letters))
    total = max(1, len(background))

    def weight(s: str) -> float:
        rarity = np.log(1 + total / doc_freq[s]) if background and doc_freq[s] else 1.0
        return sum(counts[s].values()) * float(rarity)

    ranked = sorted(counts, key=lambda s: (-weight(s), s))[:n]
    return tuple(sorted(counts[s].items(), key=lambda f: (-f[1], f[0]))[0][0] for s in ranked)


# --- lessons from advice themes -----------------------------------------------------------


@dataclass(slots=True)
class _Theme:
    anchor: int  # index into the combined candidate list
    tip: int | None = None
    title: str | None = None
    title_from: int | None = None
    members: list[int] | None = None


def _lesson_count(n_items: int, requested: int | None, tuning: Tuning) -> int:
    g = tuning.grouping
    if requested is not None:
        return max(1, min(requested, n_items))
    if n_items < g.min_per_lesson * g.min_lessons:
        return 1
    return min(g.max_lessons, max(g.min_lessons, n_items // g.min_per_lesson))


def _support(
    a: int, cands: Sequence[Candidate], advice: Sequence[int], statements: Sequence[int], sim: np.ndarray, tuning: Tuning
) -> float:
    """How much the material backs advice ``a``: the same advice in other articles (best match
    per article) plus the statements that speak to it, each from ``support_sim`` on — the
    ``support_top`` (three) strongest of each, so that a few clear echoes count more than many
    faint ones. Statements from the advice's own article count at least ``support_sim``."""
    support_sim, support_top = tuning.grouping.support_sim, tuning.grouping.support_top
    per_source: dict[str, float] = {}
    for b in advice:
        if b != a and _source(cands[b]) != _source(cands[a]):
            per_source[_source(cands[b])] = max(per_source.get(_source(cands[b]), 0.0), float(sim[a, b]))
    recurrence = sorted((v for v in per_source.values() if v >= support_sim), reverse=True)[:support_top]
    own = _source(cands[a])  # a practice story's own quotes illustrate the lessons it lists
    fit = [max(float(sim[a, s]), support_sim if _source(cands[s]) == own else 0.0) for s in statements]
    coverage = sorted((f for f in fit if f >= support_sim), reverse=True)[:support_top]
    return sum(recurrence) + sum(coverage)


def _choose_themes(
    cands: Sequence[Candidate], advice: list[int], statements: list[int], sim: np.ndarray, k: int, requested: bool,
    language: str, tuning: Tuning,
) -> list[_Theme]:
    """Up to ``k`` distinct, well-supported advice items that can give a title."""
    g = tuning.grouping
    support = {a: _support(a, cands, advice, statements, sim, tuning) for a in advice}
    titled = [a for a in advice if title_from_advice(cands[a].item.text, language, tuning=tuning)]
    with_tip = {a for a in titled if any(b != a and sim[a, b] >= g.tip_fit for b in advice)}  # a title and a different tip
    chosen: list[int] = []
    heads = {a: _title_words(title_from_advice(cands[a].item.text, language, tuning=tuning) or "", language) for a in titled}

    def same_theme(a: int, b: int) -> bool:  # "Test elk formulier met inwoners" ~ "Test de tekst met inwoners"
        return sim[a, b] >= g.same_theme or (heads[a][:1] == heads[b][:1] and bool(set(heads[a][1:]) & set(heads[b][1:])))

    while len(chosen) < k:
        options = [a for a in titled if a not in chosen and not any(same_theme(a, b) for b in chosen)]
        if not requested and len(chosen) >= g.min_lessons:
            options = [a for a in options if support[a] >= g.min_support]
        if not options:
            break

        def value(a: int) -> float:
            overlap = max((float(sim[a, b]) for b in chosen), default=0.0)
            return cands[a].score + g.support_weight * math.log1p(support[a]) - overlap + (g.tip_bonus if a in with_tip else 0.0)

        # lessons span the articles: a second theme from one article's list only when no other article has one
        used = {_source(cands[b]) for b in chosen}
        options = [a for a in options if _source(cands[a]) not in used] or options
        chosen.append(max(options, key=lambda a: (value(a), -a)))
    return [_Theme(anchor=a) for a in chosen]


def _title_words(title: str, language: str) -> tuple[str, ...]:
    """A title's verb and the stems of its content words: what two titles must share to say the same."""
    ws = words(title)
    return (ws[0], *(stem(w, language) for w in content_words(" ".join(ws[1:]), language))) if ws else ()


def _affinity(i: int, theme: _Theme, family: dict[int, list[int]], sim: np.ndarray, docs: Sequence[str], tuning: Tuning) -> float:
    """Similarity of statement ``i`` to a lesson: its best match among the lesson's advice, plus
    ``same_article`` when the statement comes from an article that lists that advice (practice
    stories end with the lessons their quotes illustrate)."""
    best = max(float(sim[i, j]) for j in family[theme.anchor])
    if docs and any(docs[i] == docs[j] for j in family[theme.anchor]):
        best += tuning.grouping.same_article
    return best


def _imperative(text: str, language: str) -> bool:
    """Starts with an imperative verb that addresses the reader ("Betrek …", not "Laat ik …")."""
    ws = words(text)
    lex = get_lexicon(language)
    return len(ws) > 1 and ws[0] in imperatives(language) and ws[1] not in lex.subject_pronouns


def _pick_tips(themes: list[_Theme], cands: Sequence[Candidate], advice: list[int], sim: np.ndarray, language: str, tuning: Tuning) -> None:
    """A tip per theme: the most fitting advice *other than* the one its title is cut from —
    unless the title says that advice in other words ("Ken de regels" over "Zorg dat je de
    regels kent …"), so that the advice itself is the tip; when only the anchor itself fits, it
    becomes the tip and the title comes from elsewhere."""
    g = tuning.grouping
    taken = {t.anchor for t in themes}
    for t in themes:
        near = [b for b in advice if b not in taken and sim[t.anchor, b] >= g.tip_fit]
        lead = (title_from_advice(cands[t.anchor].item.text, language, tuning=tuning) or "\0").lower()
        if lead != "\0" and not cands[t.anchor].item.text.lower().startswith(lead):
            near.append(t.anchor)

        def fit(b: int) -> tuple[float, str]:
            n = len(words(cands[b].item.text))
            concrete = 1.0 if g.tip_min_words <= n <= g.tip_max_words else g.tip_not_concrete
            direct = 1.0 if _imperative(cands[b].item.text, language) else g.tip_not_imperative  # "Doe …" beats "Je moet …"
            fresh = g.tip_repeats_title if cands[b].item.text.lower().startswith(lead) else 1.0  # not the title again
            near_by = g.tip_own_advice if b == t.anchor else float(sim[t.anchor, b])
            return (-cands[b].score * (g.tip_base + near_by) * concrete * direct * fresh, cands[b].item.id)

        if near:
            t.tip = min(near, key=fit)
            taken.add(t.tip)
        else:
            t.tip = t.anchor


def _title_themes(themes: list[_Theme], cands: Sequence[Candidate], advice: list[int], sim: np.ndarray, language: str, tuning: Tuning) -> None:
    g = tuning.grouping
    used: set[str] = set()
    for t in themes:
        order = [t.anchor] + sorted((b for b in advice if b != t.anchor and sim[t.anchor, b] >= g.same_theme), key=lambda b: (-float(sim[t.anchor, b]), b))
        for b in order:
            title = title_from_advice(cands[b].item.text, language, tuning=tuning) if b != t.tip else None
            if title and title.lower() not in used:
                t.title, t.title_from = title, b
                used.add(title.lower())
                break
        if t.title is None and t.tip is not None:  # "Durf te leren: evalueer elk halfjaar …"
            # the tip's own words as a last resort, when they say more than a verb ("Ga naar de
            # mensen toe" over its tip, not "Spreek af"): better than a placeholder
            title = title_from_advice(cands[t.tip].item.text, language, tuning=tuning)
            if title and title.lower() not in used and (
                own_title_allowed(title, cands[t.tip].item.text, tuning=tuning) or len(title.split()) >= g.last_resort_words
            ):
                t.title, t.title_from = title, t.tip
                used.add(title.lower())


def _assign(
    items: list[int], themes: list[_Theme], family: dict[int, list[int]], sim: np.ndarray, cands: Sequence[Candidate], tuning: Tuning
) -> None:
    """Each item to its most similar theme, with a size cap (an even share plus ``assign_slack``);
    then every theme gets at least ``min_per_lesson`` items by moving the best-fitting item from
    a theme that has more."""
    min_per_lesson = tuning.grouping.min_per_lesson
    k = len(themes)
    cap = max(min_per_lesson, math.ceil(len(items) / k) + tuning.grouping.assign_slack)
    docs = [c.item.document_id for c in cands]
    aff = {(i, n): _affinity(i, t, family, sim, docs, tuning) for i in items for n, t in enumerate(themes)}
    members: list[list[int]] = [[] for _ in themes]
    placed: set[int] = set()
    for (i, n), a in sorted(aff.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1])):
        if a > 0 and i not in placed and len(members[n]) < cap:
            members[n].append(i)
            placed.add(i)
    for i in items:
        if i not in placed:
            n = min(range(k), key=lambda n: (len(members[n]), -aff[(i, n)], n))
            members[n].append(i)
    for _ in range(len(items)):
        poor = [n for n in range(k) if len(members[n]) < min_per_lesson]
        rich = [n for n in range(k) if len(members[n]) > min_per_lesson]
        if not poor or not rich:
            break
        n = poor[0]
        i, src = max(((i, r) for r in rich for i in members[r]), key=lambda ir: (aff[(ir[0], n)] - aff[(ir[0], ir[1])], len(members[ir[1]]), -ir[0]))
        members[src].remove(i)
        members[n].append(i)
    for t, m in zip(themes, members):
        t.members = m


def _fill(
    items: list[int], themes: list[_Theme], family: dict[int, list[int]], sim: np.ndarray,
    cands: Sequence[Candidate], slots: int, seen: Sequence[Candidate], tuning: Tuning,
) -> None:
    """Fill the lessons round by round from the shortlist ``items`` until ``slots`` are used.

    A statement belongs to the lesson it fits best; in each round every lesson takes its
    strongest own statement (score × fit), or else the strongest of the ``fit_options``
    best-fitting ones left. Per speaker at most the page's share per article in the whole
    digest (``seen`` are already placed), and at least ``min_speaker_limit`` (two); at most
    ``lesson_source_limit`` statements per article while others fit, so sources spread.
    """
    g = tuning.grouping
    k = len(themes)
    docs = [c.item.document_id for c in cands]
    fits = {(i, n): _affinity(i, t, family, sim, docs, tuning) for i in items for n, t in enumerate(themes)}
    # a statement from the very article that gives a lesson's advice speaks to it, however few
    # words they share (an interview: the paraphrase in the standfirst, the quotes below)
    own_article = {(i, n) for i in items for n, t in enumerate(themes) if any(docs[i] == docs[j] for j in family[t.anchor])}
    home = {i: max(range(k), key=lambda n: (fits[(i, n)], -n)) for i in items}
    quota = [slots // k + (1 if n < slots % k else 0) for n in range(k)]
    members: list[list[int]] = [[] for _ in themes]
    tip_ids = {cands[t.tip].item.id for t in themes if t.tip is not None}
    # a tip is the lesson's advice, not one more voice: it counts for its source, not its speaker
    speakers = Counter(_speaker(c) for c in seen if _speaker(c) and c.item.id not in tip_ids)
    sources = Counter(_source(c) for c in seen)
    placed: set[int] = set()
    n_sources = len({_source(cands[i]) for i in items} | {_source(c) for c in seen})
    per_speaker = max(g.min_speaker_limit, math.ceil((slots + len(seen)) / max(1, n_sources)))
    for _ in range(max(quota, default=0)):
        for n in range(k):
            if len(members[n]) >= quota[n]:
                continue
            options = [i for i in items if i not in placed and (fits[(i, n)] >= g.min_fit or (i, n) in own_article) and speakers[_speaker(cands[i]) or ""] < per_speaker]
            options = [i for i in options if sources[_source(cands[i])] < g.lesson_source_limit] or options
            own = [i for i in options if home[i] == n]

            def value(i: int) -> float:
                voice = 1.0 if cands[i].item.speaker else g.unnamed  # lessons want telling quotes from people
                return cands[i].score * voice * min(1.0, g.fit_full * fits[(i, n)]) - g.lesson_source_cost * sources[_source(cands[i])]

            choice = own or sorted(options, key=lambda i: (-fits[(i, n)], i))[: g.fit_options]
            if not choice:
                continue
            best = max(choice, key=lambda i: (value(i), -i))
            members[n].append(best)
            placed.add(best)
            if _speaker(cands[best]):
                speakers[_speaker(cands[best]) or ""] += 1
            sources[_source(cands[best])] += 1
    # thin material: a lesson below two statements takes the closest strong one left, if it
    # shares anything with the lesson's advice at all
    for n in range(k):
        while len(members[n]) < min(g.min_per_lesson, quota[n]):
            left = [i for i in items if i not in placed and fits[(i, n)] > 0 and speakers[_speaker(cands[i]) or ""] < per_speaker]
            if not left:
                break
            best = max(left, key=lambda i: (cands[i].score * min(1.0, g.fit_full * fits[(i, n)]), -i))
            members[n].append(best)
            placed.add(best)
            if _speaker(cands[best]):
                speakers[_speaker(cands[best]) or ""] += 1
            sources[_source(cands[best])] += 1
    for t, m in zip(themes, members):
        t.members = m


def _themed_groups(
    rest: list[Candidate], pool: list[Candidate], k: int, requested: bool, language: str,
    budget: int | None, seen: Sequence[Candidate], tuning: Tuning,
) -> list[Group] | None:
    cands = rest + pool
    advice = [i for i, c in enumerate(cands) if advisory(c, language)]
    if not advice:
        return None
    sim = similarity_matrix([c.item.text for c in cands], language)
    statements = [i for i, c in enumerate(rest) if c.item.kind != "advice"]
    g = tuning.grouping
    themes = _choose_themes(cands, advice, statements, sim, k, requested, language, tuning)
    if not themes:
        return None
    _pick_tips(themes, cands, advice, sim, language, tuning)
    _title_themes(themes, cands, advice, sim, language, tuning)
    family = {
        t.anchor: list(dict.fromkeys([t.anchor, *(b for b in (t.tip, t.title_from) if b is not None),
                                      *(b for b in advice if sim[t.anchor, b] >= g.same_theme)]))
        for t in themes
    }
    tips = {t.tip for t in themes}
    items = [i for i in range(len(rest)) if i not in tips]
    if budget is None:
        _assign(items, themes, family, sim, cands, tuning)
        kept = [t for t in themes if t.members or (t.tip is not None and t.tip < len(rest))]
    else:
        items = [i for i in items if rest[i].item.kind != "advice"] or items
        seen = [*seen, *(cands[t.tip] for t in themes if t.tip is not None)]
        _fill(items, themes, family, sim, cands, max(0, budget - len(themes)), seen, tuning)
        kept = [t for t in themes if len(t.members or ()) >= min(g.min_per_lesson, len(items))]
        if len(kept) < min(g.min_lessons, len(themes)):  # thin material: a tip and one statement is a lesson too
            kept = [t for t in themes if t.members]
        if len(kept) < len(themes) and kept:  # a theme the statements do not support: refill without it
            _fill(items, kept, family, sim, cands, max(0, budget - len(kept)), seen, tuning)
            kept = [t for t in kept if t.members]
    groups = []
    for n, t in enumerate(kept, start=1):
        members = [cands[i] for i in t.members or []]
        terms = key_terms(members, language, background=rest, tuning=tuning)
        title = t.title or placeholder_title(n, language)
        tip = cands[t.tip] if t.tip is not None else None
        title_from = cands[t.title_from].item.id if t.title_from is not None else None
        members = [_with_reason(c, f"fits the lesson ‘{title}’") for c in _order(members)]
        tip = _with_reason(tip, f"tip for ‘{title}’") if tip else None
        groups.append(Group(title, tip, tuple(members), terms, title_from))
    return groups


def _with_reason(c: Candidate, reason: str) -> Candidate:
    return replace(c, reasons=(*c.reasons, reason))


def _clustered_groups(
    rest: list[Candidate], pool: list[Candidate], lessons: int | None, language: str, tuning: Tuning
) -> list[Group]:
    """Clusters of statements, each titled from its tip: its own advice or the most similar
    advice of ``pool`` (above ``cluster_tip``); a placeholder title where none can be cut."""
    sim = similarity_matrix([c.item.text for c in rest + pool], language)
    n = len(rest)
    labels = cluster(sim[:n, :n], lessons, tuning=tuning)
    order = sorted(set(labels), key=lambda lab: min((-rest[i].score, rest[i].item.id) for i, x in enumerate(labels) if x == lab))
    groups, taken = [], set()
    for number, lab in enumerate(order, start=1):
        idx = [i for i, x in enumerate(labels) if x == lab]
        own = [i for i in idx if advisory(rest[i], language)]
        near = [j for j in range(n, n + len(pool)) if j not in taken and float(np.mean(sim[j, idx])) > tuning.grouping.cluster_tip]
        options = sorted(own, key=lambda i: (-rest[i].score, rest[i].item.id)) or sorted(
            near, key=lambda j: (-float(np.mean(sim[j, idx])), -pool[j - n].score, pool[j - n].item.id)
        )
        tip_i = options[0] if options else None
        tip = None if tip_i is None else (rest + pool)[tip_i]
        if tip_i is not None:
            taken.add(tip_i)
        members = [rest[i] for i in idx if i != tip_i]
        terms = key_terms(members, language, background=rest, tuning=tuning)
        title, title_from = placeholder_title(number, language), None
        if tip is not None:
            cut = title_from_advice(tip.item.text, language, tuning=tuning)
            if cut and own_title_allowed(cut, tip.item.text, tuning=tuning):
                title, title_from = cut, tip.item.id
        groups.append(Group(title, tip, tuple(_order(members)), terms, title_from))
    return groups


def group(
    picks: Sequence[Candidate],
    *,
    language: str = "nl",
    lessons: int | None = None,
    highlights: int | None = None,
    tip_pool: Sequence[Candidate] = (),
    budget: int | None = None,
    tuning: Tuning = TUNING,
) -> Grouping:
    """Highlights plus lessons; themes, titles and tips may also come from advice in ``tip_pool``.

    Without ``budget`` every pick lands in exactly one place. With ``budget`` (highlights + tips
    + items) the picks are a shortlist: each lesson takes the statements that fit it best.
    """
    g = tuning.grouping
    n_high = highlight_count(budget or len(picks), tuning=tuning) if highlights is None else highlights
    top = choose_highlights(picks, n_high, language, tuning=tuning)
    top_ids = {c.item.id for c in top}
    rest = sorted((c for c in picks if c.item.id not in top_ids), key=lambda c: c.item.id)
    if not rest:
        return Grouping(top, ())
    pick_ids = {c.item.id for c in picks}
    pool = sorted(
        _order([c for c in tip_pool if advisory(c, language) and c.item.id not in pick_ids])[: g.advice_pool],
        key=lambda c: c.item.id,
    )
    n_items = sum(1 for c in rest if c.item.kind != "advice") or len(rest)
    slots = None if budget is None else max(0, budget - len(top))
    if slots is not None:
        n_items = min(n_items, slots * g.min_per_lesson // (g.min_per_lesson + 1))  # a tip + min_per_lesson items each
    k = _lesson_count(n_items, lessons, tuning)
    groups = _themed_groups(rest, pool, k, lessons is not None, language, slots, top, tuning)
    if groups is None or len(groups) < (k if lessons is not None else min(k, g.min_lessons)):
        groups = _clustered_groups(rest, pool, k if lessons is not None or k == 1 else None, language, tuning)
    return Grouping(top, tuple(groups))
