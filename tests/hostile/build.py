"""Build the hostile corpus: ≥100 bad sources and a handful of good ones, deterministically.

``build(folder)`` writes every file and returns the manifest: one ``Case`` per source that
``oogst add`` reports on (a file path relative to ``folder``, or ``name.jsonl:LINE`` for a line
of a JSON Lines corpus). ``expect`` says what a user would want:

- ``ok``      the document lands in the store (with its items when ``quote`` is set)
- ``fail``    the source is recorded as failed with a readable reason (containing ``reason``)
- ``either``  accepted or failed with a readable reason, but never lost silently or crashing
- ``ignored`` not a source oogst reads in a folder (its suffix is not one oogst handles)

All text is invented (fictional Dutch villages and people). Run ``python build.py DIR`` to look
at the files.
"""
from __future__ import annotations

import io
import json
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".html", ".htm", ".txt", ".md", ".markdown", ".pdf", ".docx", ".jsonl")
BOMB_BYTES = 2 * 1024 ** 3  # what the zip bomb's member unpacks to
QUOTE = "‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra van Lutjewoude."
STORY = ("<p>In Lutjewoude is het dorpshuis na twee jaar verbouwen weer open. Vrijwilligers schilderden "
         "de zaal en de buurtbus stopt nu voor de deur.</p>\n<p>" + QUOTE + "</p>\n<p>De gemeente Oosterveen "
         "betaalde de helft van de kosten; de rest kwam van een inzameling onder de bewoners.</p>")


@dataclass(frozen=True)
class Case:
    source: str  # relative path, or "name.jsonl:LINE"
    category: str
    expect: str  # ok | fail | either | ignored
    reason: str | None = None  # a fragment the failure reason must contain
    quote: str | None = None  # a speaker whose quote must be among the items (good documents)


class _Corpus:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.cases: list[Case] = []
        self.rng = random.Random(20240917)

    def file(self, name: str | bytes, data: bytes | str, category: str, expect: str,
             reason: str | None = None, quote: str | None = None) -> Path:
        raw = name if isinstance(name, bytes) else name.encode()
        path = Path(os.fsdecode(os.path.join(os.fsencode(self.root), raw)))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.cases.append(Case(os.fsdecode(raw), category, expect, reason, quote))
        return path

    def jsonl(self, name: str, lines: list[tuple[str | bytes, str, str | None, str | None]], category: str) -> None:
        """``lines``: (raw line, expect, reason, quote); blank lines are not sources."""
        out = bytearray()
        for n, (line, expect, reason, quote) in enumerate(lines, start=1):
            out += (line.encode("utf-8") if isinstance(line, str) else line) + b"\n"
            if (line.strip() if isinstance(line, str) else line.strip()):
                self.cases.append(Case(f"{name}:{n}", category, expect, reason, quote))
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(out))

    def random_bytes(self, n: int, nul: bool = True) -> bytes:
        data = bytes(self.rng.getrandbits(8) for _ in range(n))
        return data if nul else data.replace(b"\x00", b"\x01")


def _html(body: str, head: str = "", lang: str = "nl") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def _article(title: str = "Dorpshuis Lutjewoude weer open") -> str:
    return _html(f"<article><h1>{title}</h1>{STORY}</article>", f"<title>{title}</title>")


# -- PDF and DOCX by hand ---------------------------------------------------------------------
def _pdf(lines: list[str] | None, *, title: str = "Verslag") -> bytes:
    """A small valid PDF; ``lines`` of text (WinAnsi, so ‘ ’ work), or an empty page when None."""
    def esc(s: str) -> str:
        return s.encode("cp1252").decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "" if lines is None else "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({esc(l)}) '" for l in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Title ({esc(title)}) /CreationDate (D:20230412100000+02'00') >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
       'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
       'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats'
         '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_xml(paras: list[str]) -> str:
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{p}</w:t></w:r></w:p>" for p in paras)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'


def _zip(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def _docx(paras: list[str] | None = None, document_xml: str | bytes | None = None) -> bytes:
    return _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS,
                 "word/document.xml": document_xml if document_xml is not None else _docx_xml(paras or [])})


