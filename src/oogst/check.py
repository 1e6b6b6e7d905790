"""The faithful-quote check: an edited quote may only leave words out, and must say so.

Rules for ``check_abridgement(original, edited)`` (token level, whitespace-insensitive):

* allowed: leaving words out. A cut *inside* the quote must be marked with ``…``, ``...``,
  ``[…]``, ``[...]`` or ``(…)``; a cut at the very start or end may be marked or unmarked.
* allowed: a capital (or lower case) first letter, and different sentence punctuation at the
  very end (``heen,`` → ``heen.``; ``!`` or ``?`` only where the original has it).
* allowed: other quotation marks (the renderer draws its own) and ’ vs ' in zo’n, ’s.
* rejected: any added, changed or reordered word, an unmarked cut inside, and editor inserts in
  square brackets such as ``[de gemeente]`` or ``[…, red.]``: the check cannot vouch for them,
  so a clarification belongs outside the quote (or in a paraphrase item).
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from oogst.errors import UnfaithfulEditError
from oogst.lang import SUPPORTED
from oogst.lang import get as get_language
from oogst.harvest import harvest
from oogst.models import Digest, DigestItem, Document, Item

_TOKEN = re.compile(
    r"(?P<cut>\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)"
    r"|(?P<insert>\[[^\]]*\])"
    r"|(?P<word>\d+(?:[.,]\d+)+(?!\w)|['’]?\w+(?:['’-]\w+)*)"
    r"|(?P<punct>[^\w\s])"
)
_QUOTE_MARKS = set('"“”„«»‘‚')
_END_PUNCT = set(".,;:!?")
CUT = "…"


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # cut | insert | word | punct
    text: str

    @property
    def norm(self) -> str:
        return CUT if self.kind == "cut" else self.text.replace("’", "'")


@dataclass(frozen=True, slots=True)
class AbridgementResult:
    ok: bool
    reason: str | None
    diff: str


@dataclass(frozen=True, slots=True)
class Violation:
    item_id: str
    source_url: str
    reason: str
    diff: str = ""


def tokens(text: str) -> list[Token]:
    out = [Token(m.lastgroup or "punct", m.group()) for m in _TOKEN.finditer(text)]
    return [t for t in out if t.text not in _QUOTE_MARKS]


def _segments(edited: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in edited:
        if tok.kind == "cut":
            segments.append([])
        else:
            segments[-1].append(tok)
    return [s for s in segments if s]


def _same(a: Token, b: Token, fold_case: bool) -> bool:
    return a.norm.lower() == b.norm.lower() if fold_case else a.norm == b.norm


def _folded(seg: list[Token]) -> int:
    """How many leading tokens may differ in case: one, or two after ’s / ’t (’s Avonds)."""
    return 2 if seg and seg[0].norm.startswith("'") else 1


def _find(orig: list[Token], seg: list[Token], start: int, fold_first: bool) -> int:
    fold = _folded(seg) if fold_first else 0
    for i in range(start, len(orig) - len(seg) + 1):
        if all(_same(orig[i + k], t, k < fold) for k, t in enumerate(seg)):
            return i
    return -1


def _split_trailing(edited: list[Token]) -> tuple[list[Token], list[str]]:
    end = len(edited)
    while end and edited[end - 1].kind == "punct" and edited[end - 1].text in _END_PUNCT:
        end -= 1
    return edited[:end], [t.text for t in edited[end:]]


def _alignments(orig: list[Token], body: list[Token]) -> Iterator[list[int]]:
    """Every way to place the kept segments in the original, in order, leftmost first.

    ``latest[k]`` is the last start from which segments k… still fit (placed from the right),
    so no branch of the search is a dead end: each placement tried completes to an alignment.
    """
    segs = _segments(body)
    if not segs:
        return
    fold_first = body[0].kind != "cut"
    latest = [0] * (len(segs) + 1)
    latest[len(segs)] = len(orig)
    for k in range(len(segs) - 1, -1, -1):
        at = _find_last(orig, segs[k], latest[k + 1] - len(segs[k]), fold_first and k == 0)
        if at < 0:
            return  # the kept words are not in the original in this order
        latest[k] = at

    # Depth-first over the segments with an explicit stack (a quote may have thousands of cuts,
    # deeper than Python's recursion limit): ``starts`` holds the placed segments, ``at`` the
    # candidate for the next one; a candidate past ``latest`` backtracks to the segment before.
    folds = [fold_first and k == 0 for k in range(len(segs))]
    starts: list[int] = []
    at = _find(orig, segs[0], 0, folds[0])
    while True:
        k = len(starts)
        if 0 <= at <= latest[k]:
            starts.append(at)
            if len(starts) < len(segs):
                at = _find(orig, segs[k + 1], at + len(segs[k]), folds[k + 1])
                continue
            yield list(starts)
        if not starts:
            return
        last = starts.pop()
        at = _find(orig, segs[len(starts)], last + 1, folds[len(starts)])


def _find_last(orig: list[Token], seg: list[Token], last: int, fold_first: bool) -> int:
    fold = _folded(seg) if fold_first else 0
    for i in range(min(last, len(orig) - len(seg)), -1, -1):
        if all(_same(orig[i + k], t, k < fold) for k, t in enumerate(seg)):
            return i
    return -1


def _match_failure(orig: list[Token], edited: list[Token], words: Meaning) -> str | None:
    """None when ``edited`` is a faithful abridgement; else "words", "punctuation" or the cut word's reason.

    Of all the ways the kept words can be placed in the original, one must end with allowed
    punctuation and cut no word that carries the claim (see :func:`_meaning_cut`).
    """
    body, trailing = _split_trailing(edited)
    segs = _segments(body)
    scopes = _Scopes.of(orig, words)
    first: str | None = None
    for n, starts in enumerate(_alignments(orig, body)):
        if n >= MAX_ALIGNMENTS:
            break
        end = starts[-1] + len(segs[-1])
        following = [t.text for t in orig[end : end + len(trailing)]]
        if trailing and trailing != ["."] and trailing != following:
            first = first or "punctuation"
            continue
        kept = [False] * len(orig)
        for at, seg in zip(starts, segs):
            kept[at : at + len(seg)] = [True] * len(seg)
        reasons = _meaning_cut(orig, kept, scopes)
        if not reasons:
            return None
        first = first or "; ".join(reasons)
    return first or "words"


# -- cuts that change the claim ---------------------------------------------------------------
MAX_ALIGNMENTS = 100  # ways to place the kept words tried before a shortening is refused
_CLAUSE_PUNCT = frozenset(",;:.!?()–—")
_SENTENCE_PUNCT = frozenset(".!?;:")
_WHY = {
    "negation": "a negation: without it the quote says the opposite",
    "number": "a number: the figure is part of the claim",
    "quantifier": "a quantifier or restriction: it sets how far the claim goes",
    "condition": "a condition: the claim holds only when it is met",
}


@dataclass(frozen=True, slots=True)
class Meaning:
    """The words of one or more languages whose cut can reverse or change a claim."""

    negations: frozenset[str]
    negation_suffixes: tuple[str, ...]
    numbers: frozenset[str]
    joiners: tuple[str, ...]
    quantifiers: frozenset[str]
    conditions: frozenset[str]
    contrast: frozenset[str]
    clause_joiners: frozenset[str]

    def category(self, word: str) -> str | None:
        """negation, number, quantifier, condition or None (cached by the word)."""
        key = (id(self), word)
        if key not in _CATEGORIES:
            if len(_CATEGORIES) > 200_000:
                _CATEGORIES.clear()
            _CATEGORIES[key] = self._category(word)
        return _CATEGORIES[key]

    def _category(self, word: str) -> str | None:
        w = word.lower().replace("’", "'")
        if any(c.isdigit() for c in w):
            return "number"
        if w in self.negations or w.endswith(self.negation_suffixes):
            return "negation"
        if w in self.conditions:
            return "condition"
        if w in self.quantifiers:
            return "quantifier"
        if self._number(w):
            return "number"
        return None

    def _number(self, w: str) -> bool:
        """twee, vijfentwintig, tweehonderd, twenty-one: number words, also written together."""
        parts = [p for p in re.split(r"[-']", w) if p]
        return bool(parts) and all(self._compound(p, 0, False) for p in parts)

    def _compound(self, w: str, at: int, joined: bool) -> bool:
        if at == len(w):
            return True
        for end in range(len(w), at, -1):
            part = w[at:end]
            if part in self.numbers and self._compound(w, end, False):
                return True
            if at and not joined and part in self.joiners and end < len(w) and self._compound(w, end, True):
                return True
        return False


_CATEGORIES: dict[tuple[int, str], str | None] = {}  # the Meaning objects below live as long as the process


@lru_cache(maxsize=8)
def meaning_words(language: str | None = None) -> Meaning:
    """The language's word lists (``oogst.lang``); for ``None`` those of every language together."""
    langs = [get_language(language)] if language else [get_language(c) for c in SUPPORTED]

    def union(name: str) -> frozenset[str]:
        return frozenset(w.lower() for lang in langs for w in getattr(lang, name))

    return Meaning(union("negations"), tuple(s for lang in langs for s in lang.negation_suffixes),
                   union("number_words"), tuple(s for lang in langs for s in lang.number_joiners),
                   union("quantifiers"), union("conditions"), union("contrast_words"), union("clause_joiners"))


