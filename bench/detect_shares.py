"""The figures behind ``oogst.lang.detect``'s thresholds: how much of a text its language's hint
words make up, on every Dutch and English text oogst has and on other languages.

    python bench/detect_shares.py                       # the corpora in the repository
    python bench/detect_shares.py --realtext ../shared/realtext/texts

Per corpus: the texts, how many are too short to tell (under ``DETECT_MIN_TOKENS`` tokens and
``DETECT_SHORT_CHARS`` characters), the lowest and median share (the hint words apart from the
language's ``DETECT_SHARED`` most frequent ones, see ``oogst.lang``) of the texts long enough to
judge; for the other languages
(``tests/lang/foreign/``) the highest. ``refused`` counts Dutch and English texts that
``detect`` refuses, ``accepted`` foreign texts that it takes, and ``wrong`` texts detected as the
other registered language. Then the same for windows of 50 to 100 tokens cut from every text
(every 5 tokens), which stand for short documents: how many Dutch and English windows fall under
the threshold and how many foreign ones reach it. The generated texts of ``bench/identity.py``
are counted too, as that dump harvests a third of them in "auto".
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
WINDOWS = (50, 60, 70, 80, 100)  # tokens
STEP = 5


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


def _windows(text: str, size: int) -> Iterator[str]:
    tokens = text.split()
    for i in range(0, len(tokens) - size + 1, STEP):
        yield " ".join(tokens[i:i + size])


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
    wrong = sum(1 for code, e in found if code != "foreign" and e.code != code)
    refused = sum(1 for _, t in rows if _refused(t))
    pick = max if foreign else min
    line = (f"{name:34} texts {len(rows):3}  short {len(rows) - len(judged):3}  "
            f"share {'max' if foreign else 'min'} {pick(judged, default=0):6.1%} "
            f"median {statistics.median(judged) if judged else 0:6.1%}  ")
    return line + (f"accepted {len(rows) - refused}" if foreign else f"refused {refused}  wrong {wrong}")


def windows(groups: dict[str, list[tuple[str, str]]]) -> list[str]:
    lines = []
    for size in WINDOWS:
        share = {False: [], True: []}
        for rows in groups.values():
            for code, text in rows:
                share[code == "foreign"].extend(lang.evidence(w).share for w in _windows(text, size))
        own, foreign = share[False], share[True]
        lines.append(f"windows of {size:3} tokens: Dutch and English {len(own):6,}, lowest {min(own):5.1%}, "
                     f"{sum(1 for x in own if x < lang.DETECT_MIN_SHARE)} under the threshold | foreign "
                     f"{len(foreign):4}, highest {max(foreign):5.1%}, "
                     f"{sum(1 for x in foreign if x >= lang.DETECT_MIN_SHARE)} at or over it")
    return lines


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
    print(f"thresholds: {lang.DETECT_MIN_TOKENS} tokens to judge, a share of {lang.DETECT_MIN_SHARE:.0%} "
          f"apart from the {lang.DETECT_SHARED} most frequent hint words")
    groups = corpora(args.realtext)
    for name, rows in groups.items():
        print(report(name, rows))
    print(*windows(groups), sep="\n")
    print(generated())
    return 0


if __name__ == "__main__":
    sys.exit(main())
