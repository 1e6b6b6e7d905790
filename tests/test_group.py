import itertools

import pytest

from oogst.group import cluster, group, highlight_count, key_terms, title_from_advice, title_from_terms
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


def test_title_from_terms() -> None:
    assert title_from_terms(["vertrouwen", "ambtenaren"], "nl") == "Vertrouwen en ambtenaren"
    assert title_from_terms(["trust", "officials"], "en") == "Trust and officials"
    assert title_from_terms([], "nl") == "Overig"


def test_key_terms_prefer_frequent_words() -> None:
    picks = synthetic(40)
    trust = [c for c in picks if "ertrouwen" in c.item.text]
    assert key_terms(trust, "nl", background=picks)[0] == "vertrouwen"
    assert "punt" in key_terms(trust, "nl", n=10)  # without background, plain frequency


def test_titles_are_unique_and_short() -> None:
    g = group(synthetic(60))
    titles = [lesson.title for lesson in g.groups]
    assert len(titles) == len({t.lower() for t in titles})
    assert all(len(t.split()) <= 6 and t[0].isupper() for t in titles)


def test_tiny_input() -> None:
    assert group([]).groups == ()
    one = synthetic(10)[:1]
    g = group(one)
    assert len(g.groups) == 1 and g.highlights == ()
