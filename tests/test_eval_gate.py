"""The eval gate: harvest quality on the hand-annotated gold set must not drop below its floors.

Floors are set a little under the figures measured when they were last raised (see the commit
that changed them); raise them when the harvester improves, never lower them to make a change pass.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from oogst.evaluate import evaluate, load_gold

GOLD = Path(__file__).parent / "gold"

# (key, metric) -> floor.  Raised 2026-11-30 (second session) after 16 new development texts in
# everyday news shapes and the general fixes they led to: see docs/harvest.md for the figures.
# Paraphrase, takeaway and advice raised 2026-12-03 (issue 15, real-page layouts; nl-201 …
# nl-203, en-201 added): measured 0.991 / 1.000 / 0.995.
FLOORS = {
    ("nl:quote", "f1"): 0.97,
    ("en:quote", "f1"): 0.97,
    ("all:paraphrase", "f1"): 0.98,
    ("all:takeaway", "f1"): 0.98,
    ("all:advice", "f1"): 0.98,
    ("nl:quote", "precision"): 0.97,
    ("nl:quote", "recall"): 0.97,
}
# Set again when 13 harder development texts were added (nl-047 … en-020: court reports,
# alternating speakers, speakers introduced after their quote). On them alone, before any fix:
# speaker nl 0.782 / en 0.478; on the enlarged set after the fixes they led to: speaker nl
# 0.982 / en 0.957, role nl 0.940 / en 0.932.
# Raised 2026-12-03 (issue 15, part A: quotes, speakers and roles in the shapes of scraped pages,
# with nl-101, nl-102, en-101 added): speaker nl 0.986 / en 0.960, role nl 0.946 / en 0.925.
SPEAKER_FLOORS = {"nl": 0.97, "en": 0.95}
ROLE_FLOORS = {"nl": 0.93, "en": 0.91}


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return evaluate(load_gold([GOLD / "nl.jsonl", GOLD / "en.jsonl"]))


def test_gold_set_is_big_enough(report) -> None:  # noqa: ANN001
    quotes = report.counts["all:quote"]
    assert quotes.tp + quotes.fn >= 200
    others = sum(report.counts[f"all:{k}"].tp + report.counts[f"all:{k}"].fn for k in ("paraphrase", "takeaway", "advice"))
    assert others >= 60
    assert report.texts >= 40


@pytest.mark.parametrize("key, metric", sorted(FLOORS))
def test_extraction_floor(report, key: str, metric: str) -> None:  # noqa: ANN001
    value = getattr(report.counts[key], metric)
    assert value >= FLOORS[(key, metric)], f"{key} {metric} {value:.3f} fell below {FLOORS[(key, metric)]}"


@pytest.mark.parametrize("lang", sorted(SPEAKER_FLOORS))
def test_speaker_and_role_floor(report, lang: str) -> None:  # noqa: ANN001
    assert report.speaker_accuracy(lang) >= SPEAKER_FLOORS[lang]
    assert report.role_accuracy(lang) >= ROLE_FLOORS[lang]


# The held-out set was never tuned on; its floors only guard against regressions that tuning on
# the development set would hide. Measured 2026-11-28 (docs/harvest.md, "Held-out figures").
HELDOUT_FLOORS = {
    ("all:quote", "f1"): 0.96,
    ("all:quote", "recall"): 0.97,
    ("all:paraphrase", "f1"): 0.92,
    ("all:takeaway", "f1"): 0.95,
    ("all:advice", "f1"): 0.95,
}
# Raised 2026-12-03 (issue 15, part A), never tuned on: speaker nl 0.881 -> 0.921 (en 0.865).
# 2026-12-08 (real-text rules of that day): en 0.865 -> 0.892 (nl 0.921).
HELDOUT_SPEAKER_FLOORS = {"nl": 0.90, "en": 0.86}
# Roles, re-measured 2026-11-30 after general role patterns (age and title before the role,
# "werkt als", the role clause before a name in apposition) raised them from nl 0.707 / en 0.469,
# and again (second session, nl 0.768 / en 0.719) after fixes found on new development texts.
# Issue 15, part A: nl 0.768 -> 0.793 (en 0.719); 2026-12-08: en 0.719 -> 0.750 (nl 0.793).
HELDOUT_ROLE_FLOORS = {"nl": 0.77, "en": 0.72}


@pytest.fixture(scope="module")
def heldout():  # noqa: ANN201
    return evaluate(load_gold([GOLD / "heldout" / "nl.jsonl", GOLD / "heldout" / "en.jsonl"]))


@pytest.mark.parametrize("key, metric", sorted(HELDOUT_FLOORS))
def test_heldout_floor(heldout, key: str, metric: str) -> None:  # noqa: ANN001
    value = getattr(heldout.counts[key], metric)
    assert value >= HELDOUT_FLOORS[(key, metric)], f"held-out {key} {metric} {value:.3f} fell below {HELDOUT_FLOORS[(key, metric)]}"


@pytest.mark.parametrize("lang", sorted(HELDOUT_SPEAKER_FLOORS))
def test_heldout_speaker_floor(heldout, lang: str) -> None:  # noqa: ANN001
    assert heldout.speaker_accuracy(lang) >= HELDOUT_SPEAKER_FLOORS[lang]


@pytest.mark.parametrize("lang", sorted(HELDOUT_ROLE_FLOORS))
def test_heldout_role_floor(heldout, lang: str) -> None:  # noqa: ANN001
    assert heldout.role_accuracy(lang) >= HELDOUT_ROLE_FLOORS[lang]


@pytest.mark.parametrize("gold", ["nl.jsonl", "en.jsonl", "heldout/nl.jsonl", "heldout/en.jsonl"])
def test_gold_offsets_are_consistent(gold: str) -> None:
    for rec in load_gold([GOLD / gold]):
        for item in rec["items"]:
            assert rec["text"][item["start"] : item["end"]] == item["text"], (rec["id"], item["text"])
