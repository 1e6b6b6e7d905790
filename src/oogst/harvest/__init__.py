"""The harvest engine: statements with verbatim text and offsets, from one document's text.

``harvest(text, lang)`` is a pure function: the same text gives the same items, every item's
``text`` equals ``text[item.start:item.end]``, and nothing raises on odd input — a stretch that
cannot be read as a quote is recorded in ``Harvest.skipped`` with the reason. The language is
the one thing it refuses: a code no pack has, or ``"auto"`` on a text that reads as none of the
known languages (``oogst.lang.detect``), is a ``LanguageError`` that names them.
"""
from __future__ import annotations

from collections.abc import Iterable

from oogst.harvest import accel as _accel

# the compiled modules when they match their sources (oogst.harvest.accel); before any other
# harvest module is imported
COMPILED = _accel.activate(__path__)

from oogst import lang as languages  # noqa: E402
from oogst.harvest import kinds as _kinds  # noqa: E402
from oogst.harvest.boxes import boxes as _boxes  # noqa: E402
from oogst.harvest.quotes import harvest_quotes  # noqa: E402
from oogst.harvest.text import blocks as _blocks  # noqa: E402
from oogst.models import ITEM_KINDS, Harvest, Item, Skipped  # noqa: E402

MAX_TEXT = 2_000_000  # characters; longer texts are cut, with a recorded reason


def harvest(text: str, lang: str = "auto", kinds: Iterable[str] = ITEM_KINDS, document_id: str = "") -> Harvest:
    """Harvest the statements of ``kinds`` from ``text`` in language ``lang`` (nl, en or auto:
    detected, and a ``LanguageError`` when it cannot be told)."""
    wanted = set(kinds)
    unknown = wanted - set(ITEM_KINDS)
    if unknown:
        raise ValueError(f"unknown item kind(s): {', '.join(sorted(unknown))}; choose from {', '.join(ITEM_KINDS)}")
    skipped: list[Skipped] = []
    if len(text) > MAX_TEXT:
        skipped.append(Skipped(MAX_TEXT, len(text), f"text longer than {MAX_TEXT} characters; the rest was not read",
                               cap=True))
        text = text[:MAX_TEXT]
    code = languages.detect(text) if lang == "auto" else lang
    language = languages.get(code)
    blocks = _blocks(text)
    items: list[Item] = []
    quotes, qskipped, res = harvest_quotes(text, blocks, language, document_id)
    skipped.extend(qskipped)
    quoted = [(q.start, q.end) for q in quotes]
    if "quote" in wanted:
        items.extend(quotes)
    sentence_cache: _kinds.SentenceCache = {}
    box_items, cut = _boxes(text, blocks, language, document_id) if wanted & {"takeaway", "advice"} else ([], [])
    if wanted & {"takeaway", "advice"}:
        items.extend(i for i in box_items if i.kind in wanted)
    if "advice" in wanted:
        taken = [(i.start, i.end) for i in box_items] + cut
        items.extend(_kinds.advice_sentences(text, blocks, language, document_id, quoted, taken, sentence_cache))
    if "paraphrase" in wanted:
        items.extend(_kinds.paraphrases(text, blocks, language, document_id, quoted, res, sentence_cache))
    items.sort(key=lambda i: (i.start, i.end, i.kind))
    items = _bounded(items, skipped)
    return Harvest(tuple(items), tuple(sorted(skipped, key=lambda s: (s.start, s.end))))


# Past this many statements of one kind a page is no article (a generated page, a data dump).
MAX_PER_KIND = 3_000


def _bounded(items: list[Item], skipped: list[Skipped]) -> list[Item]:
    """Drop a takeaway, advice or paraphrase whose exact text came earlier in the document (a
    tip repeated in the body adds nothing; quotes have their own repeat check), and stop a kind
    at MAX_PER_KIND. Each repeat is recorded in ``skipped``; of the items past the cap, the
    first is recorded with the reason (not one record per item)."""
    seen: set[tuple[str, str]] = set()
    count: dict[str, int] = {}
    out: list[Item] = []
    for item in items:
        if item.kind != "quote":
            key = (item.kind, item.text)
            if key in seen:
                skipped.append(Skipped(item.start, item.end, f"repeats an earlier {item.kind} word for word"))
                continue
            seen.add(key)
        n = count[item.kind] = count.get(item.kind, 0) + 1
        if n > MAX_PER_KIND:
            if n == MAX_PER_KIND + 1:
                skipped.append(Skipped(item.start, item.end, f"more than {MAX_PER_KIND} items of kind "
                                       f"{item.kind} in one document; the rest was not kept", cap=True))
            continue
        out.append(item)
    return out


__all__ = ["harvest"]
