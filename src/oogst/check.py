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
from collections.abc import Callable
from dataclasses import dataclass

from oogst.errors import UnfaithfulEditError
from oogst.models import Digest

_TOKEN = re.compile(
    r"(?P<cut>\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)"
    r"|(?P<insert>\[[^\]]*\])"
    r"|(?P<word>['’]?\w+(?:['’-]\w+)*)"
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


def _match_failure(orig: list[Token], edited: list[Token]) -> str | None:
    """None when ``edited`` is a faithful abridgement; otherwise "words" or "punctuation"."""
    body, trailing = _split_trailing(edited)
    pos, first = 0, True
    for seg in _segments(body):
        at = _find(orig, seg, pos, fold_first=first and body[0].kind != "cut")
        if at < 0:
            return "words"
        pos, first = at + len(seg), False
    if first:  # nothing but cuts and punctuation
        return "words"
    following = [t.text for t in orig[pos : pos + len(trailing)]]
    return None if not trailing or trailing == ["."] or trailing == following else "punctuation"


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


def check_abridgement(original: str, edited: str) -> AbridgementResult:
    """Is ``edited`` the ``original`` with words only left out, each inner cut marked?"""
    if edited == original:
        return AbridgementResult(True, None, edited)
    orig, edit = tokens(original), tokens(edited)
    known = {t.norm for t in orig if t.kind == "insert"}
    inserts = [t for t in edit if t.kind == "insert" and t.norm not in known]
    problems, diff = explain(original, edited)
    if inserts:
        reason = f"editor insert {inserts[0].text} is not allowed: cut instead, or explain outside the quote"
        return AbridgementResult(False, reason, diff)
    failure = _match_failure(orig, edit)
    if failure is None:
        return AbridgementResult(True, None, diff)
    if failure == "punctuation":
        end = "".join(_split_trailing(edit)[1])
        return AbridgementResult(False, f"changed: end punctuation {end!r} is not in the original (only '.' may be added)", diff)
    return AbridgementResult(False, "; ".join(problems) or "does not match the source text", diff)


def check_digest(digest: Digest, source_text: Callable[[str], str | None]) -> list[Violation]:
    """Every item must be verbatim at [start:end] of its stored source, or a faithful abridgement."""
    out: list[Violation] = []
    for item in digest.all_items():
        text = source_text(item.source_url)
        if text is None:
            out.append(Violation(item.id, item.source_url, f"source text not stored for {item.source_url}"))
            continue
        if not 0 <= item.start <= item.end <= len(text):
            out.append(Violation(item.id, item.source_url, f"offsets {item.start}:{item.end} lie outside the source text ({len(text)} characters)"))
            continue
        span = text[item.start : item.end]
        if item.text == span:
            continue
        result = check_abridgement(span, item.text)
        if not result.ok:
            out.append(Violation(item.id, item.source_url, result.reason or "unfaithful", result.diff))
    return out


def assert_faithful(digest: Digest, source_text: Callable[[str], str | None]) -> None:
    """Raise UnfaithfulEditError listing every violation (for renderers)."""
    violations = check_digest(digest, source_text)
    if violations:
        lines = [f"item {v.item_id} ({v.source_url}): {v.reason}" for v in violations]
        raise UnfaithfulEditError("digest alters its sources:\n" + "\n".join(lines))


__all__ = ["AbridgementResult", "Violation", "assert_faithful", "check_abridgement", "check_digest", "explain", "tokens"]
