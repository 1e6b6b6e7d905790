"""Input in bounded partitions: the cut is stable, bounded, streaming, and bad input is a record."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from oogst.batch import read

from batch_corpus import write_corpus


def _parts(paths, docs=50, max_bytes=1 << 20, cap=read.MAX_DOC_BYTES):  # noqa: ANN001, ANN202
    return list(read.partitions(read.records(read.expand([str(p) for p in paths]), cap), docs, max_bytes))


def test_partitions_are_bounded_and_stable(corpus: Path) -> None:
    parts = _parts([corpus], docs=40, max_bytes=6_000)
    assert [p.index for p in parts] == list(range(len(parts)))
    assert all(len(p.records) <= 40 and (p.size <= 6_000 or len(p.records) == 1) for p in parts)
    assert sum(len(p.records) for p in parts) == 243  # 240 articles and 3 bad lines
    again = _parts([corpus], docs=40, max_bytes=6_000)
    assert [[r.source for r in p.records] for p in again] == [[r.source for r in p.records] for p in parts]


def test_gzip_reads_as_the_plain_file(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a.jsonl", 30)
    write_corpus(tmp_path / "b.jsonl.gz", 30)
    plain = [r.payload for p in _parts([tmp_path / "a.jsonl"]) for r in p.records]
    packed = [r.payload for p in _parts([tmp_path / "b.jsonl.gz"]) for r in p.records]
    assert plain == packed and len(plain) == 33


def test_an_oversized_line_is_a_failure_and_is_never_held(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    big = json.dumps({"url": "https://x.example/big", "text": "woord " * 50_000})
    small = json.dumps({"url": "https://x.example/small", "text": "Een gewone tekst."})
    path.write_text(f"{small}\n{big}\n{small}\n", encoding="utf-8")
    recs = [r for p in _parts([path], cap=10_000) for r in p.records]
    assert [(r.form, r.source.rsplit(":", 1)[1]) for r in recs] == [("line", "1"), ("failed", "2"), ("line", "3")]
    assert "line is longer than" in str(recs[1].payload) and recs[1].size < 100


def test_parquet_rows_and_a_parquet_without_text(tmp_path: Path) -> None:
    import datetime as dt

    pq.write_table(pa.table({"url": ["https://x.example/1", "https://x.example/2"],
                             "text": ["Eerste tekst.", "Tweede tekst."], "title": ["Een", "Twee"],
                             "published": [dt.date(2025, 7, 1), None], "extra": [1, 2]}), tmp_path / "a.parquet")
    pq.write_table(pa.table({"link": ["https://x.example/3"]}), tmp_path / "b.parquet")
    recs = [r for p in _parts([tmp_path]) for r in p.records]
    assert [r.form for r in recs] == ["line", "line", "failed"]
    assert json.loads(recs[0].payload) == {"url": "https://x.example/1", "text": "Eerste tekst.", "title": "Een",
                                           "published": "2025-07-01"}
    assert "needs a 'url' and a 'text'" in str(recs[2].payload)


def test_folders_missing_paths_and_urls(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("Tekst b.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "a.html").write_text("<p>Tekst a.</p>", encoding="utf-8")
    (tmp_path / "d" / "plaatje.png").write_bytes(b"\x89PNG")
    recs = [r for p in _parts([tmp_path / "d", tmp_path / "weg.jsonl", "https://x.example/"]) for r in p.records]
    assert [(Path(r.source).name, r.form) for r in recs[:2]] == [("b.txt", "file"), ("a.html", "file")]
    assert recs[0].payload is None  # bytes are read only when the partition is sent
    assert read.materialize(read.Partition(0, (recs[0],))).records[0].payload == b"Tekst b."
    assert [(r.form, r.payload) for r in recs[2:]] == [
        ("failed", "no such file or folder"), ("failed", "oogst harvest reads files; fetch web pages with oogst add")]


def test_count_for_the_progress_bar(tmp_path: Path, corpus: Path) -> None:
    assert read.count(read.expand([str(corpus)])) == 243
    write_corpus(tmp_path / "z.jsonl.gz", 5)
    assert read.count(read.expand([str(tmp_path / "z.jsonl.gz")])) is None


def test_a_harvest_inside_the_folder_is_no_input(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a.jsonl", 3)
    out = tmp_path / "items.parquet"
    out.mkdir()
    (out / "_oogst_harvest.json").write_text("{}", encoding="utf-8")
    pq.write_table(pa.table({"url": ["https://x.example/1"], "text": ["Een item."]}), out / "part-000000.parquet")
    assert read.expand([str(tmp_path)]) == [tmp_path / "a.jsonl"]


def test_what_is_no_regular_file_is_named_on_the_batch_path(tmp_path: Path) -> None:
    """A FIFO (given, or in a folder) fails as a FIFO, before it is opened: it would block."""
    import os

    (tmp_path / "d").mkdir()
    os.mkfifo(tmp_path / "d" / "pijp.jsonl")
    os.mkfifo(tmp_path / "pijp.html")
    (tmp_path / "d" / "b.txt").write_text("Tekst b.", encoding="utf-8")
    files = read.expand([str(tmp_path / "d"), str(tmp_path / "pijp.html"), str(tmp_path / "weg.html")])
    assert read.count(files) == 4
    recs = [r for p in _parts([str(f) for f in files]) for r in p.records]
    fifo = "not a regular file: it is a named pipe (FIFO); only files are read"
    assert [(Path(r.source).name, r.form, r.payload) for r in recs] == [
        ("b.txt", "file", None), ("pijp.jsonl", "failed", fifo), ("pijp.html", "failed", fifo),
        ("weg.html", "failed", "no such file or folder")]
