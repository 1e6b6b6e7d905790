"""A document's language in ``oogst add`` (in one process, in the pool, and so in the web upload):
the language it gives is taken and never detected over, one oogst has no pack for or a text that
reads as no known language leaves that document out as failed, with the reason recorded, and the
rest goes on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from oogst.errors import LanguageError
from oogst.ingest import add, iter_sources, to_document
from oogst.ingest.files import Loaded
from oogst.store import Store

FOREIGN = Path(__file__).parents[1] / "lang" / "foreign"
GERMAN = (FOREIGN / "de-1.txt").read_text(encoding="utf-8")
SPANISH = (FOREIGN / "es-1.txt").read_text(encoding="utf-8")
DUTCH = ("De gemeente Dalmeer en het waterschap Lage Landen werken sinds vorig jaar samen aan de "
         "dijken langs de Oude Vaart. ‘We hadden elkaar eerder moeten opzoeken,’ zegt wethouder Ilse "
         "Brouwer. Volgens haar is het belangrijk dat de inwoners vanaf het begin meepraten. ‘Wie pas "
         "aan het eind komt, krijgt alleen bezwaren. Maar als je samen begint, denken mensen met je "
         "mee en vinden ze soms betere oplossingen dan wij.’")


def _page(lang: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return f"<!DOCTYPE html><html lang='{lang}'><head><title>Bericht</title></head><body><article>{paragraphs}</article></body></html>"


def _loaded(text: str, language: str | None = None) -> Loaded:
    return Loaded("x.txt", "https://dalmeer.example/x", "X", "2025-03-01", text, language, "file")


def test_to_document_follows_the_one_rule() -> None:
    assert to_document(_loaded(DUTCH)).language == "nl"
    assert to_document(_loaded(GERMAN, "nl-NL")).language == "nl"  # given: not detected
    assert to_document(_loaded(GERMAN), "en").language == "en"  # --lang of the batch
    with pytest.raises(LanguageError, match="cannot tell the language of the text.*known: nl, en"):
        to_document(_loaded(GERMAN))
    with pytest.raises(LanguageError, match="gives its language as 'de'"):
        to_document(_loaded(DUTCH, "de"))


def _sources(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "a-dalmeer.txt").write_text(DUTCH, encoding="utf-8")
    (folder / "b-hollerbach.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "c-hollerbach.md").write_text("---\ntitle: Hollerbach\nlang: de\n---\n" + GERMAN, encoding="utf-8")
    (folder / "d-hollerbach-nl.md").write_text("---\ntitle: Hollerbach\nlang: nl\n---\n" + GERMAN, encoding="utf-8")
    (folder / "e-hollerbach.html").write_text(_page("de", GERMAN), encoding="utf-8")
    (folder / "f-hollerbach.html").write_text(_page("nl-NL", GERMAN), encoding="utf-8")
    records = [
        {"url": "https://villarrosa.example/1", "text": SPANISH},  # detected: none
        {"url": "https://villarrosa.example/2", "text": SPANISH, "lang": "es"},  # given, no pack
        {"url": "https://villarrosa.example/3", "text": SPANISH, "lang": "EN"},  # given: taken as it is
        {"url": "https://villarrosa.example/4", "text": DUTCH, "language": 7},
        {"url": "https://villarrosa.example/5", "html": _page("de", GERMAN)},  # the html's own language
        {"url": "https://dalmeer.example/6", "text": DUTCH},
    ]
    (folder / "g-corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [str(folder)]


def _outcome(summary) -> tuple[list[str], dict[str, str]]:  # noqa: ANN001
    return sorted(u.rsplit("/", 1)[-1] for u in summary.added), {
        s.rsplit("/", 1)[-1]: r for s, r in summary.failed}


def test_add_leaves_out_what_it_cannot_read_the_language_of_and_goes_on(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st:
        summary = add(st, _sources(tmp_path / "in"))
        added, failed = _outcome(summary)
        assert added == ["3", "6", "a-dalmeer.txt", "d-hollerbach-nl.md", "f-hollerbach.html"]
        assert sorted(failed) == ["b-hollerbach.txt", "c-hollerbach.md", "e-hollerbach.html",
                                  "g-corpus.jsonl:1", "g-corpus.jsonl:2", "g-corpus.jsonl:4", "g-corpus.jsonl:5"]
        for reason in failed.values():
            assert "known: nl, en" in reason and reason.endswith("'lang' in its JSONL record or front matter, or <html lang>")
        assert failed["b-hollerbach.txt"].startswith("cannot tell the language of the text: too few of its")
        assert failed["g-corpus.jsonl:1"].startswith("cannot tell the language of the text")
        assert failed["c-hollerbach.md"].startswith("the document gives its language as 'de'")
        assert failed["e-hollerbach.html"].startswith("the document gives its language as 'de'")
        assert failed["g-corpus.jsonl:2"].startswith("the document gives its language as 'es'")
        assert failed["g-corpus.jsonl:4"].startswith("the document gives its language as '7'")
        assert failed["g-corpus.jsonl:5"].startswith("the document gives its language as 'de'")
        languages = {r.url.rsplit("/", 1)[-1]: r.language for r in st.sources() if r.status != "failed"}
        assert languages == {"3": "en", "6": "nl", "a-dalmeer.txt": "nl", "d-hollerbach-nl.md": "nl",
                             "f-hollerbach.html": "nl"}
        recorded = {r.url.rsplit("/", 1)[-1]: r.error for r in st.sources(failed_only=True)}
        assert recorded == failed  # each reason is in the store: oogst sources --failed shows it


def test_the_pool_decides_the_language_as_one_process_does(tmp_path: Path) -> None:
    sources = _sources(tmp_path / "in")
    corpus = tmp_path / "in" / "h-many.jsonl"  # enough documents for add to start its pool
    corpus.write_text("".join(json.dumps({"url": f"https://dalmeer.example/m{i}", "text": DUTCH + f" ({i})"}) + "\n"
                              for i in range(70)), encoding="utf-8")
    outcomes = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as st:
            outcomes.append(_outcome(add(st, sources, workers=workers)))
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[1][0]) == 75 and len(outcomes[1][1]) == 7


def test_iter_sources_keeps_the_language_a_source_gives(tmp_path: Path) -> None:
    _sources(tmp_path / "in")
    given = {r.url.rsplit("/", 1)[-1]: r.language for r in iter_sources([str(tmp_path / "in")])
             if isinstance(r, Loaded)}
    assert given["e-hollerbach.html"] == "de" and given["f-hollerbach.html"] == "nl"
    assert given["c-hollerbach.md"] == "de" and given["b-hollerbach.txt"] is None
    assert (given["1"], given["2"], given["3"], given["4"], given["5"]) == (None, "es", "EN", "7", "de")


def test_the_reason_says_what_the_editor_can_do_for_each_kind_of_refusal(tmp_path: Path) -> None:
    """A document that gives a language no pack has already gave one: the reason must not ask for
    it again but say that oogst reads only its own languages, and how to correct a wrong one; a
    text that reads as no language is told how to give one, if it is in one oogst reads."""
    with Store(tmp_path / "s.db") as st:
        _, failed = _outcome(add(st, _sources(tmp_path / "in")))
    for given in ("c-hollerbach.md", "e-hollerbach.html", "g-corpus.jsonl:2", "g-corpus.jsonl:5"):
        reason = failed[given]
        assert "give the document its language" not in reason, reason
        assert "oogst reads no other language; if the text is in nl or en, correct the language the document gives" in reason
    for undetected in ("b-hollerbach.txt", "g-corpus.jsonl:1"):
        assert failed[undetected].endswith("; known: nl, en; if the text is in nl or en, give the document its language: "
                                           "'lang' in its JSONL record or front matter, or <html lang>")


# a Dutch table page: mostly figures, so its language cannot be told; --lang reads it
TABLE = "\n".join(f"Wijk {n}: {n * 137} {n * 41} {n * 9},{n} {2020 + n % 5} {n * 3}" for n in range(1, 40))


def _table_files(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    for k in range(n):
        (folder / f"tabel-{k:03}.txt").write_text(f"Begroting Dalmeer {k}\n\n{TABLE}\n", encoding="utf-8")
    return [str(folder)]


@pytest.mark.parametrize("workers", [1, 2])
def test_add_lang_reads_what_cannot_be_detected_and_a_new_language_updates(tmp_path: Path, workers: int) -> None:
    from oogst.ingest import POOL_MIN_DOCUMENTS

    n = POOL_MIN_DOCUMENTS if workers > 1 else 3  # enough files for the pool to be used
    sources = _table_files(tmp_path / "tabellen", n)
    with Store(tmp_path / "s.db") as st:
        refused = add(st, sources, workers=workers, lang_hint=", or choose one with --lang")
        assert len(refused.failed) == n and not refused.added
        assert all(r.endswith(", or choose one with --lang") for _, r in refused.failed)
        read = add(st, sources, workers=workers, lang="nl")
        assert len(read.added) == n and not read.failed
        assert {d.language for d in st.documents()} == {"nl"}
        assert not st.sources(failed_only=True)  # the earlier failures are cleared with the documents
        again = add(st, sources, workers=workers, lang="nl")
        assert len(again.unchanged) == n and not again.updated
        other = add(st, sources, workers=workers, lang="en")  # the same text in another language
        assert len(other.updated) == n
        assert {d.language for d in st.documents()} == {"en"}


def test_add_lang_must_be_a_known_language(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st, pytest.raises(LanguageError, match="known: nl, en"):
        add(st, _table_files(tmp_path / "t", 1), lang="de")
