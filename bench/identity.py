"""Byte-identity of behaviour: dump what oogst makes of a fixed set of texts, to compare a
refactoring's before and after.

    python bench/identity.py --out /tmp/before       # on the old code
    python bench/identity.py --out /tmp/after        # on the new code
    python bench/identity.py --compare /tmp/before   # dump to a temporary folder and diff

What is dumped (one file per group, JSON, keys sorted):

- ``harvest-*.json``: the harvest (every kind, items and skipped records) of every gold text
  (``tests/gold/*.jsonl``, ``tests/gold/heldout/*.jsonl``), every editorial article
  (``tests/editorial/*/articles.jsonl``), every demo article (read as ``oogst add`` reads it) and
  a few hundred generated texts (fixed seeds; each in nl, en and auto);
- ``documents-demo.json``: the demo corpus as ingest reads it (title, date, language, text);
- ``digest-*.json``, ``digest-*.html``, ``digest-*.md``: the demo digest (as ``oogst demo`` makes
  it), the digest of every editorial corpus, and an English digest of the English gold texts,
  as digest.json, screen and print HTML and Markdown.

Refactorings that promise "no change in behaviour" run this before and after; it is a bench
script and not a test because the dump takes about a minute.
"""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import random
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from oogst.harvest import harvest
from oogst.models import Document, Harvest

ROOT = Path(__file__).resolve().parents[1]
GENERATED = 300


