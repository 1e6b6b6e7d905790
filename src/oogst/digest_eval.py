"""Measure digest quality against an editor's picks: the digest-level twin of :mod:`oogst.evaluate`.

An *editorial gold corpus* is a folder with

- ``articles.jsonl``: one article a line, ``{"url", "title", "published", "text"}`` (the shape
  ``oogst add`` reads), and
- ``picks.json``: what an editor made of them for one topic and period::

    {"topic": "…", "period": "2024-Q3..2024-Q4", "language": "nl",
     "highlights": ["a distinctive stretch of the statement", …],
     "lessons": [{"title": "Ken elkaars agenda", "tip": "…", "items": ["…", …]}, …]}

Each pick is a stretch of an article's text. A pick is *found* when a digest item's text contains
it (compared without case, quote-mark style or spacing), wherever the digest puts it: the
editor moves statements around, but cannot add what the digest left out. Pick **recall** is
found picks / picks; pick **precision** is digest items that hold a pick / digest items. Also
reported: tips found as tips, lessons with a tip, lessons with a placeholder title, and title
agreement (an editor's title whose verb and one more word recur in a digest title).

The articles are harvested here, as ``oogst add`` would, so the figure measures the whole
chain from text to page. Pure: no store, no files written.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from oogst.digest import build_digest
from oogst.errors import InputError
from oogst.harvest import harvest
from oogst.models import Digest, DigestItem, Document, Item, document_id, normalize_partial_date
from oogst.select.terms import content_words
from oogst.titles import is_placeholder
from oogst.tuning import TUNING, Tuning

PLACES = ("highlight", "tip", "item")


@dataclass(frozen=True, slots=True)
class Pick:
    text: str
    place: str  # highlight | tip | item
    lesson: str | None = None  # the editor's lesson title


@dataclass(frozen=True, slots=True)
class EditorialCorpus:
    name: str
    topic: str | None
    period: str
    language: str
    documents: tuple[Document, ...]
    items: tuple[Item, ...]
    picks: tuple[Pick, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DigestScore:
    name: str
    picks: int
    found: int
    items: int
    on_pick: int
    tips: int  # editor's tips
    tips_as_tips: int  # … found as a tip of some lesson
    lessons: int
    lessons_with_tip: int
    placeholder_titles: int
    titles: int  # editor's titles
    titles_agreeing: int
    missed: tuple[Pick, ...] = field(default=(), compare=False)
    extra: tuple[str, ...] = field(default=(), compare=False)  # digest items that hold no pick
    digest: Digest | None = field(default=None, compare=False, repr=False)

    @property
    def recall(self) -> float:
        return self.found / self.picks if self.picks else 1.0

    @property
    def precision(self) -> float:
        return self.on_pick / self.items if self.items else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "corpus": self.name, "picks": self.picks, "found": self.found, "recall": round(self.recall, 3),
            "digest_items": self.items, "on_pick": self.on_pick, "precision": round(self.precision, 3),
            "tips": self.tips, "tips_as_tips": self.tips_as_tips, "lessons": self.lessons,
            "lessons_with_tip": self.lessons_with_tip, "placeholder_titles": self.placeholder_titles,
            "titles": self.titles, "titles_agreeing": self.titles_agreeing,
        }


def _norm(text: str) -> str:
    text = re.sub(r"[‘’‚‛`´]", "'", text)
    text = re.sub(r"[“”„‟«»]", '"', text)
    return " ".join(text.split()).lower()


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read editorial picks ({exc})") from None


def _articles(path: Path, language: str) -> list[Document]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read articles ({exc})") from None
    docs = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            url, text = str(row["url"]), str(row["text"])
            published = normalize_partial_date(row.get("published"))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{n}: not an article ({exc})") from None
        docs.append(Document(document_id(url), url, str(row.get("title") or ""), published, language, text, "jsonl"))
    return docs


def load_corpus(folder: Path | str) -> EditorialCorpus:
    """Read and harvest one editorial gold corpus; every pick must occur in some article."""
    folder = Path(folder)
    raw = _read_json(folder / "picks.json")
    if not isinstance(raw, dict) or "period" not in raw:
        raise InputError(f"{folder / 'picks.json'}: expected an object with 'period', 'highlights' and 'lessons'")
    language = str(raw.get("language") or "nl")
    docs = _articles(folder / "articles.jsonl", language)
    picks = [Pick(str(t), "highlight") for t in raw.get("highlights", [])]
    titles = []
    for lesson in raw.get("lessons", []):
        title = str(lesson.get("title") or "")
        titles.append(title)
        if lesson.get("tip"):
            picks.append(Pick(str(lesson["tip"]), "tip", title))
        picks.extend(Pick(str(t), "item", title) for t in lesson.get("items", []))
    texts = [_norm(d.text) for d in docs]
    unknown = [p.text for p in picks if not any(_norm(p.text) in t for t in texts)]
    if unknown:
        raise InputError(f"{folder}: picks not found in any article: {unknown[:3]}")
    items = tuple(i for d in docs for i in harvest(d.text, language, document_id=d.id).items)
    topic = raw.get("topic")
    return EditorialCorpus(folder.name, str(topic) if topic else None, str(raw["period"]), language,
                           tuple(docs), items, tuple(picks), tuple(titles))


def _holds(item: DigestItem, pick: Pick) -> bool:
    return _norm(pick.text) in _norm(item.text)


def _title_agrees(editor: str, titles: Sequence[str], language: str) -> bool:
    """The editor's verb and at least one more content word recur in one digest title."""
    e = _norm(editor).split()
    if not e:
        return False
    for title in titles:
        t = _norm(title).split()
        if not t or t[0] != e[0]:
            continue
        rest_e = set(content_words(" ".join(e[1:]), language)) or set(e[1:])
        if rest_e & set(content_words(" ".join(t[1:]), language) or t[1:]):
            return True
    return False


