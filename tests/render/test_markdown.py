from __future__ import annotations

import re
from dataclasses import replace

import pytest

from oogst.render.markdown import md_escape, render_markdown
from oogst.render.theme import default_theme


@pytest.fixture
def md(small) -> str:
    return render_markdown(small, default_theme())[0]


def test_structure_quotes_tips_and_footnotes(md: str, small) -> None:
    lines = md.splitlines()
    assert lines[0] == "# Wat zeiden jullie in Q3 en Q4 over interbestuurlijk samenwerken?"
    assert [l[3:] for l in lines if l.startswith("## ")] == ["Uitgelicht"] + [l.title for l in small.lessons]
    assert "> ‘Samenwerken is geen extra taak naast je werk, het ís het werk geworden.’ — " \
           "**Marieke de Vries**, wethouder Wonen, gemeente Lindenhoven[^1]" in lines
    assert "✓ **Tip:** Leg in de startnotitie vast wie welke kosten draagt, ook als het project stopt.[^6]" in lines
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defs = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, flags=re.M))
    assert refs <= set(defs) and len(defs) == len(small.sources)
    assert defs["1"] == ("Regiodeal Lindenhoven: samen sturen op woningbouw, 11 juli 2024. "
                         "<https://www.samenwerkendeoverheden.example/kennisbank/regiodeal-lindenhoven>")


def test_edited_marked(md: str) -> None:
    line = next(l for l in md.splitlines() if "Fatima Bouzid" in l)
    assert "_(bewerkt)_" in line


@pytest.mark.parametrize(("raw", "escaped"), [
    ("*vet* en _schuin_", r"\*vet\* en \_schuin\_"),
    ("[link](javascript:alert(1))", r"\[link\](javascript:alert(1))"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("# kop\n- lijst", r"\# kop - lijst"),
    ("A & B `code` | tabel", r"A &amp; B \`code\` \| tabel"),
])
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_english_quote_marks(small) -> None:
    md = render_markdown(replace(small, language="en"), default_theme())[0]
    assert "> “Samenwerken is geen extra" in md and "**Sources**" in md