def _zero_deflate(total: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``total`` zero bytes and its CRC-32, in well under a second.

    A full flush after each 16 MB chunk resets the compressor, so every chunk after the first
    compresses to the same bytes: compress two, repeat the second.
    """
    chunk = bytes(16 * 1024 * 1024)
    assert total % len(chunk) == 0
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_RLE)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    n = total // len(chunk)
    stream = first + again * (n - 1) + c.flush()
    crc = 0
    for _ in range(n):
        crc = zlib.crc32(chunk, crc)
    return stream, crc


def _zip_bomb(member: str, total: int, extra: dict[str, str] | None = None) -> bytes:
    """A valid zip (small members via zipfile, then the bomb member written by hand) — total < 4 GB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (extra or {}).items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0)), data)
    # re-open the small zip's pieces: local entries stay, the central directory is rebuilt
    small = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    cd_start = min((i.header_offset for i in small.infolist()), default=0)
    end_local = buf.getvalue().rfind(b"PK\x01\x02") if small.infolist() else 0
    out = bytearray(buf.getvalue()[cd_start:end_local] if small.infolist() else b"")
    stream, crc = _zero_deflate(total)
    name = member.encode()
    bomb_offset = len(out)
    out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5621, crc, len(stream), total, len(name), 0)
    out += name + stream
    cd = bytearray()
    for i in small.infolist():
        cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x5621, i.CRC, i.compress_size,
                          i.file_size, len(i.filename.encode()), 0, 0, 0, 0, 0, i.header_offset) + i.filename.encode()
    cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x5621, crc, len(stream), total,
                      len(name), 0, 0, 0, 0, 0, bomb_offset) + name
    cd_offset = len(out)
    out += cd
    count = len(small.infolist()) + 1
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(cd), cd_offset, 0)
    return bytes(out)


# -- the corpus -------------------------------------------------------------------------------
def build(root: Path) -> list[Case]:
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    c = _Corpus(root)
    _good(c)
    _html_malformed(c)
    _nested(c)
    _bombs(c)
    _huge(c)
    _binary(c)
    _empty(c)
    _encodings(c)
    _pdfs(c)
    _docxs(c)
    _jsonl(c)
    _front_matter(c)
    _nul_and_control(c)
    _odd_names(c)
    return c.cases


def _good(c: _Corpus) -> None:
    c.file("goed/artikel.html", _article(), "good", "ok", quote="Fenna Hoekstra")
    c.file("goed/2022-05-10-verslag.txt",
           "---\ntitle: Buurtbus rijdt vaker\ndate: 2022-05-10\nauthor: Redactie Oosterveen\n---\n"
           "Buurtbus rijdt vaker\n\n‘We rijden nu ook op zaterdag,’ zegt chauffeur Gerrit Zijlstra uit Noordhoek.\n",
           "good", "ok", quote="Gerrit Zijlstra")
    c.file("goed/notulen.pdf", _pdf(["Notulen dorpsraad Wolderwijk",
                                     "\u2018De speeltuin komt er echt,\u2019 zegt voorzitter Jikke Postma."],
                                    title="Notulen dorpsraad Wolderwijk"), "good", "ok", quote="Jikke Postma")
    c.file("goed/interview.docx", _docx(["Interview met de dorpscoördinator",
                                         "‘Begin klein en vraag wat mensen missen,’ zegt Sjoukje Bakker."]),
           "good", "ok", quote="Sjoukje Bakker")
    # the good JSONL line lives in jsonl/gemengd.jsonl (see _jsonl)


def _html_malformed(c: _Corpus) -> None:
    full = _article()
    for frac in (0.1, 0.3, 0.5, 0.7, 0.9):  # truncated mid-way: a user gets what text survives, or a reason
        c.file(f"html/afgekapt-{int(frac * 100)}.html", full[: int(len(full) * frac)], "html-malformed", "either")
    c.file("html/alleen-doctype.html", "<!DOCTYPE html>", "html-malformed", "fail", "no main text")
    c.file("html/open-tags.html", "<html><body><article><p>" * 50, "html-malformed", "fail", "no main text")
    c.file("html/losse-sluittags.html", "</div></p></body></html></article>" * 40, "html-malformed", "fail",
           "no main text")
    c.file("html/kapotte-attributen.html", "<html><body <p class='a\"b>" + STORY.replace("<p>", "<p id=\"'x") + "<",
           "html-malformed", "either")
    c.file("html/script-alleen.html", _html("<script>" + "var dorp='Lutjewoude';" * 200 + "</script>"),
           "html-malformed", "fail", "no main text")
    c.file("html/commentaar-open.html", _html("<!-- " + STORY), "html-malformed", "fail", "no main text")
    c.file("html/cdata-en-pi.html", "<?xml version='1.0'?><![CDATA[" + STORY + "<?php echo 1; ?>",
           "html-malformed", "either")
    c.file("html/entiteiten.html", _html("<article>" + STORY.replace(" ", "&nbsp;&#x110000;&#0;&bogus;") + "</article>"),
           "html-malformed", "either")
    c.file("html/lege-body.html", _html(""), "html-malformed", "fail", "no main text")
    c.file("html/geen-html.html", "dit is geen html maar " + "tekst zonder tags " * 20, "html-malformed", "either")
    c.file("html/datum-onmogelijk.html", _html(f"<article><h1>Dorpsfeest</h1>{STORY}</article>",
                                               "<meta property='article:published_time' content='2021-02-31'>"
                                               "<title>Dorpsfeest</title>"), "html-malformed", "ok",
           quote="Fenna Hoekstra")  # an impossible date in markup is dropped, the page is kept
    c.file("html/datum-jaar-nul.html", _html(f"<article><h1>Kermis</h1>{STORY}</article>",
                                             "<meta name='date' content='0000-01-01'><title>Kermis</title>"),
           "html-malformed", "ok", quote="Fenna Hoekstra")


