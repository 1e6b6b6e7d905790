import itertools
from collections import Counter

import pytest

from oogst.titles import is_placeholder
from oogst.group import choose_highlights, cluster, group, highlight_count, key_terms, title_from_advice
from oogst.models import Candidate, ItemKind
from oogst.select.diversity import similarity_matrix
from select_corpus import make_doc

THEMES = {
    "belang": [
        "Ken de belangen van de provincie voordat je aan tafel gaat",
        "Wie de belangen van de ander kent, onderhandelt beter",
        "Benoem je eigen belangen open aan het begin van het overleg",
    ],
    "leren": [
        "Durf te leren van wat misgaat in de samenwerking",
        "Leren kost tijd, maar evalueren levert altijd lessen op",
        "Evalueer samen en leer van elke fout",
    ],
    "vertrouwen": [
        "Vertrouwen groeit door elkaar vaak en informeel te spreken",
        "Zonder vertrouwen tussen ambtenaren strandt elk plan",
        "Vertrouwen win je met kleine afspraken die je nakomt",
    ],
    "rollen": [
        "Leg rollen en taken vast voordat het project begint",
        "Onduidelijke rollen leiden tot dubbel werk tussen overheden",
        "Spreek af wie welke rol en taak heeft in het project",
    ],
}


def synthetic(n: int) -> list[Candidate]:
    """n candidates spread over four themes, with every fifth one advice."""
    sentences = []
    for k in range(n):
        theme = list(THEMES)[k % 4]
        base = THEMES[theme][(k // 4) % 3]
        sentences.append(f"{base} (punt {k}).")
    doc = make_doc("https://example.nl/synthetisch", "Synthetisch", "2020-08-01", " ".join(sentences))
    out = []
    pos = 0
    for k, s in enumerate(sentences):
        start = doc.text.index(s, pos)
        pos = start + len(s)
        kind: ItemKind = "advice" if k % 5 == 0 else "quote"
        from oogst.models import Item

        item = Item(doc.id, kind, s, start, pos, speaker=f"Spreker {k % 7}")
        out.append(Candidate(item, round(1.0 - k / (2 * n), 4), source_url=doc.url))
    return out


@pytest.mark.parametrize("n", [10, 14, 30, 80, 200])
def test_every_pick_lands_somewhere_once(n: int) -> None:
    picks = synthetic(n)
    g = group(picks)
    placed = [c.item.id for c in g.highlights]
    for lesson in g.groups:
        placed += [c.item.id for c in lesson.items] + ([lesson.tip.item.id] if lesson.tip else [])
    assert sorted(placed) == sorted(c.item.id for c in picks)
    assert 2 <= len(g.groups) <= 4


@pytest.mark.parametrize("n", [10, 14, 30])
def test_deterministic(n: int) -> None:
    picks = synthetic(n)
    assert group(picks) == group(list(reversed(picks)))


def test_requested_number_of_lessons() -> None:
    assert len(group(synthetic(20), lessons=3).groups) == 3
    assert len(group(synthetic(20), lessons=2).groups) == 2


def test_highlights_are_strongest_non_advice_and_not_repeated() -> None:
    picks = synthetic(14)
    g = group(picks)
    assert len(g.highlights) == highlight_count(14) == 3
    assert all(c.item.kind != "advice" for c in g.highlights)
    best = sorted((c for c in picks if c.item.kind != "advice"), key=lambda c: -c.score)[:3]
    assert list(g.highlights) == best
    in_lessons = {c.item.id for lesson in g.groups for c in lesson.items}
    assert not in_lessons & {c.item.id for c in g.highlights}


@pytest.mark.parametrize(("n", "k"), [(3, 0), (5, 2), (10, 2), (11, 3), (16, 3), (17, 4), (200, 4)])
def test_highlight_count(n: int, k: int) -> None:
    assert highlight_count(n) == k


def test_lessons_get_advice_as_tip() -> None:
    g = group(synthetic(20))
    tips = [lesson.tip for lesson in g.groups if lesson.tip]
    assert tips and all(t.item.kind == "advice" for t in tips)
    for lesson in g.groups:
        assert lesson.tip not in lesson.items


def test_tip_borrowed_from_pool_when_lesson_has_no_advice() -> None:
    picks = [c for c in synthetic(20) if c.item.kind != "advice"]
    pool = [c for c in synthetic(20) if c.item.kind == "advice"]
    g = group(picks, tip_pool=pool)
    assert any(lesson.tip is not None for lesson in g.groups)
    tip_ids = [lesson.tip.item.id for lesson in g.groups if lesson.tip]
    assert len(tip_ids) == len(set(tip_ids))


def test_clusters_follow_themes() -> None:
    texts = list(itertools.chain.from_iterable(THEMES.values()))
    labels = cluster(similarity_matrix(texts, "nl"), 4)
    assert len(set(labels)) == 4
    assert labels[0:3].count(labels[0]) >= 2  # the belang sentences mostly together


@pytest.mark.parametrize(
    ("advice", "title"),
    [
        ("Ken elkaars belangen: vraag aan het begin van elk overleg wat de ander wil bereiken.", "Ken elkaars belangen"),
        ("durf te leren: evalueer elk halfjaar.", "Durf te leren"),
        ("Betrek partners vroeg, nodig ze uit voordat de plannen vastliggen.", "Betrek partners vroeg"),
        ("• Maak het klein. Begin met één project.", "Maak het klein"),
        ("Als je gaat samenwerken, investeer dan in vertrouwen.", None),
        ("Zorg dat je als gemeente al vroeg en vaak met de provincie praat.", None),
        ("Dit moet je doen: vroeg beginnen.", None),
    ],
)
def test_title_from_advice(advice: str, title: str | None) -> None:
    assert title_from_advice(advice, "nl") == title


def test_key_terms_prefer_frequent_words() -> None:
    picks = synthetic(40)
    trust = [c for c in picks if "ertrouwen" in c.item.text]
    assert key_terms(trust, "nl", background=picks)[0] == "vertrouwen"
    assert "punt" in key_terms(trust, "nl", n=10)  # without background, plain frequency


def test_titles_are_unique_and_short() -> None:
    g = group(synthetic(60))
    titles = [lesson.title for lesson in g.groups]
    assert len(titles) == len({t.lower() for t in titles})
    assert all(is_placeholder(t) or (len(t.split()) <= 6 and t[0].isupper()) for t in titles)
    assert not any(t.startswith("Maak werk van") for t in titles)  # no template filled with arbitrary words


def test_tiny_input() -> None:
    assert group([]).groups == ()
    one = synthetic(10)[:1]
    g = group(one)
    assert len(g.groups) == 1 and g.highlights == ()


# --- editor behaviour: speakers spread, titles differ from tips, lessons balanced --------------

from oogst.models import Item  # noqa: E402


def _cand(text: str, score: float, kind: ItemKind = "quote", speaker: str | None = None, source: str = "a") -> Candidate:
    doc = make_doc(f"https://example.nl/{source}", source, "2020-08-01", text)
    return Candidate(Item(doc.id, kind, text, 0, len(text), speaker=speaker), score, source_url=doc.url)


STATEMENTS = [
    _cand("Je moet durven leren van fouten, ook als het pijn doet voor de bestuurders van alle overheden.", 0.9, speaker="An", source="a"),
    _cand("Wie fouten verstopt, leert niets; daarom evalueren we elk halfjaar samen met alle partners.", 0.8, speaker="An", source="a"),
    _cand("Investeer in de mensen die de samenwerking dragen, want structuren alleen doen niets voor je.", 0.85, speaker="Bo", source="b"),
    _cand("Goede mensen op de juiste plek zijn belangrijker dan welke gemeenschappelijke regeling ook.", 0.7, speaker="Bo", source="b"),
    _cand("Een gedeelde pot met geld maakt dat je praat over wat de regio nodig heeft, niet over euro's.", 0.75, speaker="Cas", source="c"),
    _cand("Zolang ieder zijn eigen geld volgt, blijf je onderhandelen in plaats van samen te werken.", 0.65, speaker="Dirk", source="c"),
    _cand("Leren van fouten vraagt om vertrouwen tussen de mensen aan tafel, en om tijd om te evalueren.", 0.6, speaker="Eva", source="d"),
    _cand("Het geld in één pot stoppen was spannend, maar het maakte de regio sterker dan ooit.", 0.55, speaker="Fien", source="d"),
    _cand("De mensen tussen de organisaties verdienen mandaat en ruimte om te leren van fouten.", 0.5, speaker="Gijs", source="e"),
]
ADVICE = [
    _cand("Durf te leren van fouten en maak er geen schuldvraag van.", 0.5, "advice", source="a"),
    _cand("Evalueer elk halfjaar samen wat je van fouten hebt geleerd.", 0.45, "advice", source="d"),
    _cand("Investeer in de mensen, niet in nieuwe structuren.", 0.5, "advice", source="b"),
    _cand("Geef de mensen tussen de organisaties mandaat en ruimte.", 0.4, "advice", source="e"),
    _cand("Stop het geld in één pot en bepaal samen wat de regio nodig heeft.", 0.5, "advice", source="c"),
    _cand("Spreek af dat het geld van de regio samen wordt verdeeld in één pot.", 0.35, "advice", source="d"),
]


def test_highlights_one_per_speaker_and_punchy() -> None:
    picks = [
        _cand("Kort en krachtig: samenwerken is elkaar vertrouwen, ook als het even tegenzit tussen overheden.", 0.7, speaker="An", source="a"),
        _cand("Ook dit is van An en net zo sterk, want het gaat over vertrouwen tussen gemeenten en provincie.", 0.7, speaker="An", source="b"),
        _cand(" ".join(["Een heel lang citaat over samenwerking dat maar doorgaat en doorgaat."] * 6), 0.75, speaker="Bo", source="c"),
        _cand("Vertrouwen bouw je op door afspraken na te komen, niet door convenanten te tekenen.", 0.6, speaker="Cas", source="d"),
    ]
    top = choose_highlights(picks, 2)
    assert len({c.item.speaker for c in top}) == 2  # never the same speaker twice
    assert all(len(c.item.text.split()) <= 30 for c in top)  # the 66-word quote loses despite its score


def test_titles_and_tips_are_different_items_and_short() -> None:
    g = group(STATEMENTS, tip_pool=ADVICE, budget=12)
    assert 2 <= len(g.groups) <= 4
    for lesson in g.groups:
        assert lesson.tip is not None and lesson.tip.item.kind == "advice"
        if lesson.tip.item.text.lower().startswith(lesson.title.lower()):  # the tip's own words, as a last resort
            assert lesson.title_from == lesson.tip.item.id and len(lesson.title.split()) >= 3
        assert 2 <= len(lesson.title.split()) <= 6


def test_budget_gives_balanced_lessons_and_spreads_speakers() -> None:
    g = group(STATEMENTS, tip_pool=ADVICE, budget=12)
    sizes = [len(lesson.items) for lesson in g.groups]
    assert all(1 <= s <= 4 for s in sizes) and max(sizes) - min(sizes) <= 2
    total = len(g.highlights) + sum(len(lesson.items) + 1 for lesson in g.groups)
    assert total <= 12
    speakers = Counter(c.item.speaker for c in [*g.highlights, *(c for lesson in g.groups for c in lesson.items)] if c.item.speaker)
    assert max(speakers.values()) <= 2
    assert all(any(r.startswith("fits the lesson") for r in c.reasons) for lesson in g.groups for c in lesson.items)


def test_lessons_follow_the_advice_themes() -> None:
    g = group(STATEMENTS, tip_pool=ADVICE, budget=14, highlights=0)
    by_title = {lesson.title: [c.item.text for c in lesson.items] for lesson in g.groups}
    pot = next((items for title, items in by_title.items() if "geld" in title.lower() or "pot" in title.lower()), None)
    assert pot is not None and all("geld" in t for t in pot)


def test_clustering_is_scikit_learns_bit_for_bit() -> None:
    """group's own average-linkage cut and silhouette (no scikit-learn import in a digest) give
    scikit-learn's labels and scores exactly, also with ties (repeated statements)."""
    import random

    import numpy as np
    import pytest

    from oogst.group import _labels, _silhouette

    cluster = pytest.importorskip("sklearn.cluster")
    metrics = pytest.importorskip("sklearn.metrics")
    rnd = random.Random(20)
    for _ in range(150):
        n = rnd.randint(3, 40)
        points = np.array([[rnd.random() for _ in range(4)] for _ in range(n)])
        if rnd.random() < 0.3:  # ties: some items repeat others
            points[rnd.randrange(n)] = points[0]
            points[rnd.randrange(n)] = points[1]
        norm = points / np.linalg.norm(points, axis=1, keepdims=True)
        sim = np.clip(norm @ norm.T, 0.0, 1.0)
        np.fill_diagonal(sim, 1.0)
        if rnd.random() < 0.3:
            sim = np.round(sim, 1)
            np.fill_diagonal(sim, 1.0)
        dist = np.clip(1.0 - sim, 0.0, 2.0)
        for k in range(2, min(5, n)):
            theirs = cluster.AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average").fit_predict(dist)
            ours = _labels(dist, k)
            assert list(ours) == list(theirs)
            if 1 < len(set(ours)) < n:
                assert _silhouette(dist, list(ours)) == float(metrics.silhouette_score(dist, list(ours), metric="precomputed"))
