"""Markdown for newsletters and intranets: quotes in ‘…’, tips with ✓, sources as footnotes."""
from __future__ import annotations

import re
from urllib.parse import quote

from oogst.models import Digest
from oogst.render.theme import Theme
from oogst.render.view import DigestView, ItemView, SourceView, build_view

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|~^$])")


def md_escape(text: str) -> str:
    """Inline text that Markdown shows literally: HTML as entities, markup characters escaped,
    line breaks folded so content can never start a block (heading, list, quote)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _autolink(url: str) -> str:
    return "<" + quote(url, safe=":/?#[]@!$&'()*+,;=%~-._") + ">"


def _byline(item: ItemView) -> str:
    if not item.speaker:
        return f" — {md_escape(item.role)}" if item.role else ""
    role = f", {md_escape(item.role)}" if item.role else ""
    return f" — **{md_escape(item.speaker)}**{role}"


def _statement(item: ItemView, view: DigestView) -> str:
    L = view.labels
    text = md_escape(item.text)
    if item.is_quote:
        text = f"{L['open_quote']}{text}{L['close_quote']}"
    edited = f" _({L['edited']})_" if item.edited else ""
    return f"{text}{_byline(item)}{edited}[^{item.ref}]"


def _source(src: SourceView, view: DigestView) -> str:
    parts = [md_escape(src.title)]
    if src.date:
        parts.append(md_escape(src.date))
    line = ", ".join(parts) + "."
    url = _autolink(src.href) if src.href else md_escape(src.url)
    return f"[^{src.number}]: {line} {url}" if src.title != src.url or not src.href else f"[^{src.number}]: {url}"


def markdown_from_view(view: DigestView, theme: Theme) -> str:
    L = view.labels
    out = [f"# {md_escape(view.title)}", ""]
    kicker = " · ".join(md_escape(x) for x in (view.topic, view.period) if x)
    if kicker:
        out += [f"**{kicker}**", ""]
    if view.highlights:
        out += [f"## {L['highlights']}", ""]
        for item in view.highlights:
            out += [f"> {_statement(item, view)}", ""]
    for lesson in view.lessons:
        out += [f"## {md_escape(lesson.title)}", ""]
        for tip in lesson.tips:
            out += [f"✓ **{L['tip']}:** {_statement(tip, view)}", ""]
        out += [f"- {_statement(item, view)}" for item in lesson.items]
        if lesson.items:
            out.append("")
    tail = [md_escape(n) for n in view.notes] + ([md_escape(theme.footer)] if theme.footer else [])
    if tail:
        out += ["---", ""] + [line for t in tail for line in (f"_{t}_", "")]
    if view.sources:
        out += [f"**{L['sources']}**", ""] + [_source(s, view) for s in view.sources]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(digest: Digest, theme: Theme) -> tuple[str, tuple[str, ...]]:
    view, warnings = build_view(digest, frozenset(), theme.language)
    return markdown_from_view(view, theme), warnings