def _nested(c: _Corpus) -> None:
    for tag, depth in (("div", 100_000), ("div", 10_000), ("span", 50_000), ("blockquote", 5_000),
                       ("table><tr><td", 3_000)):
        close = "</" + tag.split(">")[0] + ">" if ">" not in tag else "</td></tr></table>"
        body = f"<{tag}>" * depth + STORY + close * depth
        c.file(f"genest/{tag.split('>')[0]}-{depth}.html", _html(body), "nested", "either")
    c.file("genest/div-100000-ongesloten.html", _html("<div>" * 100_000 + STORY), "nested", "either")


def _bombs(c: _Corpus) -> None:
    c.file("bom/zip-bom.docx", _zip_bomb("word/document.xml", BOMB_BYTES, {"[Content_Types].xml": _CT,
                                                                          "_rels/.rels": _RELS}),
           "bomb", "fail", "DOCX")
    c.file("bom/zip-bom-styles.docx", _zip_bomb("word/styles.xml", BOMB_BYTES // 2, {
        "[Content_Types].xml": _CT, "_rels/.rels": _RELS, "word/document.xml": _docx_xml(["Korte tekst."])}),
           "bomb", "either")  # a bomb in a part oogst has no need to read
    gz = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb_gz = gz.compress(bytes(64 * 1024 * 1024)) + gz.flush()
    c.file("bom/gzip-bom.html", bomb_gz, "bomb", "fail")  # gzip bytes named .html: not a page
    c.file("bom/gzip-bom.txt", bomb_gz, "bomb", "fail")
    c.file("bom/pagina.html.gz", bomb_gz, "bomb", "ignored")  # .gz is not a suffix oogst reads