@dataclass(frozen=True, slots=True)
class _Scopes:
    """What the cut rule needs to know of the original, worked out once for all alignments:
    each claim word's category and scope (its clause; a condition's sentence), and where the
    "maar" words are."""

    claims: tuple[tuple[int, str, int, int], ...]  # (index, category, scope start, scope end)
    contrast: tuple[int, ...]  # prefix counts of contrast words: contrast[k] = how many in orig[:k]
    words: tuple[bool, ...]  # is orig[k] a word

    @classmethod
    def of(cls, orig: list[Token], meaning: Meaning) -> _Scopes:
        def spans(ends: Callable[[Token], bool]) -> list[tuple[int, int]]:
            out, start = [], 0
            for k, t in enumerate(orig):
                if ends(t):
                    out.extend([(start, k)] * (k - start) + [(k, k + 1)])
                    start = k + 1
            out.extend([(start, len(orig))] * (len(orig) - start))
            return out

        clause = spans(lambda t: (t.kind == "punct" and t.text in _CLAUSE_PUNCT)
                       or (t.kind == "word" and t.text.lower() in meaning.clause_joiners))
        sentence = spans(lambda t: t.kind == "punct" and t.text in _SENTENCE_PUNCT)
        claims = []
        for i, t in enumerate(orig):
            category = meaning.category(t.text) if t.kind == "word" else None
            if category:
                claims.append((i, category, *(sentence if category == "condition" else clause)[i]))
        contrast = [0]
        for t in orig:
            contrast.append(contrast[-1] + (t.kind == "word" and t.text.lower() in meaning.contrast))
        return cls(tuple(claims), tuple(contrast), tuple(t.kind == "word" for t in orig))


