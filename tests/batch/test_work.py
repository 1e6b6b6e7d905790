"""What a worker does with a partition, run in this process: the rows harvest() gives, every bad
document a failure row with its reason, the time limit, and nothing leaking between documents."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

import oogst.harvest
from oogst.batch import read
from oogst.batch.work import DocumentTimeout, TimeLimit, harvest_partition
from oogst.harvest import harvest
from oogst.models import document_id


def _partition(path: Path, **kw) -> read.Partition:  # noqa: ANN003
    recs = tuple(read.records(read.expand([str(path)])))
    return read.materialize(read.Partition(0, recs))


def test_rows_are_what_harvest_gives(corpus: Path) -> None:
    part = _partition(corpus)
    res = harvest_partition(0, part.records)
    docs, items, fails = (res[t].to_pylist() for t in ("documents", "items", "failures"))
    assert len(docs) == 240 and len(fails) == 3
    by_doc: dict[str, list[tuple]] = {}
    for r in items:
        by_doc.setdefault(r["document_id"], []).append((r["kind"], r["text"], r["start"], r["end"], r["speaker"],
                                                        r["speaker_role"], r["cue"], r["confidence"]))
    good = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.startswith("{not"):
            continue
        o = json.loads(line)
        if o["url"].startswith("https") and o["text"].strip():
            good.append(o)
    assert [d["url"] for d in docs] == [o["url"] for o in good]
    for d, o in zip(docs, good):
        assert d["document_id"] == document_id(o["url"]) and d["text"] == o["text"]
        assert d["lang"] == o.get("lang", "nl")
        want = [(i.kind, i.text, i.start, i.end, i.speaker, i.speaker_role, i.cue, i.confidence)
                for i in harvest(o["text"], d["lang"], document_id=d["document_id"]).items]
        assert by_doc.get(d["document_id"], []) == want
        assert d["items"] == len(want)
    assert sum(d["items"] for d in docs) == len(items) > 600
    texts = {d["document_id"]: (d["text"], d["url"], d["title"], d["published"], d["lang"]) for d in docs}
    for r in items:
        text, url, title, published, lang = texts[r["document_id"]]
        assert text[r["start"]:r["end"]] == r["text"]
        assert (r["url"], r["title"], r["published"], r["lang"]) == (url, title, published, lang)
    assert [f["reason"].split(" (")[0] for f in fails] == [
        "not valid JSON", "'url' cannot be a javascript: URL; give the article's web address",
        "needs a non-empty 'text' or 'html'"]


def test_lang_and_kinds_options(corpus: Path) -> None:
    part = _partition(corpus)
    res = harvest_partition(0, part.records, lang="nl", kinds=["quote"])
    assert set(res["documents"].column("lang").to_pylist()) == {"nl"}
    assert set(res["items"].column("kind").to_pylist()) == {"quote"}


FOREIGN = Path(__file__).parents[1] / "lang" / "foreign"


def test_a_document_whose_language_cannot_be_told_is_one_failure_and_lang_is_never_detected_over(
        tmp_path: Path) -> None:
    german = (FOREIGN / "de-1.txt").read_text(encoding="utf-8")
    dutch = "‘Begin klein,’ zegt wethouder Anna de Vries."
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"url": "https://hollerbach.example/1", "text": german},
        {"url": "https://hollerbach.example/2", "text": german, "lang": "de"},
        {"url": "https://hollerbach.example/3", "text": german, "lang": "nl"},
        {"url": "https://dalmeer.example/4", "text": dutch}]), encoding="utf-8")
    res = harvest_partition(0, _partition(path).records)
    assert [d["url"][-1] for d in res["documents"].to_pylist()] == ["3", "4"]
    fails = res["failures"].to_pylist()
    assert [f["source"][-1] for f in fails] == ["1", "2"]
    assert fails[0]["reason"].startswith("cannot tell the language of the text")
    assert fails[1]["reason"].startswith("the document gives its language as 'de'")
    assert "give the document its language" not in fails[1]["reason"]  # it gave one: oogst reads no other
    for f in fails:
        assert "known: nl, en" in f["reason"] and f["reason"].endswith("or choose one for every document with --lang")
    chosen = harvest_partition(0, _partition(path).records, lang="en")  # --lang wins over every document's own
    assert chosen["failures"].num_rows == 0
    assert set(chosen["documents"].column("lang").to_pylist()) == {"en"}


def test_the_batch_refuses_an_unknown_lang_before_it_starts(tmp_path: Path) -> None:
    from oogst.batch import harvest_batch
    from oogst.errors import LanguageError

    with pytest.raises(LanguageError, match=r"unknown language 'fr'; known: nl, en \(or auto\)"):
        harvest_batch([str(tmp_path)], tmp_path / "out", lang="fr")


def test_files_keep_their_own_url_and_name(tmp_path: Path, demo_corpus: Path) -> None:
    from oogst.ingest import iter_sources, to_document

    folder = tmp_path / "pages"
    folder.mkdir()
    for p in sorted(demo_corpus.glob("*.html"))[:3]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "2025-06-01-notitie.txt").write_text("Kort verslag.\n\n‘Begin klein,’ zegt Anna de Vries.", encoding="utf-8")
    (folder / "kapot.html").write_bytes(b"\x00\x01\x02" * 400)
    res = harvest_partition(0, _partition(folder).records)
    got = res["documents"].to_pylist()
    want = [to_document(x) for x in iter_sources([str(folder)]) if hasattr(x, "text")]
    assert [(d["url"], d["title"], d["published"], d["text"]) for d in got] == [
        (w.url, w.title, w.published, w.text) for w in want]
    note = next(d for d in got if d["source"].endswith("notitie.txt"))
    assert note["published"] == "2025-06-01" and note["url"] == (folder / "2025-06-01-notitie.txt").resolve().as_uri()
    assert note["title"] == "Kort verslag."
    reasons = {Path(f.source).name: f.reason for f in iter_sources([str(folder)]) if not hasattr(f, "text")}
    assert [(Path(f["source"]).name, f["reason"]) for f in res["failures"].to_pylist()] == list(reasons.items())
    assert list(reasons) == ["kapot.html"]


def test_a_harvester_error_is_one_failure(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = oogst.harvest.harvest

    def flaky(text: str, *a, **kw):  # noqa: ANN002, ANN003, ANN202
        if "bericht 7." in text:
            raise RuntimeError("kapot")
        return real(text, *a, **kw)

    monkeypatch.setattr(oogst.harvest, "harvest", flaky)
    res = harvest_partition(0, _partition(corpus).records)
    assert res["documents"].num_rows == 239
    assert ("could not harvest the text (RuntimeError: kapot)") in res["failures"].column("reason").to_pylist()


def test_a_slow_document_is_stopped_and_the_next_goes_on(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = oogst.harvest.harvest

    def slow(text: str, *a, **kw):  # noqa: ANN002, ANN003, ANN202
        if "bericht 2." in text:
            while True:  # a runaway loop in Python code
                time.sleep(0.001)
        return real(text, *a, **kw)

    monkeypatch.setattr(oogst.harvest, "harvest", slow)
    records = _partition(corpus).records[:8]
    started = time.monotonic()
    res = harvest_partition(0, records, time_limit=0.3)
    assert time.monotonic() - started < 5
    fails = res["failures"].to_pylist()
    assert [f["reason"] for f in fails if f["source"].endswith(":3")] == [
        "the harvest took longer than 0.3 s; the document was skipped"]
    assert res["documents"].num_rows == 6  # 8 records: one slow, one bad line


def test_the_time_limit_never_fires_outside_its_call() -> None:
    """Calls that end just before or just after the deadline: the interrupt lands in its own call
    (a DocumentTimeout) or not at all, never in the code between calls."""
    import random

    rnd = random.Random(5)

    def busy(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            pass

    outcomes = {"ok": 0, "timeout": 0}
    with TimeLimit(0.004) as limit:
        for _ in range(200):
            try:
                limit.run(lambda: busy(rnd.uniform(0.0, 0.008)))
                outcomes["ok"] += 1
            except DocumentTimeout:
                outcomes["timeout"] += 1
            busy(0.0005)  # ordinary work between calls: an interrupt here would fail the test
    assert outcomes["ok"] > 20 and outcomes["timeout"] > 20, outcomes
    assert not [t for t in threading.enumerate() if t.name == "oogst-time-limit"]


def test_no_limit_runs_plainly() -> None:
    with TimeLimit(None) as limit:
        assert limit.run(lambda: 42) == 42


def test_surrogates_in_names_and_records_do_not_stop_the_partition(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "d"
    folder.mkdir()
    odd = os.fsdecode(b"bericht-\xff.txt")  # a file name that is not UTF-8
    (folder / odd).write_text("‘Begin klein,’ zegt Anna de Vries.", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"url": "https://x.example/\\ud800", "text": "Tekst \\udc00 hier.", "published": "\\ud800"}\n'
                      '{"url": "https://x.example/ok", "text": "\\u2018Durf,\\u2019 zegt Anna de Vries."}\n',
                      encoding="utf-8")
    recs = read.materialize(read.Partition(0, tuple(read.records(read.expand([str(folder), str(corpus)]))))).records
    res = harvest_partition(0, recs)
    docs = res["documents"].to_pylist()
    assert [d["source"].endswith("bericht-\\xff.txt") for d in docs[:1]] == [True]
    assert docs[-1]["url"] == "https://x.example/ok"
    assert [f["reason"].startswith("not a date") for f in res["failures"].to_pylist()] == [True]
