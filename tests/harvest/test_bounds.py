"""Per-document bounds of the harvest: repeats and floods are cut with a recorded reason."""
from __future__ import annotations

from oogst.harvest import MAX_PER_KIND, harvest
from oogst.harvest.people import find_people
from oogst.lang import get


def test_a_tip_repeated_word_for_word_is_one_item_and_the_repeats_are_recorded() -> None:
    text = "Zorg dat je elkaar kent voordat het spannend wordt. " * 5 + "\n\nHet is belangrijk om samen te beginnen."
    h = harvest(text, "nl", kinds=["advice"])
    assert [i.text for i in h.items] == ["Zorg dat je elkaar kent voordat het spannend wordt.",
                                         "Het is belangrijk om samen te beginnen."]
    assert sum("repeats an earlier advice" in s.reason for s in h.skipped) == 4


def test_a_flood_of_distinct_tips_stops_at_the_cap_with_one_reason() -> None:
    text = " ".join(f"Zorg dat je afspraak {n} op tijd nakomt." for n in range(MAX_PER_KIND + 50))
    h = harvest(text, "nl", kinds=["advice"])
    assert len(h.items) == MAX_PER_KIND
    assert sum(f"more than {MAX_PER_KIND} items of kind advice" in s.reason for s in h.skipped) == 1
    assert all(text[i.start:i.end] == i.text for i in h.items)


def test_mentions_inside_quotes_are_excluded_also_when_spans_nest_or_touch() -> None:
    text = "Wethouder Anna de Vries kwam. Toen zei Piet Jansen iets over Karel Smit en wethouder Anna de Vries."
    a = text.index("Piet Jansen")
    b = text.index("Karel Smit")
    c = text.index("wethouder Anna de Vries.")
    nl = get("nl")
    names = lambda exclude: [(m.start, m.person.name) for m in find_people(text, nl, exclude=exclude)]  # noqa: E731
    everyone = names([])
    assert {n for _, n in everyone} >= {"Anna de Vries", "Piet Jansen", "Karel Smit"}
    # a long span holding a short one: a name after the short one's end is still inside the long one
    kept = names([(a - 1, c), (a, a + 4)])
    assert all(not (a - 1 <= s < c) for s, _ in kept)
    assert any(s >= c for s, _ in kept) and any(s < a for s, _ in kept)
    assert names([(b, b + len("Karel Smit"))]) == [m for m in everyone if m[0] != b]