def _meaning_cut(orig: list[Token], kept: list[bool], scopes: _Scopes) -> list[str]:
    """Why the cut words change the claim: one reason per cut negation, number, quantifier or condition.

    A cut word is harmless only when its whole clause goes with it (a condition's clause is its
    sentence), or when everything from the word to the end of its clause goes, together with the
    "maar" that follows: "Je moet niet alles dichttimmeren, maar ruimte laten" → "Je moet … ruimte
    laten". Cuts at either end of the quote follow the same rule as cuts inside it.
    """
    seen = [0]  # seen[k]: kept words in orig[:k]
    for k, keep in enumerate(kept):
        seen.append(seen[-1] + (keep and scopes.words[k]))
    next_kept = [len(orig)] * (len(orig) + 1)
    for k in range(len(orig) - 1, -1, -1):
        next_kept[k] = k if kept[k] else next_kept[k + 1]
    out: list[str] = []
    for i, category, start, end in scopes.claims:
        if kept[i] or seen[end] == seen[start]:
            continue  # kept, or the whole clause is gone
        run = next_kept[i]
        if seen[end] == seen[i] and run > end and scopes.contrast[run] > scopes.contrast[end]:
            continue  # "niet X, maar" cut, the claim Y kept
        reason = f"cut changes what was said: {orig[i].text!r} is left out ({_WHY[category]})"
        if reason not in out:
            out.append(reason)
    return out


def _quote(toks: list[Token]) -> str:
    return "'" + " ".join(t.text for t in toks) + "'"


def _norm(toks: list[Token]) -> list[str]:
    return [t.norm for t in toks]


def _uncapitalise(words: list[Token], orig: list[Token]) -> list[Token]:
    """Undo an allowed capital at the start, so the diff does not report it."""
    out = list(words)
    for k in range(min(_folded(words), len(words))):
        same = next((o for o in orig if o.norm.lower() == out[k].norm.lower()), None)
        if same is not None:
            out[k] = Token(out[k].kind, same.text)
    return out