def score(corpus: EditorialCorpus, digest: Digest) -> DigestScore:
    """Compare ``digest`` with the editor's picks of ``corpus``."""
    items = digest.all_items()
    tips = [t for lesson in digest.lessons for t in lesson.tips]
    found = [p for p in corpus.picks if any(_holds(i, p) for i in items)]
    missed = tuple(p for p in corpus.picks if p not in found)
    extra = tuple(i.text for i in items if not any(_holds(i, p) for p in corpus.picks))
    editor_tips = [p for p in corpus.picks if p.place == "tip"]
    titles = [lesson.title for lesson in digest.lessons]
    return DigestScore(
        name=corpus.name,
        picks=len(corpus.picks),
        found=len(found),
        items=len(items),
        on_pick=len(items) - len(extra),
        tips=len(editor_tips),
        tips_as_tips=sum(1 for p in editor_tips if any(_holds(t, p) for t in tips)),
        lessons=len(digest.lessons),
        lessons_with_tip=sum(1 for lesson in digest.lessons if lesson.tips),
        placeholder_titles=sum(1 for t in titles if is_placeholder(t)),
        titles=len(corpus.titles),
        titles_agreeing=sum(1 for t in corpus.titles if _title_agrees(t, titles, corpus.language)),
        missed=missed,
        extra=extra,
        digest=digest,
    )


def evaluate_corpus(corpus: EditorialCorpus, *, tuning: Tuning = TUNING) -> DigestScore:
    result = build_digest(corpus.documents, corpus.items, corpus.topic, corpus.period, language=corpus.language, tuning=tuning)
    return score(corpus, result.digest)


def evaluate_digests(folders: Iterable[Path | str], *, tuning: Tuning = TUNING) -> list[DigestScore]:
    """Score the digest of every editorial gold corpus in ``folders``, made with ``tuning``
    (to measure a changed number: ``tuning=TUNING.changed(lam=0.6)``)."""
    return [evaluate_corpus(load_corpus(f), tuning=tuning) for f in folders]


def corpus_folders(root: Path | str) -> list[Path]:
    """The editorial gold corpora under ``root`` (a corpus folder itself, or a folder of them)."""
    root = Path(root)
    if (root / "picks.json").is_file():
        return [root]
    return sorted(p.parent for p in root.glob("*/picks.json"))


__all__ = ["DigestScore", "EditorialCorpus", "Pick", "corpus_folders", "evaluate_corpus", "evaluate_digests", "load_corpus", "score"]
