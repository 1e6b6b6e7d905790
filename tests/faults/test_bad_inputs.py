"""Every command against a table of bad inputs: no traceback, a non-zero exit, and a message
that names the cause. The cases come from issue 19 and from reading each command's options."""
from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from oogst.ingest import add
from oogst.store import Store
from .conftest import RunCli, assert_clean_error

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 500


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory, demo_corpus: Path) -> dict[str, Path]:
    """A store with the demo corpus and its digest.json, and a few bad files next to them."""
    root = tmp_path_factory.mktemp("bad-inputs")
    store = root / "good.db"
    with Store(store) as st:
        add(st, [str(demo_corpus)], glob="*.html")
    from oogst.digest import build_digest
    from oogst.digest_json import dumps

    with Store(store) as st:
        result = build_digest(st.documents(), st.items(), "interbestuurlijk samenwerken", "2025-Q3..2026-Q1")
    digest = root / "digest.json"
    digest.write_text(dumps(result.digest), encoding="utf-8")
    data = json.loads(digest.read_text(encoding="utf-8"))
    files = {"store": store, "digest": digest, "root": root}

    def variant(name: str, text: str | bytes) -> None:
        p = root / name
        p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        files[name] = p

    body = json.dumps(data, ensure_ascii=False)
    variant("huge-number.json", body.replace('"version": 1', '"version": 1' + "0" * 5000, 1)
            if '"version": 1' in body else body[:-1] + ', "x": ' + "9" * 5000 + "}")
    variant("nan.json", body[:-1] + ', "score": NaN}')
    variant("overflow.json", body[:-1] + ', "score": 1e400}')
    variant("surrogate.json", body.replace(data["title"], data["title"] + "\\ud800", 1))
    variant("binary.json", PNG)
    variant("latin1.json", body.encode("utf-8")[:20] + b"\xe9\xff" + body.encode("utf-8")[20:])
    variant("notjson.json", "{ dit is geen json")
    variant("gold.png", PNG)
    variant("gold-latin1.jsonl", '{"text": "caf\xe9", "items": []}\n'.encode("latin-1"))
    variant("gold-bad.jsonl", "{kapot\n")
    variant("theme-types.json", json.dumps({"fonts": 5}))
    variant("theme-colours.json", json.dumps({"colors": {"text": 12}}))
    variant("theme-list.json", json.dumps([1, 2]))
    variant("theme.toml", b"\xff\xfe kapot = ")
    variant("notastore.db", b"nope" * 1000)
    variant("file.txt", "gewoon een bestand")
    fifo = root / "pijp.html"
    os.mkfifo(fifo)
    files["fifo"] = fifo
    return files