def _harvest_json(result: Harvest) -> list[object]:
    return [[dataclasses.asdict(i) for i in result.items], [dataclasses.asdict(s) for s in result.skipped]]


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold() -> dict[str, list[tuple[str, str, str]]]:
    """name -> [(id, lang, text)] for every gold file and editorial corpus."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for path in sorted((ROOT / "tests" / "gold").glob("**/*.jsonl")):
        rows = _jsonl(path)
        key = "gold-" + str(path.relative_to(ROOT / "tests" / "gold")).replace("/", "-")
        out[key] = [(str(r["id"]), str(r["lang"]), str(r["text"])) for r in rows]
    for folder in sorted((ROOT / "tests" / "editorial").iterdir()):
        picks = json.loads((folder / "picks.json").read_text(encoding="utf-8"))
        lang = str(picks.get("language") or "nl")
        rows = _jsonl(folder / "articles.jsonl")
        out["editorial-" + folder.name] = [(str(r["url"]), lang, str(r["text"])) for r in rows]
    return out


def _generated(texts: list[str]) -> list[tuple[str, str, str]]:
    """Texts made of the gold texts' paragraphs, sentences and words, shuffled with fixed seeds,
    plus odd marks: each harvested in nl, en and auto."""
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    words = [w for p in paragraphs for w in p.split()]
    marks = list("‘’“”„‚«»\"'") + ["- ", "• ", "1. ", ":", "\n", "\n\n", "Tips\n", "In het kort\n"]
    out: list[tuple[str, str, str]] = []
    for n in range(GENERATED):
        rng = random.Random(n)
        shape = n % 3
        if shape == 0:
            text = "\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(2, 12))))
        elif shape == 1:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(20, 300)))
        else:
            parts = [rng.choice(marks) if rng.random() < 0.2 else rng.choice(words) for _ in range(rng.randint(20, 200))]
            text = " ".join(parts)
        lang = ("nl", "en", "auto")[n % 3]
        out.append((f"gen-{n}", lang, text))
    return out


def _demo_documents() -> list[Document]:
    from oogst.ingest import iter_sources, to_document
    from oogst.ingest.files import Loaded

    corpus = str(files("oogst") / "demo" / "corpus")
    docs = []
    for r in iter_sources([corpus], glob="*.html"):
        if isinstance(r, Loaded):
            docs.append(to_document(r))
    return docs


def _digest_files(name: str, digest: object, out: dict[str, str]) -> None:
    from oogst.digest_json import dumps
    from oogst.render.html import render_html
    from oogst.render.markdown import render_markdown
    from oogst.render.theme import default_theme

    theme = default_theme()
    out[f"digest-{name}.json"] = dumps(digest)  # type: ignore[arg-type]
    out[f"digest-{name}.html"] = render_html(digest, theme)[0]  # type: ignore[arg-type]
    out[f"digest-{name}.print.html"] = render_html(digest, theme, "print")[0]  # type: ignore[arg-type]
    out[f"digest-{name}.md"] = render_markdown(digest, theme)[0]  # type: ignore[arg-type]


def dump() -> dict[str, str]:
    from oogst.digest import build_digest
    from oogst.digest_eval import corpus_folders, load_corpus
    from oogst.ingest import add
    from oogst.store import Store

    out: dict[str, str] = {}
    gold = _gold()
    all_texts = [t for rows in gold.values() for _, _, t in rows]
    demo = _demo_documents()
    gold["demo"] = [(f"{n}-{d.title}", d.language, d.text) for n, d in enumerate(demo)]
    gold["generated"] = _generated(all_texts)
    for key, rows in gold.items():
        out[f"harvest-{key}.json"] = json.dumps({f"{n}|{i}|{lang}": _harvest_json(harvest(text, lang))
                                                 for n, (i, lang, text) in enumerate(rows)},
                                                ensure_ascii=False, sort_keys=True, indent=0)
    out["documents-demo.json"] = json.dumps([dataclasses.asdict(d) for d in demo], ensure_ascii=False, indent=0)

    # the demo digest, as `oogst demo` makes it
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "demo.db") as st:
            add(st, [str(files("oogst") / "demo" / "corpus")], glob="*.html")
            result = build_digest(st.documents(), st.items(), "interbestuurlijk samenwerken", "2025-Q3..2026-Q1")
    _digest_files("demo", result.digest, out)
    out["digest-demo.notes.json"] = json.dumps(list(result.notes), ensure_ascii=False)
    for folder in corpus_folders(ROOT / "tests" / "editorial"):
        corpus = load_corpus(folder)
        result = build_digest(corpus.documents, corpus.items, corpus.topic, corpus.period, language=corpus.language)
        _digest_files(folder.name, result.digest, out)
        out[f"digest-{folder.name}.notes.json"] = json.dumps(list(result.notes), ensure_ascii=False)
    # an English digest of the English gold texts (and one without a topic)
    en = [r for r in _jsonl(ROOT / "tests" / "gold" / "en.jsonl")]
    en_docs = [Document(f"en{n}", f"https://example.org/{r['id']}", str(r["id"]), f"2025-{(n % 9) + 1:02d}-15",
                        "en", str(r["text"]), "jsonl") for n, r in enumerate(en)]
    en_items = [i for d in en_docs for i in harvest(d.text, "en", document_id=d.id).items]
    for name, topic in (("en-gold", "working together"), ("en-gold-notopic", None)):
        result = build_digest(en_docs, en_items, topic, "2025", language="en")
        _digest_files(name, result.digest, out)
        out[f"digest-{name}.notes.json"] = json.dumps(list(result.notes), ensure_ascii=False)
    return out


def write(out: dict[str, str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in out.items():
        (folder / name).write_text(text, encoding="utf-8")


def compare(before: Path, out: dict[str, str]) -> int:
    names = sorted(set(out) | {p.name for p in before.iterdir()})
    bad = 0
    for name in names:
        old = (before / name).read_text(encoding="utf-8") if (before / name).exists() else None
        new = out.get(name)
        if old == new:
            continue
        bad += 1
        print(f"DIFFERS: {name}")
        if old is not None and new is not None:
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", lineterm="", n=1)
            for line in list(diff)[:40]:
                print("   ", line[:300])
    print(f"{len(names) - bad} of {len(names)} files identical")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the dump to this folder")
    group.add_argument("--compare", type=Path, help="dump and compare with this folder")
    args = ap.parse_args()
    out = dump()
    if args.out:
        write(out, args.out)
        print(f"{len(out)} files written to {args.out}")
        return 0
    return compare(args.compare, out)


if __name__ == "__main__":
    sys.exit(main())