def _huge(c: _Corpus) -> None:
    para = STORY.replace("<p>", "<p>Deel {n}. ")
    n, parts, size = 0, [], 0
    while size < 30 * 1024 * 1024:
        s = para.replace("{n}", str(n))
        parts.append(s)
        size += len(s.encode())
        n += 1
    c.file("groot/dertig-mb.html", _html("<article><h1>Heel lang verslag</h1>" + "".join(parts) + "</article>"),
           "huge", "either")
    c.file("groot/eenenvijftig-mb.txt", b"Lang verhaal\n\n" + b"Tekst over het dorp Noordhoek. " * (51 * 1024 * 1024 // 31),
           "huge", "fail", "larger than 50 MB")
    c.file("groot/een-regel.md", "# Eén regel\n\n" + "zonder einde " * 200_000, "huge", "either")


def _binary(c: _Corpus) -> None:
    for suffix in SUFFIXES:
        for k, nul in ((1, True), (2, False)):
            data = c.random_bytes(3000, nul=nul)
            if suffix in (".html", ".htm", ".txt", ".md", ".markdown") and not nul:
                # random bytes without NUL: decodable as cp1252/latin-1 — still no document a user wants
                c.file(f"binair/ruis-{k}{suffix}", data, "binary", "fail")
            elif suffix == ".jsonl":
                c.file(f"binair/ruis-{k}{suffix}", data.replace(b"\n", b" "), "binary", "fail")
            else:
                c.file(f"binair/ruis-{k}{suffix}", data, "binary", "fail")
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(200)
    for suffix in (".html", ".txt", ".md", ".pdf", ".docx"):
        c.file(f"binair/plaatje{suffix}", png, "binary", "fail")
    c.file("binair/programma.txt", b"\x7fELF\x02\x01\x01" + bytes(300), "binary", "fail", "not a text file")


def _empty(c: _Corpus) -> None:
    for suffix in SUFFIXES:
        c.file(f"leeg/leeg{suffix}", b"", "empty", "fail")
        c.file(f"leeg/spaties{suffix}", b" \n\t\r\n   \n", "empty", "fail")
    for name, data in (("bom-alleen.txt", b"\xef\xbb\xbf"), ("nbsp.md", "\u00a0\u2003\n\u3000".encode()),
                       ("front-alleen.md", b"---\ntitle: Niets\n---\n"), ("bom-alleen.html", b"\xef\xbb\xbf  ")):
        c.file(f"leeg/{name}", data, "empty", "fail")


def _encodings(c: _Corpus) -> None:
    art = _article("Café in Dörpen")
    # latin-1 has no curly quote marks ("replace" makes them "?"), so the page lands without its quote
    c.file("codering/latin1-met-utf8-meta.html", art.encode("latin-1", "replace"), "encoding", "ok")
    c.file("codering/cp1252-zonder-meta.html", art.replace("<meta charset='utf-8'>", "").encode("cp1252"),
           "encoding", "ok", quote="Fenna Hoekstra")
    c.file("codering/utf16le-zonder-bom.html", art.encode("utf-16-le"), "encoding", "either")
    c.file("codering/utf16be-zonder-bom.txt", ("Titel\n\n" + QUOTE).encode("utf-16-be"), "encoding", "either")
    c.file("codering/utf16-met-bom.html", art.encode("utf-16"), "encoding", "ok", quote="Fenna Hoekstra")
    c.file("codering/ongeldig-utf8.txt", b"Titel\n\n" + QUOTE.encode() + b" \xc3\x28 \xff\xfe \xed\xa0\x80",
           "encoding", "ok", quote="Fenna Hoekstra")
    c.file("codering/ongeldig-utf8.html", art.encode().replace(b"Dorpshuis", b"Dorps\xff\xfehuis"), "encoding", "ok",
           quote="Fenna Hoekstra")
    c.file("codering/onbekende-charset.html", art.replace("charset='utf-8'", "charset='klingon-9'").encode(),
           "encoding", "ok", quote="Fenna Hoekstra")
    c.file("codering/utf7.txt", ("Titel\n\n" + QUOTE).encode("utf-7"), "encoding", "either")
    c.file("codering/ongeldig-utf8.md", b"# Titel\n\n" + QUOTE.encode() + b"\x80\x81\x8d\x8f\x90\x9d",
           "encoding", "ok", quote="Fenna Hoekstra")


def _pdfs(c: _Corpus) -> None:
    good = _pdf(["Verslag Oosterveen", "\u2018Dit is een goed plan,\u2019 zegt Hidde Kuipers."])
    c.file("pdf/zonder-tekst.pdf", _pdf(None), "pdf", "fail", "no text layer")
    for frac in (0.1, 0.25, 0.5, 0.75, 0.95):
        c.file(f"pdf/afgekapt-{int(frac * 100)}.pdf", good[: int(len(good) * frac)], "pdf", "either")
    c.file("pdf/alleen-kop.pdf", b"%PDF-1.7\n", "pdf", "fail", "PDF")
    c.file("pdf/kapotte-objecten.pdf", good.replace(b" obj\n<<", b" obj\n<<<<[(").replace(b"endobj", b"endbj"),
           "pdf", "either")
    c.file("pdf/verkeerde-lengte.pdf", good.replace(b"/Length ", b"/Length 9999999"), "pdf", "either")
    c.file("pdf/xref-onzin.pdf", good.replace(b"xref", b"xref\n9 9\nonzin"), "pdf", "either")
    c.file("pdf/geen-catalogus.pdf", good.replace(b"/Root 1 0 R", b"/Root 99 0 R"), "pdf", "either")
    c.file("pdf/versleuteld.pdf", good.replace(b"/Info 6 0 R", b"/Info 6 0 R /Encrypt << /Filter /Standard /V 9 >>"),
           "pdf", "either")
    c.file("pdf/html-met-pdf-naam.pdf", _article(), "pdf", "fail", "PDF")


def _docxs(c: _Corpus) -> None:
    good = _docx(["Verslag", "‘Wij doen mee,’ zegt Tjitske de Boer."])
    c.file("docx/geen-zip.docx", "Dit is gewoon tekst, geen Word-bestand.", "docx", "fail", "DOCX")
    c.file("docx/zip-zonder-document.docx", _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS,
                                                  "word/anders.xml": "<x/>"}), "docx", "fail", "DOCX")
    c.file("docx/lege-zip.docx", _zip({}), "docx", "fail", "DOCX")
    c.file("docx/zip-met-tekst.docx", _zip({"lees-mij.txt": "hallo"}), "docx", "fail", "DOCX")
    c.file("docx/kapotte-xml.docx", _docx(document_xml="<w:document><w:body><w:p>"), "docx", "fail", "DOCX")
    c.file("docx/leeg-document.docx", _docx([]), "docx", "fail", "no text")
    c.file("docx/xml-entiteit-bom.docx", _docx(document_xml=(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>')),
           "docx", "either")
    for frac in (0.3, 0.6, 0.9):
        c.file(f"docx/afgekapt-{int(frac * 100)}.docx", good[: int(len(good) * frac)], "docx", "fail", "DOCX")
    c.file("docx/pdf-als-docx.docx", _pdf(["tekst"]), "docx", "fail", "DOCX")
    c.file("docx/document-is-binair.docx", _docx(document_xml=bytes(range(256)) * 4), "docx", "fail", "DOCX")


def _jsonl(c: _Corpus) -> None:
    def rec(**kw: object) -> str:
        base: dict[str, object] = {"url": "https://oosterveen.example/nieuws/1", "title": "Nieuws",
                                   "text": "‘Samen houden we de school open,’ zegt ouder Rients Dijkstra."}
        base.update(kw)
        return json.dumps({k: v for k, v in base.items() if v is not ...}, ensure_ascii=False)

    lines: list[tuple[str | bytes, str, str | None, str | None]] = [
        (rec(url="https://oosterveen.example/nieuws/goed", published="2023-03-14"), "ok", None, "Rients Dijkstra"),
        ("{niet json", "fail", "not valid JSON", None),
        ('{"url": "https://x.example/a", "text": "open string}', "fail", "not valid JSON", None),
        ("[1, 2, 3]", "fail", "JSON object", None),
        ("42", "fail", "JSON object", None),
        ('"alleen een string"', "fail", "JSON object", None),
        ("null", "fail", "JSON object", None),
        ("true", "fail", "JSON object", None),
        (rec(text=...), "fail", "'text' or 'html'", None),
        (rec(text=12345), "fail", "'text' or 'html'", None),
        (rec(text=["een", "lijst"]), "fail", "'text' or 'html'", None),
        (rec(text="   \n  "), "fail", "'text' or 'html'", None),
        (rec(text=None, html="<p></p>"), "fail", None, None),
        (rec(url=...), "fail", "url", None),
        (rec(url=17), "fail", "url", None),
        (rec(url=""), "fail", "url", None),
        (rec(url={"href": "https://x.example"}), "fail", "url", None),
        (rec(url="javascript:alert('Oosterveen')"), "fail", "url", None),
        (rec(url="  JavaScript:void(0)"), "fail", "url", None),
        (rec(url="data:text/html,<script>alert(1)</script>"), "fail", "url", None),
        (rec(url="https://oosterveen.example/2", published="2021-02-31"), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/3", published="0000-05-01"), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/4", published="2020-13"), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/5", published="31-02-2021"), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/6", published="gisteren"), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/7", published=["2021"]), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/8", published={"y": 2021}), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/9", published="99999-01-01"), "fail", "not a date", None),
        (rec(url="https://oosterveen.example/10", title={"nl": "Titel"}, author=["Jan"], language=7), "either", None, None),
        (rec(url="https://oosterveen.example/11", text="Groot verhaal. " * 400_000), "either", None, None),
        (rec(url="https://oosterveen.example/12", text="Tekst met NUL \u0000 en \u0001\u0002\u001b[31m rood."),
         "either", None, None),
        ('{"url": "https://oosterveen.example/13", "text": "Losse surrogaat \\ud800 in tekst."}',
         "either", None, None),
        (b'{"url": "https://oosterveen.example/14", "text": "ongeldige utf-8 \xff\xfe hier"}', "either", None, None),
        (rec(url="https://oosterveen.example/15", html="<div>" * 20_000 + "Tekst" + "</div>" * 20_000, text=...),
         "either", None, None),
        ('{"url": "https://x.example/16", "text": "a"' + " " * 100 + "}" * 5000, "fail", "not valid JSON", None),
        ("[" * 100_000 + "]" * 100_000, "fail", None, None),  # deep nesting: RecursionError in json
        ('{"url": "https://x.example/17", "text": 1e999999}', "fail", None, None),
        ('{"url": "https://x.example/18", "text": "x", "url": 5}', "fail", "url", None),
        ("", "ok", None, None),  # blank line: not a source
        ("\ufeff" + rec(url="https://oosterveen.example/19"), "either", None, None),
    ]
    c.jsonl("jsonl/gemengd.jsonl", lines, "jsonl")
    c.jsonl("jsonl/alleen-slecht.jsonl", [("{", "fail", "not valid JSON", None), ("]", "fail", "not valid JSON", None)],
            "jsonl")


