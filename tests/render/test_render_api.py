from __future__ import annotations

from pathlib import Path

import pytest

import oogst.render as render_pkg
from oogst.errors import RenderError
from oogst.render import FORMATS, RenderResult, render


def test_public_surface_is_all() -> None:
    public = {n for n in dir(render_pkg) if not n.startswith("_")}
    assert set(render_pkg.__all__) <= public
    assert set(FORMATS) == {"html", "pdf", "png", "md", "json"}


def test_every_format_written(rendered_small) -> None:
    out, result = rendered_small
    assert isinstance(result, RenderResult)
    names = {k: p.name for k, p in result.paths.items()}
    assert names == {"html": "digest.html", "pdf": "digest.pdf", "png": "digest.png",
                     "png-social": "digest-social.png", "md": "digest.md", "json": "digest.json"}
    assert all(p.parent == out and p.stat().st_size > 0 for p in result.paths.values())
    assert (out / "digest.json").read_text() == '{"title": "x"}'
    assert result.warnings == ()


def test_json_skipped_without_text(small, tmp_path: Path) -> None:
    result = render(small, tmp_path, ("md", "json"))
    assert set(result.paths) == {"md"}
    assert not (tmp_path / "digest.json").exists()


def test_unknown_format_is_a_clear_error(small, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown output format.*'docx'.*html, pdf"):
        render(small, tmp_path, ("html", "docx"))
    assert not (tmp_path / "digest.html").exists()


def test_missing_source_is_added_and_warned(small, tmp_path: Path) -> None:
    from dataclasses import replace

    digest = replace(small, sources=small.sources[1:])
    result = render(digest, tmp_path, ("md",))
    assert any("not in the source list" in w for w in result.warnings)
    assert "regiodeal-lindenhoven" in (tmp_path / "digest.md").read_text()
