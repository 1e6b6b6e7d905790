"""Measure harvest quality against hand-annotated gold data.

Gold is JSON Lines, one text per line: ``{"id", "lang", "text", "items": [{"kind", "start", "end",
"text", "speaker", "speaker_role", "nested"}]}``. A predicted item matches a gold item of the same
kind when their spans overlap by at least ``MIN_OVERLAP`` of the larger span (so a stray
trailing comma or a sentence boundary a word off does not count as a miss); each gold item
matches at most one prediction.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from oogst.errors import InputError
from oogst.filekinds import NoSuchFile, read_text
from oogst.harvest import harvest
from oogst.models import ITEM_KINDS, Item

MIN_OVERLAP = 0.8


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=dict)  # "nl:quote", "all:quote", ...
    speaker_ok: dict[str, int] = field(default_factory=dict)
    speaker_n: dict[str, int] = field(default_factory=dict)
    role_ok: dict[str, int] = field(default_factory=dict)
    role_n: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, object]] = field(default_factory=list)
    texts: int = 0

    def speaker_accuracy(self, lang: str = "all") -> float:
        n = self.speaker_n.get(lang, 0)
        return self.speaker_ok.get(lang, 0) / n if n else 1.0

    def role_accuracy(self, lang: str = "all") -> float:
        n = self.role_n.get(lang, 0)
        return self.role_ok.get(lang, 0) / n if n else 1.0

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"texts": self.texts}
        for key, c in sorted(self.counts.items()):
            out[key] = {"precision": round(c.precision, 3), "recall": round(c.recall, 3),
                        "f1": round(c.f1, 3), "tp": c.tp, "fp": c.fp, "fn": c.fn, "exact": c.exact}
        for lang in sorted(self.speaker_n):
            out[f"{lang}:speaker_accuracy"] = round(self.speaker_accuracy(lang), 3)
            out[f"{lang}:role_accuracy"] = round(self.role_accuracy(lang), 3)
        return out


def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    return unicodedata.normalize("NFC", " ".join(name.split())).lower()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


MAX_GOLD_FILE = 256 * 1024 * 1024


def _gold_text(p: Path) -> str:
    """A gold file's text, read once."""
    try:
        return read_text(p, MAX_GOLD_FILE)
    except NoSuchFile as exc:
        raise InputError(f"{p}: cannot read gold file ({exc})") from None
    except InputError as exc:
        raise InputError(f"{p}: not a gold JSON Lines file: {exc}") from None


def load_gold(paths: Iterable[str | Path]) -> list[dict[str, object]]:
    """The records of gold JSON Lines files, each with 'text' and 'items'; InputError naming
    the file (and line) that cannot be used."""
    records: list[dict[str, object]] = []
    for path in paths:
        p = Path(path)
        for n, line in enumerate(_gold_text(p).splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(rec, dict) or "text" not in rec or "items" not in rec:
                raise InputError(f"{p}:{n}: a gold record needs 'text' and 'items'")
            records.append(rec)
    return records


def evaluate(records: list[dict[str, object]], kinds: Iterable[str] = ITEM_KINDS) -> Report:
    """Precision, recall and F1 per language and kind, and speaker/role accuracy on quotes."""
    report = Report()
    wanted = tuple(kinds)
    for rec in records:
        text = str(rec["text"])
        lang = str(rec.get("lang") or "nl")
        predicted = harvest(text, lang, kinds=wanted).items
        gold = [g for g in rec["items"] if g["kind"] in wanted]  # type: ignore[union-attr]
        report.texts += 1
        for kind in wanted:
            _score_kind(report, rec, lang, kind, [p for p in predicted if p.kind == kind],
                        [g for g in gold if g["kind"] == kind])
    return report


def _bump(report: Report, lang: str, kind: str, attr: str, n: int = 1) -> None:
    for key in (f"{lang}:{kind}", f"all:{kind}"):
        c = report.counts.setdefault(key, Counts())
        setattr(c, attr, getattr(c, attr) + n)


def _score_kind(report: Report, rec: dict[str, object], lang: str, kind: str,
                pred: list[Item], gold: list[dict[str, object]]) -> None:
    used: set[int] = set()
    for g in gold:
        gspan = (int(g["start"]), int(g["end"]))  # type: ignore[arg-type]
        best, best_k = 0.0, -1
        for k, p in enumerate(pred):
            if k not in used:
                ov = _overlap(gspan, (p.start, p.end))
                if ov > best:
                    best, best_k = ov, k
        if best >= MIN_OVERLAP:
            used.add(best_k)
            p = pred[best_k]
            _bump(report, lang, kind, "tp")
            if (p.start, p.end) == gspan:
                _bump(report, lang, kind, "exact")
            if kind in ("quote", "paraphrase"):
                _speaker(report, rec, lang, g, p)
        else:
            _bump(report, lang, kind, "fn")
            report.errors.append({"id": rec.get("id"), "kind": kind, "error": "missed", "gold": g.get("text")})
    for k, p in enumerate(pred):
        if k not in used:
            _bump(report, lang, kind, "fp")
            report.errors.append({"id": rec.get("id"), "kind": kind, "error": "spurious", "predicted": p.text})


def _speaker(report: Report, rec: dict[str, object], lang: str, g: dict[str, object], p: Item) -> None:
    if g["kind"] != "quote":
        return
    for key in (lang, "all"):
        report.speaker_n[key] = report.speaker_n.get(key, 0) + 1
    if _norm_name(g.get("speaker")) == _norm_name(p.speaker):  # type: ignore[arg-type]
        for key in (lang, "all"):
            report.speaker_ok[key] = report.speaker_ok.get(key, 0) + 1
    else:
        report.errors.append({"id": rec.get("id"), "kind": "speaker", "error": "wrong speaker",
                              "gold": g.get("speaker"), "predicted": p.speaker, "quote": p.text[:60]})
    if g.get("speaker_role"):
        for key in (lang, "all"):
            report.role_n[key] = report.role_n.get(key, 0) + 1
        if _norm_name(g.get("speaker_role")) == _norm_name(p.speaker_role):  # type: ignore[arg-type]
            for key in (lang, "all"):
                report.role_ok[key] = report.role_ok.get(key, 0) + 1
        else:
            report.errors.append({"id": rec.get("id"), "kind": "role", "error": "wrong role",
                                  "gold": g.get("speaker_role"), "predicted": p.speaker_role})


__all__ = ["Counts", "MIN_OVERLAP", "Report", "evaluate", "load_gold"]
