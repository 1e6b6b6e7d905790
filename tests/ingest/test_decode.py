"""Bytes → text when the declared charset is missing or wrong; gzip with a cap; binary sniffing."""
from __future__ import annotations

import gzip

import pytest

from oogst.errors import FetchError
from oogst.ingest.decode import binary_kind, decode_page, gunzip

TEXT = "‘Eén gesprek, één besluit,’ zegt coördinator Noëlle Reijnders over de ideeën van het café."


def _page(meta: str = "") -> str:
    return f"<html><head>{meta}<title>Loket</title></head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize(("body", "header"), [
    (_page().encode("utf-8"), "iso-8859-1"),  # UTF-8 declared as latin-1
    (_page().encode("cp1252"), "utf-8"),  # windows-1252 declared as UTF-8
    (_page().encode("cp1252"), None),  # nothing declared
    (_page('<meta charset="windows-1252">').encode("cp1252"), "utf-8"),  # the page's own meta is right
    (_page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("cp1252"), None),
    (b"\xef\xbb\xbf" + _page().encode("utf-8"), "cp1252"),  # a byte-order mark wins
    (_page().encode("utf-16"), None),
    (_page().encode("utf-8"), "no-such-charset"),
])
def test_pages_decode_whatever_they_declare(body: bytes, header: str | None) -> None:
    assert TEXT in decode_page(body, header)


def test_a_declared_multibyte_charset_is_used() -> None:
    text = "<html><head><meta charset='shift_jis'></head><body>日本語のページ</body></html>"
    assert "日本語のページ" in decode_page(text.encode("shift_jis"), None)


def test_gunzip_is_capped() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000)
    assert gunzip(gzip.compress(b"<urlset/>"), 100) == b"<urlset/>"
    with pytest.raises(FetchError, match="larger than"):
        gunzip(bomb, 1024 * 1024)
    with pytest.raises(FetchError, match="broken gzip"):
        gunzip(b"\x1f\x8b\x08\x00kapot", 100)


@pytest.mark.parametrize(("data", "kind"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"), (b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04rest", "ZIP"),
    (b"abc\x00\x01\x02", "binary"), (b"<html>gewoon tekst</html>", None),
])
def test_binary_bodies_are_recognised(data: bytes, kind: str | None) -> None:
    found = binary_kind(data)
    assert (found is None) if kind is None else (kind in (found or ""))


def test_a_declared_east_asian_charset_wins_over_the_damaged_utf8_guess() -> None:
    body = "<p>日本語のテキストです。これはテストの文章です。</p>".encode("shift_jis")
    assert "日本語のテキスト" in decode_page(body, "shift_jis")
    gbk = ('<meta charset="gbk"><p>这是一个中文网页，用于测试。</p>').encode("gbk")
    assert "中文网页" in decode_page(gbk)


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    body = "‘Het dorpshuis is weer open,’ zegt Fenna.".encode() + b" \xff\xfe"
    assert decode_page(body).startswith("‘Het dorpshuis is weer open,’")


@pytest.mark.parametrize("raw, text", [
    (b"caf\xe9\n", "café\n"),
    ("Prijs: € 5,–. Coördinator Müller zegt: „prima”.".encode("cp1252"),
     "Prijs: € 5,–. Coördinator Müller zegt: „prima”."),
    ("Titel\n\n‘Goed plan,’ zegt ze.".encode() + b"\x80\x81", "Titel\n\n‘Goed plan,’ zegt ze.\ufffd\ufffd"),
])
def test_local_text_files_decode_without_guessing(raw: bytes, text: str) -> None:
    from oogst.ingest.decode import decode_text

    assert decode_text(raw) == text


def test_utf8_with_a_stray_byte_that_claims_latin1_is_read_as_utf8() -> None:
    body = "<meta charset='iso-8859-1'><p>café van ‘Jansen’ … Één</p>".encode() + b"\xff"
    assert "café van ‘Jansen’ … Één" in decode_page(body)