def _front_matter(c: _Corpus) -> None:
    for n, date in enumerate(("2021-02-31", "0000-01-01", "2020-13-01", "2020-13", "31-02-2021", "morgen",
                              "2019-02-29", "10000-01-01"), start=1):
        c.file(f"front/datum-{n}.md", f"---\ntitle: Verhaal {n}\ndate: {date}\n---\n{QUOTE}\n",
               "front-matter", "fail", "not a date")
    c.file("front/niet-gesloten.md", f"---\ntitle: Open\ndate: 2021-01-01\n{QUOTE}\n", "front-matter", "either")
    c.file("front/alleen-streepjes.txt", "---\n---\n---\n", "front-matter", "fail")
    c.file("front/rare-sleutels.md", f"---\n: leeg\ntitle\n::::\nurl: javascript:alert(1)\n---\n{QUOTE}\n",
           "front-matter", "fail", "url")
    c.file("front/naam-datum-onmogelijk.md", f"# Verslag\n\n{QUOTE}\n", "front-matter", "ok", quote="Fenna Hoekstra")
    c.file("front/2021-02-31-verslag.md", f"# Verslag\n\n{QUOTE}\n", "front-matter", "ok", quote="Fenna Hoekstra")


def _nul_and_control(c: _Corpus) -> None:
    c.file("nul/nul-vooraan.txt", b"Titel\x00\n\n" + QUOTE.encode(), "nul-control", "fail", "not a text file")
    c.file("nul/nul-na-4k.txt", b"Titel\n\n" + QUOTE.encode() + b" " * 5000 + b"\x00staart", "nul-control", "either")
    c.file("nul/nul-na-4k.html", _article().encode() + b" " * 5000 + b"\x00<p>staart</p>", "nul-control", "either")
    c.file("nul/nul-in-artikel.html", _article().encode().replace(b"Vrijwilligers", b"Vrij\x00willigers"),
           "nul-control", "fail", "not a text file")
    ctrl = "".join(chr(i) for i in range(1, 32) if chr(i) not in "\n\r\t")
    c.file("nul/stuurtekens.txt", f"Titel\n\n{ctrl}{QUOTE}{ctrl}\x7f", "nul-control", "either")
    c.file("nul/stuurtekens.html", _article().replace("Vrijwilligers", "Vrij" + ctrl + "willigers"),
           "nul-control", "either")
    c.file("nul/bidi.md", f"# Titel \u202e gnirts\n\n{QUOTE}\u200b\u2066\ufeff\n", "nul-control", "ok",
           quote="Fenna Hoekstra")
    c.file("nul/ansi-escapes.txt", f"\x1b[2J\x1b[31mTitel\x1b[0m\n\n{QUOTE}\n", "nul-control", "either")


def _odd_names(c: _Corpus) -> None:
    text = f"Titel\n\n{QUOTE}\n"
    for name in ("namen/met spaties  .txt", "namen/-rf --help.txt", "namen/%20%2e%2e.txt", "namen/vraag?#anker.md",
                 "namen/emoji-🏡.md", "namen/ÄÖÜ-café-ﬁ.TXT", "namen/" + "lang" * 60 + ".txt",
                 "namen/regel\neinde.txt", "namen/tab\tnaam.md", "namen/back\\slash.txt", "namen/'; DROP TABLE x;--.md",
                 "namen/..dubbel.punt..md"):
        c.file(name, text, "odd-names", "ok", quote="Fenna Hoekstra")
    c.file(b"namen/ongeldige-utf8-\xff\xfe.txt", text, "odd-names", "either")
    c.file("namen/.md", text, "odd-names", "ignored")  # a hidden file without a suffix


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    cases = build(out)
    print(f"{len(cases)} cases in {out}")