S = "--store"
Case = tuple[Callable[[dict[str, Path]], list[str]], tuple[str, ...], bytes | None]
CASES: dict[str, Case] = {
    # quotes / extract
    "quotes: missing file": (lambda f: ["quotes", str(f["root"] / "weg.html")], ("no such file",), None),
    "quotes: a FIFO": (lambda f: ["quotes", str(f["fifo"])], ("named pipe",), None),
    "quotes: /dev/zero": (lambda f: ["quotes", "/dev/zero"], ("character device",), None),
    "quotes: /dev/urandom": (lambda f: ["quotes", "/dev/urandom"], ("character device",), None),
    "quotes: PNG on stdin": (lambda f: ["quotes", "-"], ("stdin holds a png image",), PNG),
    "quotes: random bytes on stdin": (lambda f: ["quotes", "-"], ("stdin",), random.Random(3).randbytes(5000)),
    "quotes: unknown language": (lambda f: ["quotes", "-", "--lang", "fr"], ("unknown language 'fr'",), b"x"),
    "quotes: unknown format": (lambda f: ["quotes", "-", "--format", "xml"], ("unknown format 'xml'",), b"x"),
    "quotes: ftp URL": (lambda f: ["quotes", "ftp://example.org/a"], ("only http and https",), None),
    "extract: unknown kind": (lambda f: ["extract", "-", "--kind", "gerucht"], ("unknown kind gerucht",), b"x"),
    # add
    "add: --timeout 0": (lambda f: ["add", "x.html", "--timeout", "0"], ("--timeout", "seconds"), None),
    "add: --timeout -1": (lambda f: ["add", "x.html", "--timeout", "-1"], ("--timeout", "seconds"), None),
    "add: --timeout nan": (lambda f: ["add", "x.html", "--timeout", "nan"], ("--timeout", "seconds"), None),
    "add: --timeout inf": (lambda f: ["add", "x.html", "--timeout", "inf"], ("--timeout", "seconds"), None),
    "add: --delay nan": (lambda f: ["add", "x.html", "--delay", "nan"], ("--delay", "seconds"), None),
    "add: --deadline 0": (lambda f: ["add", "x.html", "--deadline", "0"], ("--deadline",), None),
    "add: --max-links 0": (lambda f: ["add", "x.html", "--max-links", "0"], ("--max-links",), None),
    "add: --period 0000": (lambda f: ["add", "x.html", "--period", "0000", S, str(f["root"] / "n.db")], ("no year 0",), None),
    "add: --period 0000-01": (lambda f: ["add", "x.html", "--period", "0000-01", S, str(f["root"] / "n.db")], ("no year 0",), None),
    "add: --since 0000": (lambda f: ["add", "x.html", "--since", "0000", S, str(f["root"] / "n.db")], ("no year 0",), None),
    "add: --until 2020-13": (lambda f: ["add", "x.html", "--until", "2020-13", S, str(f["root"] / "n.db")], ("month 13",), None),
    "add: --match (": (lambda f: ["add", "x.html", "--match", "(", S, str(f["root"] / "n.db")], ("regular expression",), None),
    "add: store that is no store": (lambda f: ["add", str(f["file.txt"]), S, str(f["notastore.db"])], ("not an oogst store",), None),
    "add: store under a file": (lambda f: ["add", str(f["file.txt"]), S, str(f["file.txt"] / "s.db")], ("cannot", "store"), None),
    "add: store is a folder": (lambda f: ["add", str(f["file.txt"]), S, str(f["root"])], ("is a folder",), None),
    "add: store is a FIFO": (lambda f: ["add", str(f["file.txt"]), S, str(f["fifo"])], ("not a regular file",), None),
    "add: store is /dev/zero": (lambda f: ["add", str(f["file.txt"]), S, "/dev/zero"], ("not a regular file",), None),
    # sources
    "sources: no store": (lambda f: ["sources", S, str(f["root"] / "weg.db")], ("no store at",), None),
    "sources: not a store": (lambda f: ["sources", S, str(f["notastore.db"])], ("cannot open the store",), None),
    "sources: unknown format": (lambda f: ["sources", S, str(f["store"]), "--format", "csv"], ("unknown format 'csv'",), None),
    # candidates
    "candidates: empty topic": (lambda f: ["candidates", "--topic", "", "--period", "2025", S, str(f["store"])], ("--topic is empty",), None),
    "candidates: year 0": (lambda f: ["candidates", "--topic", "x", "--period", "0000", S, str(f["store"])], ("no year 0",), None),
    "candidates: --limit 0": (lambda f: ["candidates", "--topic", "x", "--period", "2025", "--limit", "0", S, str(f["store"])], ("--limit 0",), None),
    "candidates: no store": (lambda f: ["candidates", "--topic", "x", "--period", "2025", S, str(f["root"] / "weg.db")], ("no store at",), None),
    # digest
    "digest: blank topic": (lambda f: ["digest", "--topic", "  ", "--period", "2025", S, str(f["store"])], ("--topic is empty",), None),
    "digest: --lessons -1": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--lessons", "-1", S, str(f["store"])], ("--lessons -1",), None),
    "digest: --lessons 0": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--lessons", "0", S, str(f["store"])], ("--lessons 0",), None),
    "digest: --lessons 1000": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--lessons", "1000", S, str(f["store"])], ("--lessons 1000",), None),
    "digest: --formats ''": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--formats", "", S, str(f["store"])], ("--formats is empty",), None),
    "digest: --formats ' , '": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--formats", " , ", S, str(f["store"])], ("--formats is empty",), None),
    "digest: --formats docx": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--formats", "docx", S, str(f["store"])], ("unknown format docx",), None),
    "digest: theme of wrong types": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--theme", str(f["theme-types.json"]), S, str(f["store"])], ("theme",), None),
    "digest: theme colour a number": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--theme", str(f["theme-colours.json"]), S, str(f["store"])], ("theme",), None),
    "digest: theme a list": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--theme", str(f["theme-list.json"]), S, str(f["store"])], ("theme",), None),
    "digest: theme not UTF-8": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--theme", str(f["theme.toml"]), S, str(f["store"])], ("theme",), None),
    "digest: theme missing": (lambda f: ["digest", "--topic", "x", "--period", "2025", "--theme", str(f["root"] / "weg.toml"), S, str(f["store"])], ("cannot read the theme",), None),
    "digest: out under a file": (lambda f: ["digest", "--topic", "interbestuurlijk samenwerken", "--period", "2025-Q3..2026-Q1", "--formats", "md", "--out", str(f["file.txt"] / "uit"), S, str(f["store"])], ("not a directory",), None),
    # check / render
    "check: missing digest": (lambda f: ["check", str(f["root"] / "weg.json"), S, str(f["store"])], ("cannot read",), None),
    "check: digest is a folder": (lambda f: ["check", str(f["root"]), S, str(f["store"])], ("a folder",), None),
    "check: 5,000-digit number": (lambda f: ["check", str(f["huge-number.json"]), S, str(f["store"])], ("digits",), None),
    "check: NaN": (lambda f: ["check", str(f["nan.json"]), S, str(f["store"])], ("nan is not a json number",), None),
    "check: 1e400": (lambda f: ["check", str(f["overflow.json"]), S, str(f["store"])], ("too large for json",), None),
    "check: lone surrogate": (lambda f: ["check", str(f["surrogate.json"]), S, str(f["store"])], ("surrogate",), None),
    "check: binary file": (lambda f: ["check", str(f["binary.json"]), S, str(f["store"])], ("binary",), None),
    "check: latin-1 bytes": (lambda f: ["check", str(f["latin1.json"]), S, str(f["store"])], ("not utf-8",), None),
    "check: not JSON": (lambda f: ["check", str(f["notjson.json"]), S, str(f["store"])], ("not valid json",), None),
    "check: no store": (lambda f: ["check", str(f["digest"]), S, str(f["root"] / "weg.db")], ("no store at",), None),
    "render: NaN": (lambda f: ["render", str(f["nan.json"]), "--formats", "md", S, str(f["store"])], ("nan",), None),
    "render: lone surrogate": (lambda f: ["render", str(f["surrogate.json"]), "--formats", "md", S, str(f["store"])], ("surrogate",), None),
    "render: --formats ''": (lambda f: ["render", str(f["digest"]), "--formats", "", S, str(f["store"])], ("--formats is empty",), None),
    "render: theme of wrong types": (lambda f: ["render", str(f["digest"]), "--formats", "md", "--theme", str(f["theme-types.json"]), S, str(f["store"])], ("theme",), None),
    # eval
    "eval: binary file": (lambda f: ["eval", str(f["gold.png"])], ("png image",), None),
    "eval: latin-1 file": (lambda f: ["eval", str(f["gold-latin1.jsonl"])], ("not utf-8",), None),
    "eval: bad JSON": (lambda f: ["eval", str(f["gold-bad.jsonl"])], ("not valid json",), None),
    "eval: missing file": (lambda f: ["eval", str(f["root"] / "weg.jsonl")], ("cannot read gold file",), None),
    "eval: a FIFO": (lambda f: ["eval", str(f["fifo"])], ("not a regular file",), None),
    # serve (refused before it listens)
    "serve: port out of range": (lambda f: ["serve", "--port", "70000", S, str(f["store"])], ("not a tcp port",), None),
    "serve: upload limit 0": (lambda f: ["serve", "--max-upload-mb", "0", S, str(f["store"])], ("upload limit",), None),
    "serve: open host without a token": (lambda f: ["serve", "--host", "0.0.0.0", S, str(f["store"])], ("without a token",), None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_one_clear_line(name: str, good: dict[str, Path], run_cli: RunCli,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OOGST_TOKEN", raising=False)
    build, words, stdin = CASES[name]
    res = run_cli(*build(good), input=stdin)
    assert_clean_error(res, *words)
    assert len([ln for ln in res.err.splitlines() if ln.startswith("error:")]) <= 1


def test_debug_lets_the_error_through_for_its_traceback(good: dict[str, Path], run_cli: RunCli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from oogst import cli
    from oogst.errors import StoreError

    monkeypatch.setattr("sys.argv", ["oogst", "--debug", "sources", S, str(good["notastore.db"])])
    with pytest.raises(StoreError, match="not an oogst store"):
        cli.main()
    cli._state["debug"] = False
    res = run_cli("sources", S, str(good["notastore.db"]))  # without --debug: one line again
    assert_clean_error(res, "not an oogst store")
