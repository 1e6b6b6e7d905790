"""Every number of selection and grouping, named once, with its reason.

``Tuning`` holds one frozen record per stage of the digest: ``ranking`` (relevance,
quotability, kind weights, the harvester's confidence; ``select/rank.py``, ``relevance.py``,
``terms.py``, ``quotability.py``, ``shape.py``), ``diversity`` (``select/diversity.py``),
``grouping`` (``group.py``, ``titles.py``) and ``shortlist`` (``digest.py``: the page, what is
printable, how many articles are scored). Each field carries its reason as metadata, so the
tables in ``docs/architecture.md`` are made from this module (:func:`markdown`; ``python -m
oogst.tuning`` rewrites them) and cannot drift from the code.

The value is passed down: ``build_digest(..., tuning=TUNING)`` hands it to every stage, and no
stage looks a number up anywhere else. Another tuning is a changed copy::

    from oogst.tuning import TUNING
    build_digest(docs, items, topic, period, tuning=TUNING.changed(max_items=12, lam=0.6))

Numbers that *define* a check rather than tune it stay in the code beside it: the positions of
the grammar rules in ``shape.py`` (a finite verb comes early), the three letters of a content
word, the units of a period, cache sizes.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

_T = TypeVar("_T")

START, END = "<!-- tuning:start -->", "<!-- tuning:end -->"


def _n(value: _T, reason: str) -> _T:
    """A tuning field: its default and the one line that says why."""
    return field(default=value, metadata={"reason": reason})


@dataclass(frozen=True, slots=True)
class RankingTuning:
    """`select/rank.py`, `relevance.py`, `terms.py`, `quotability.py`, `shape.py`. A statement's
    score is `quotability × (relevance_base + (1 − relevance_base) × relevance) × kind weight ×
    (1 − confidence_share + confidence_share × confidence)`, at most 1."""

    # scope: which articles of the period count
    small_period: int = _n(12, "a period with at most this many articles has them all in scope: the editor chose the sources, the topic only orders")
    min_scope: int = _n(12, "in a larger period at least this many articles (the most relevant) stay in scope: the topic never empties the digest")
    min_relevance: float = _n(0.15, "in a larger period an article is in scope from this relevance on")
    about_topic: float = _n(0.5, "from this article relevance on, a statement's reasons say 'article about the topic'")
    # the score
    item_share: float = _n(0.5, "an item's relevance is this share its own words, the rest its article's")
    relevance_base: float = _n(0.5, "a statement far from the topic keeps this share of its score: the topic orders, it does not filter")
    confidence_share: float = _n(1.0, "how much the harvester's confidence in an item (0.4–1: both quote marks, a named speaker, a clear cue) multiplies the score; 0 ignores it")
    kind_quote: float = _n(1.0, "kind weight of a quote without a named speaker: the baseline")
    kind_named_quote: float = _n(1.1, "kind weight of a quote from a named speaker: a voice the page can name")
    kind_advice: float = _n(1.1, "kind weight of advice: lessons take their titles and tips from it")
    kind_takeaway: float = _n(1.25, "kind weight of a point of a key-point box ('In 1 minuut'): editors pick them")
    kind_paraphrase: float = _n(0.9, "kind weight of a paraphrase: someone's view retold, weaker than their own words")
    # relevance of a statement and of an article
    min_part: int = _n(5, "a topic stem this long also matches inside a longer word (samenwerk in overheidssamenwerking); compound parts are this long")
    part_credit: float = _n(0.5, "a topic word met only by one of its compound parts (samenwerkingsverband by samenwerking) counts this much")
    core_weight: float = _n(0.8, "a statement's relevance: this share from the topic words it has")
    expansion_weight: float = _n(0.2, "… and this share from the terms that co-occur with the topic")
    expansion_full: float = _n(1.5, "co-occurring terms whose weights add up to this fill the expansion share")
    related_only: float = _n(0.75, "a statement with co-occurring terms but no topic word keeps this share: related, not the topic itself")
    body_weight: float = _n(0.45, "an article's literal relevance: this share from the topic words in its text")
    title_weight: float = _n(0.3, "… this share from the topic words in its title")
    density_weight: float = _n(0.25, "… and this share from how densely its text names the topic")
    density_full: int = _n(50, "topic words per word times this is the density, at most 1: two hits per hundred words is plenty")
    related_weight: float = _n(0.6, "an article like the on-topic ones (cosine with their TF-IDF centroid) scores up to this without naming the topic")
    on_topic_coverage: float = _n(0.5, "an article is on topic, for the expansion and the likeness, when it has this share of the topic words")
    expansion_terms: int = _n(24, "the topic is expanded with at most this many co-occurring stems")
    expansion_min_letters: int = _n(4, "a co-occurring stem shorter than this is too vague to expand the topic")
    expansion_min_articles: int = _n(2, "a co-occurring stem occurs in at least this many on-topic articles (in the one, when only one is on topic)")
    off_topic_share: float = _n(0.5, "a term's mean weight in the off-topic articles is subtracted at this share: what every article says is not the topic")
    # quotability: five parts, each in [0, 1]
    part_standalone: float = _n(0.3, "quotability's share for standing on its own (no opening that points back)")
    part_generality: float = _n(0.2, "quotability's share for a general insight rather than a detail")
    part_length: float = _n(0.2, "quotability's share for a readable length")
    part_voice: float = _n(0.15, "quotability's share for a generic voice (je, we, you)")
    part_punch: float = _n(0.15, "quotability's share for punch (contrast, evaluation)")
    points_back: float = _n(0.2, "standing alone of a statement that opens by pointing back ('Dat', 'Daarom')")
    may_point_back: float = _n(0.6, "standing alone of one that may point back ('Het', 'Die' before a verb)")
    no_words: float = _n(0.5, "standing alone of a statement without words")
    detail_cost: float = _n(0.25, "each number, date or name costs a statement this much of its generality")
    detail_heavy: float = _n(0.5, "below this generality the reasons say 'detail-heavy'")
    no_voice: float = _n(0.5, "voice of a statement that does not speak to the reader")
    no_punch: float = _n(0.4, "punch of a statement without a contrast or evaluation word")
    punch_base: float = _n(0.6, "punch with such words: this plus punch_per_word for each, at most 1")
    punch_per_word: float = _n(0.2, "punch added per contrast or evaluation word")
    ideal_min: int = _n(8, "fewer words lose length in proportion (a punchy line of eight words is a quote an editor picks); fewer are a scare quote when cut mid-sentence")
    ideal_max: int = _n(40, "up to this many words the length is ideal")
    long_words: int = _n(55, "from ideal_max to this many words the length falls to long_length; beyond, the too_long penalty")
    long_length: float = _n(0.5, "the length at long_words words")
    too_long_words: int = _n(80, "the length reaches 0 here: oogst picks, it does not shorten")
    # quotability: penalties, multiplied into the score when a check fires
    penalty_fragment: float = _n(0.55, "a fragment as first sentence (no finite verb, an interview answer 'Omdat …', a lower-case start)")
    penalty_scare_quote: float = _n(0.4, "a few words quoted inside a sentence ('kan niet, wil niet'), on top of the fragment")
    penalty_announcement: float = _n(0.4, "an announcement instead of a statement ('X vertelt wat …')")
    penalty_refers_back: float = _n(0.7, "an object pronoun that refers back ('We hadden het kunnen verstoppen')")
    penalty_anecdote: float = _n(0.55, "an anecdote: a story in the simple past with story markers")
    penalty_too_long: float = _n(0.6, "over long_words words")
    penalty_chatter: float = _n(0.2, "greetings and programme talk of an event ('Welkom bij dit webinar')")
    penalty_byline: float = _n(0.2, "a byline or credit ('Tekst: …')")
    penalty_caption: float = _n(0.4, "a caption or display quote next to a credit line ('Beeld: ©…')")
    penalty_cut_off: float = _n(0.4, "a statement cut off where the page ends")
    story_min_past: int = _n(2, "an anecdote has at least this many sentences in the simple past, the last one among them")
    story_past_share: float = _n(0.5, "… and at least this share of its sentences")
    story_unmarked_past: int = _n(3, "without story markers (toen, twee keer, 2019) it needs this many past sentences")
    caption_reach: int = _n(300, "characters before and after a statement's line searched for a credit line")
    caption_line: int = _n(160, "a credit line is shorter than this many characters")


@dataclass(frozen=True, slots=True)
class DiversityTuning:
    """`select/diversity.py`: maximal marginal relevance over the TF-IDF cosine of stems, spread
    over sources and speakers."""

    lam: float = _n(0.7, "λ of maximal marginal relevance: a pick is worth λ × score − (1 − λ) × its highest similarity to the picks")
    duplicate: float = _n(0.6, "a statement this similar to a pick makes the same point and is dropped")
    source_limit: int = _n(2, "a source (or speaker) gives this many picks before each further one costs crowd_penalty more")
    crowd_penalty: float = _n(0.15, "cost per statement over source_limit, from the same source or speaker")
    repeat_penalty: float = _n(0.03, "cost per earlier pick from the same source, so that sources spread early")
    speaker_limit: int = _n(2, "a named speaker is picked at most this many times (the shortlist: shortlist_factor times this)")
    diversity_pool: int = _n(400, "only the best this many candidates (k, when more are asked for) compete: the similarity matrix stays small")


@dataclass(frozen=True, slots=True)
class GroupingTuning:
    """`group.py`, `titles.py`: highlights, advice themes with their tips and titles, and how the
    lessons are filled."""

    # highlights
    highlight_counts: tuple[tuple[int, int], ...] = _n(((5, 2), (11, 3), (17, 4)), "picks → highlights: from 5 picks two, from 11 three, from 17 four; fewer than 5 none")
    highlight_min_words: int = _n(8, "a highlight of fewer words loses value in proportion")
    highlight_max_words: int = _n(30, "a highlight of more words loses value: punch fits in 8–30 words")
    highlight_short_floor: float = _n(0.4, "the least a short highlight keeps of its value")
    highlight_long_floor: float = _n(0.3, "the least a long highlight keeps of its value")
    highlight_long_span: int = _n(30, "a long highlight loses 1/this of its value per word over highlight_max_words")
    # lessons and their themes
    min_lessons: int = _n(2, "fewer lessons are no structure: themes and clusters aim for at least this many")
    max_lessons: int = _n(4, "more lessons do not fit one page")
    min_per_lesson: int = _n(2, "statements a lesson needs; a theme that gets fewer is dropped (unless too few lessons are left)")
    advice_pool: int = _n(150, "the best this many advice items beyond the picks are considered as themes and tips")
    same_theme: float = _n(0.35, "advice this similar to a theme is the same lesson: not a second theme, but its family")
    min_support: float = _n(0.25, "beyond min_lessons, a theme needs this much support (recurrence + coverage) unless lessons were asked for")
    support_sim: float = _n(0.15, "an echo (the advice in another article, a statement that speaks to it) counts from this similarity; the advice's own article's statements count at least this")
    support_top: int = _n(3, "the strongest this many echoes of each kind count: a few clear ones beat many faint ones")
    support_weight: float = _n(0.5, "a theme's value: its score + this × log(1 + support) − its overlap with chosen themes")
    tip_fit: float = _n(0.15, "a tip (and the 'different tip' of tip_bonus) is at least this similar to its theme")
    tip_bonus: float = _n(0.2, "a theme whose title and tip can come from different advice items is worth this more")
    tip_base: float = _n(0.2, "a tip's fit: score × (this + similarity to the theme) × the factors below")
    tip_own_advice: float = _n(0.5, "the theme's own advice as its tip counts as this similar")
    tip_min_words: int = _n(8, "a tip of tip_min_words to tip_max_words words is concrete")
    tip_max_words: int = _n(25, "… and longer ones are not")
    tip_not_concrete: float = _n(0.8, "factor for a tip outside that length")
    tip_not_imperative: float = _n(0.5, "factor for a tip that does not open with an imperative ('Je moet …' after 'Doe …')")
    tip_repeats_title: float = _n(0.5, "factor for a tip that opens with its lesson's title")
    cluster_size: int = _n(3, "without advice, at most one cluster per this many statements (within min_lessons to max_lessons)")
    cluster_tip: float = _n(0.05, "a cluster borrows advice as its tip above this mean similarity")
    key_term_count: int = _n(3, "a lesson's characteristic words: this many")
    key_term_letters: int = _n(4, "a characteristic word has at least this many letters")
    # filling the lessons
    assign_slack: int = _n(1, "without a budget a lesson takes at most an even share of the statements plus this many")
    min_fit: float = _n(0.1, "below this similarity a statement does not speak to a lesson (one of the advice's own article always does)")
    same_article: float = _n(0.05, "bonus similarity for a statement of an article that gives the lesson's advice: practice stories end with their lessons")
    fit_full: float = _n(4.0, "a statement with similarity ≥ 1/this to a lesson counts with its whole score")
    unnamed: float = _n(0.85, "a statement without a named speaker counts this much in a lesson: lessons want telling quotes from people")
    lesson_source_limit: int = _n(3, "statements of one article on the page, while others fit")
    lesson_source_cost: float = _n(0.03, "each statement of the same article already on the page costs a candidate this much")
    min_speaker_limit: int = _n(2, "a speaker may give the page's share per article, and at least this many statements")
    fit_options: int = _n(3, "a lesson without statements of its own chooses among this many best-fitting ones")
    # titles
    min_title_words: int = _n(2, "a title has at least this many words; a two-word title that lost its object says too little")
    max_title_words: int = _n(5, "a title has at most this many words")
    max_uncut_words: int = _n(6, "a title that cannot be cut may have this many")
    title_colon_reach: int = _n(80, "a colon within this many characters ends a 'Title: concrete step' lead-in")
    apposition_reach: tuple[int, int] = _n((8, 5), "after 'als …' (a role) a title resumes at a possessive within this many words, or else an article within this many")
    own_tip_step: int = _n(4, "a lesson may use the advice its title is cut from as its tip when the step after the colon has this many words")
    last_resort_words: int = _n(3, "a tip's own opening is its lesson's title only as a last resort, with at least this many words")


@dataclass(frozen=True, slots=True)
class ShortlistTuning:
    """`digest.py`, `rank.shortlist`: how many articles are scored, what is printable, and how
    large the page and the varied shortlist the lessons choose from are."""

    max_items: int = _n(16, "highlights + tips + lesson items: what fits one page")
    max_articles: int | None = _n(400, "only the statements of this many in-scope articles (the most relevant) are scored; none: all")
    min_score: float = _n(0.12, "a statement scoring below this is not printed: small talk, captions, cut-offs")
    min_share: float = _n(0.2, "nor one below this share of the best score")
    statements_first: float = _n(0.5, "statements alone make the shortlist when they fill this share of the page; else advice joins them")
    shortlist_factor: int = _n(3, "lessons choose from a varied shortlist this many times the page")


STAGES = ("ranking", "diversity", "grouping", "shortlist")


@dataclass(frozen=True, slots=True)
class Tuning:
    """Every number of ranking, diversity, grouping and the shortlist; see the module doc."""

    ranking: RankingTuning = field(default_factory=RankingTuning)
    diversity: DiversityTuning = field(default_factory=DiversityTuning)
    grouping: GroupingTuning = field(default_factory=GroupingTuning)
    shortlist: ShortlistTuning = field(default_factory=ShortlistTuning)

    def changed(self, **values: Any) -> Tuning:
        """A copy with some numbers changed, named as in the tables (each name is in one stage
        only): ``TUNING.changed(max_items=12, lam=0.6)``. ``TypeError`` for an unknown name."""
        stages: dict[str, dict[str, Any]] = {}
        for name, value in values.items():
            stage = next((s for s in STAGES if name in {f.name for f in fields(getattr(self, s))}), None)
            if stage is None:
                raise TypeError(f"no tuning number is called {name!r}")
            stages.setdefault(stage, {})[name] = value
        return replace(self, **{stage: replace(getattr(self, stage), **v) for stage, v in stages.items()})


def rows(tuning: Tuning | None = None) -> Iterator[tuple[str, str, object, str]]:
    """(stage, name, value, reason) of every number, in table order."""
    tuning = tuning or TUNING
    for stage in STAGES:
        numbers = getattr(tuning, stage)
        for f in fields(numbers):
            yield stage, f.name, getattr(numbers, f.name), str(f.metadata.get("reason", ""))


def _shown(value: object) -> str:
    if isinstance(value, tuple) and all(isinstance(v, tuple) for v in value):
        return ", ".join(" → ".join(map(str, v)) for v in value)
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return "none" if value is None else str(value)


def markdown(tuning: Tuning | None = None) -> str:
    """The tuning tables of ``docs/architecture.md``: one per stage; name, value, reason."""
    tuning = tuning or TUNING
    out: list[str] = []
    for stage in STAGES:
        numbers = getattr(tuning, stage)
        doc = " ".join((type(numbers).__doc__ or "").split())
        out += [f"### {stage.capitalize()}: `TUNING.{stage}`", "", doc, "", "| name | value | reason |", "|---|---|---|"]
        for f in fields(numbers):
            reason = str(f.metadata.get("reason", "")).replace("|", "\\|")
            out.append(f"| `{f.name}` | {_shown(getattr(numbers, f.name))} | {reason} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def rewritten(text: str, tuning: Tuning | None = None) -> str:
    """``text`` with what lies between the tuning markers replaced by :func:`markdown`.
    ``ValueError`` when the markers are missing."""
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document has no {START} … {END} section")
    return f"{head}{START}\n{markdown(tuning)}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """``python -m oogst.tuning [PATH] [--check]``: rewrite the tuning tables of PATH
    (``docs/architecture.md``); with ``--check`` only say whether they are up to date."""
    parser = argparse.ArgumentParser(prog="python -m oogst.tuning", description=main.__doc__)
    parser.add_argument("path", nargs="?", default="docs/architecture.md", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 when the tables differ; write nothing")
    args = parser.parse_args(argv)
    text = args.path.read_text(encoding="utf-8")
    new = rewritten(text)
    if new == text:
        print(f"{args.path}: the tuning tables are up to date")
        return 0
    if args.check:
        print(f"{args.path}: the tuning tables differ from oogst.tuning (run python -m oogst.tuning)", file=sys.stderr)
        return 1
    args.path.write_text(new, encoding="utf-8")
    print(f"{args.path}: tuning tables rewritten")
    return 0


TUNING = Tuning()

__all__ = ["TUNING", "DiversityTuning", "GroupingTuning", "RankingTuning", "ShortlistTuning", "Tuning", "markdown", "rewritten", "rows"]

if __name__ == "__main__":
    raise SystemExit(main())