def explain(original: str, edited: str) -> tuple[list[str], str]:
    """Readable problems ("added: 'niet'") and the edited text marked [-cut-] / {+added+}."""
    orig = tokens(original)
    body, trailing = _split_trailing(tokens(edited))
    words = [t for t in body if t.kind != "cut"]
    if body and body[0].kind != "cut":
        words = _uncapitalise(words, orig)
    cut_before = [False] * (len(words) + 1)
    j = 0
    for t in body:
        if t.kind == "cut":
            cut_before[j] = True
        else:
            j += 1
    ops = difflib.SequenceMatcher(None, _norm(orig), _norm(words), autojunk=False).get_opcodes()
    lower = lambda ts: [w.lower() for w in _norm(ts)]  # noqa: E731
    known = set(lower(orig))
    removed = {w for tag, i1, i2, _, _ in ops if tag in ("delete", "replace") for w in lower(orig[i1:i2])}
    added = {" ".join(lower(words[j1:j2])) for tag, _, _, j1, j2 in ops if tag in ("insert", "replace")}
    problems: list[str] = []
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        old, new = orig[i1:i2], words[j1:j2]
        parts.append(" ".join(t.text for t in new) if tag == "equal" else _mark(old, new))
        if tag == "delete" and not (j1 in (0, len(words)) or cut_before[j1]):
            if " ".join(lower(old)) not in added:  # else reported as reordered
                problems.append(f"cut without a mark: {_quote(old)}")
        elif tag == "replace" and lower(old) == lower(new):
            problems.append(f"changed: {_quote(old)} → {_quote(new)}")
        elif tag in ("insert", "replace") and all(w in removed for w in lower(new)):
            problems.append(f"reordered: {_quote(new)}")
        elif tag in ("insert", "replace") and all(w in known for w in lower(new)):
            problems.append(f"repeated: {_quote(new)}")
        elif tag == "insert":
            problems.append(f"added: {_quote(new)}")
        elif tag == "replace":
            problems.append(f"changed: {_quote(old)} → {_quote(new)}")
    if trailing:
        parts.append("".join(trailing))
    return problems, " ".join(p for p in parts if p)


def _mark(old: list[Token], new: list[Token]) -> str:
    out = f"[-{' '.join(t.text for t in old)}-]" if old else ""
    return out + (f"{{+{' '.join(t.text for t in new)}+}}" if new else "")


def check_abridgement(original: str, edited: str, language: str | None = None) -> AbridgementResult:
    """Is ``edited`` the ``original`` with words only left out, each inner cut marked, none of
    them a negation, number, quantifier or condition the kept words depend on?

    ``language`` picks the word lists of ``oogst.lang`` ("nl", "en"); ``None`` uses all of them.
    """
    if edited == original:
        return AbridgementResult(True, None, edited)
    orig, edit = tokens(original), tokens(edited)
    known = {t.norm for t in orig if t.kind == "insert"}
    inserts = [t for t in edit if t.kind == "insert" and t.norm not in known]
    problems, diff = explain(original, edited)
    if inserts:
        reason = f"editor insert {inserts[0].text} is not allowed: cut instead, or explain outside the quote"
        return AbridgementResult(False, reason, diff)
    failure = _match_failure(orig, edit, meaning_words(language))
    if failure is None:
        return AbridgementResult(True, None, diff)
    if failure == "punctuation":
        end = "".join(_split_trailing(edit)[1])
        return AbridgementResult(False, f"changed: end punctuation {end!r} is not in the original (only '.' may be added)", diff)
    if failure != "words":
        return AbridgementResult(False, failure, diff)
    return AbridgementResult(False, "; ".join(problems) or "does not match the source text", diff)


Found = Callable[[str], "Sequence[Item] | None"]


