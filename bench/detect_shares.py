"""The figures behind ``oogst.lang.detect``'s thresholds: how much of a text its language's hint
words make up, on every Dutch and English text oogst has and on other languages.

    python bench/detect_shares.py                       # the corpora in the repository
    python bench/detect_shares.py --realtext ../shared/realtext/texts

Per corpus: the texts, how many are too short to tell (under ``DETECT_MIN_TOKENS`` words and
numbers), the lowest and median share (the hint words apart from the language's most frequent
one, see ``oogst.lang``) of the texts long enough to judge, and of every window of 50 words; for
the other languages (``tests/lang/foreign/``) the highest. ``refused`` counts Dutch and English
texts that ``detect`` refuses, ``accepted`` foreign texts that it takes, and ``wrong`` texts
detected as the other registered language. The generated texts of ``bench/identity.py`` are
counted too, as that dump harvests a third of them in "auto".
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from oogst import lang
from oogst.errors import LanguageError

ROOT = Path(__file__).resolve().parents[1]
WINDOW = 50  # words


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def corpora(realtext: Path | None) -> dict[str, list[tuple[str, str]]]:
    """corpus name -> [(language or "foreign", text)]"""
    from oogst.ingest import iter_sources
    from oogst.ingest.files import Loaded

    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((ROOT / "tests" / "gold").glob("**/*.jsonl")):
        out[f"gold/{path.relative_to(ROOT / 'tests' / 'gold')}"] = [(str(r["lang"]), str(r["text"])) for r in _jsonl(path)]
    for folder in sorted(p for p in (ROOT / "tests" / "editorial").iterdir() if p.is_dir()):
        code = str(json.loads((folder / "picks.json").read_text(encoding="utf-8")).get("language") or "nl")
        out[f"editorial/{folder.name}"] = [(code, str(r["text"])) for r in _jsonl(folder / "articles.jsonl")]
    out["demo"] = [(r.language or "nl", r.text) for r in iter_sources([str(files("oogst") / "demo" / "corpus")],
                                                                       glob="*.html") if isinstance(r, Loaded)]
    if realtext:
        for code in lang.CODES:
            texts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(realtext.glob("*.json"))]
            out[f"realtext/{code}"] = [(code, str(t["text"])) for t in texts if t.get("lang") == code]
    out["foreign"] = [("foreign", p.read_text(encoding="utf-8"))
                      for p in sorted((ROOT / "tests" / "lang" / "foreign").glob("*.txt"))]
    return out


def _windows(text: str) -> Iterator[str]:
    words = text.split()
    for i in range(0, max(1, len(words) - WINDOW + 1), WINDOW // 2):
        yield " ".join(words[i:i + WINDOW])


def _refused(text: str) -> bool:
    try:
        lang.detect(text)
    except LanguageError:
        return True
    return False


def report(name: str, rows: list[tuple[str, str]]) -> str:
    foreign = all(code == "foreign" for code, _ in rows)
    found = [(code, lang.evidence(text)) for code, text in rows]
    judged = [e.share for _, e in found if not e.short]
    windows = [e.share for _, t in rows for w in _windows(t) if not (e := lang.evidence(w)).short]
    wrong = sum(1 for code, e in found if code != "foreign" and e.code != code)
    refused = sum(1 for _, t in rows if _refused(t))
    pick = max if foreign else min
    line = (f"{name:34} texts {len(rows):3}  short {len(rows) - len(judged):3}  "
            f"share {'max' if foreign else 'min'} {pick(judged, default=0):6.1%} "
            f"median {statistics.median(judged) if judged else 0:6.1%}  "
            f"{WINDOW}-word windows {'max' if foreign else 'min'} {pick(windows, default=0):6.1%} ({len(windows)})  ")
    return line + (f"accepted {len(rows) - refused}" if foreign else f"refused {refused}  wrong {wrong}")


def generated() -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from identity import _generated, _gold

    texts = [t for rows in _gold().values() for _, _, t in rows]
    auto = [t for _, code, t in _generated(texts) if code == "auto"]
    return f"{'identity.py generated, auto':34} texts {len(auto):3}  refused {sum(1 for t in auto if _refused(t))}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realtext", type=Path, help="the real-text set's texts folder (never copied into the repository)")
    args = ap.parse_args()
    print(f"thresholds: {lang.DETECT_MIN_TOKENS} words and numbers to judge, a share of {lang.DETECT_MIN_SHARE:.0%}")
    for name, rows in corpora(args.realtext).items():
        print(report(name, rows))
    print(generated())
    return 0


if __name__ == "__main__":
    sys.exit(main())