def check_digest(digest: Digest, source_text: Callable[[str], str | None],
                 found: Found | None = None) -> list[Violation]:
    """Every item must be what the harvest found in its source, verbatim or faithfully shortened.

    ``found(url)`` gives the items the harvest found in that source (the store keeps them);
    without it the source text is harvested again. An item's kind, span, speaker and role must
    be those of a harvested item at the same offsets, so a quote cannot be widened over
    narrative text, moved to another article or credited to someone else.
    """
    language = digest.language if digest.language in SUPPORTED else None
    harvested: dict[str, dict[tuple[int, int], list[Item]]] = {}
    out: list[Violation] = []
    for item in digest.all_items():
        text = source_text(item.source_url)
        if text is None:
            out.append(Violation(item.id, item.source_url, f"source text not stored for {item.source_url}"))
            continue
        if not 0 <= item.start <= item.end <= len(text):
            out.append(Violation(item.id, item.source_url, f"offsets {item.start}:{item.end} lie outside the source text ({len(text)} characters)"))
            continue
        if not item.text.strip():
            out.append(Violation(item.id, item.source_url, "the text is empty"))
            continue
        if item.source_url not in harvested:
            items = found(item.source_url) if found is not None else None
            if items is None:
                items = harvest(text, language or "auto").items
            spans: dict[tuple[int, int], list[Item]] = {}
            for h in items:
                spans.setdefault((h.start, h.end), []).append(h)
            harvested[item.source_url] = spans
        problem = _attribution(item, harvested[item.source_url])
        if problem:
            out.append(Violation(item.id, item.source_url, problem))
            continue
        span = text[item.start : item.end]
        if item.text == span:
            continue
        result = check_abridgement(span, item.text, language)
        if not result.ok:
            out.append(Violation(item.id, item.source_url, result.reason or "unfaithful", result.diff))
    return out


def _attribution(item: DigestItem, spans: dict[tuple[int, int], list[Item]]) -> str | None:
    """Why the item is not what the harvest found at its offsets (None when it is)."""
    at = spans.get((item.start, item.end), [])
    same = [h for h in at if h.kind == item.kind]
    if not same:
        if at:
            return f"kind changed: the harvest found a {at[0].kind} at {item.start}:{item.end}, not a {item.kind}"
        around = sorted((s, e) for (s, e), hs in spans.items() if s < item.end and item.start < e
                        and any(h.kind == item.kind for h in hs))
        if around:
            s, e = around[0]
            return (f"span changed: the harvest found this {item.kind} at {s}:{e}, not at {item.start}:{item.end}; "
                    "shorten the text instead of moving its offsets")
        return (f"the harvest found no {item.kind} at {item.start}:{item.end} of {item.source_url} "
                "(a widened span, or the wrong source?)")
    if any(h.speaker == item.speaker and h.speaker_role == item.speaker_role for h in same):
        return None
    h = same[0]
    if h.speaker != item.speaker:
        return f"attribution changed: the source credits this to {_who(h.speaker)}, not to {_who(item.speaker)}"
    return f"attribution changed: the source gives the role {_who(h.speaker_role)}, not {_who(item.speaker_role)}"


def _who(value: str | None) -> str:
    return repr(value) if value else "nobody"


def store_lookups(store: _StoreLike, digest: Digest) -> tuple[Callable[[str], str | None], Found]:
    """``source_text`` and ``found`` for :func:`check_digest` over a store, read once per digest."""
    docs = {url: store.document_by_url(url) for url in dict.fromkeys(i.source_url for i in digest.all_items())}
    ids = {d.id: url for url, d in docs.items() if d is not None}
    items: dict[str, list[Item]] = {url: [] for url in ids.values()}
    for h in store.items(ids):
        items[ids[h.document_id]].append(h)

    def text_of(url: str) -> str | None:
        doc = docs.get(url) or store.document_by_url(url)
        return doc.text if doc else None

    return text_of, lambda url: items.get(url)


class _StoreLike(Protocol):
    def document_by_url(self, url: str) -> Document | None: ...
    def items(self, document_ids: Iterable[str] | None = None) -> list[Item]: ...


def assert_faithful(digest: Digest, source_text: Callable[[str], str | None], found: Found | None = None) -> None:
    """Raise UnfaithfulEditError listing every violation (for renderers)."""
    violations = check_digest(digest, source_text, found)
    if violations:
        lines = [f"item {v.item_id} ({v.source_url}): {v.reason}" for v in violations]
        raise UnfaithfulEditError("digest alters its sources:\n" + "\n".join(lines))


__all__ = ["AbridgementResult", "Meaning", "Violation", "assert_faithful", "check_abridgement", "check_digest", "explain",
           "meaning_words", "store_lookups", "tokens"]
