from __future__ import annotations

import json
from pathlib import Path

import pytest

from oogst.errors import RenderError
from oogst.render import render
from oogst.render.theme import (Colors, Theme, contrast_problems, contrast_ratio, default_theme,
                                load_theme)

PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e3a3"
                        "6b3a0000000049454e44ae426082")


@pytest.mark.parametrize(("fg", "bg", "ratio"), [("#000000", "#ffffff", 21.0), ("#fff", "#fff", 1.0),
                                                  ("#777777", "#ffffff", 4.48)])
def test_contrast_ratio(fg: str, bg: str, ratio: float) -> None:
    assert contrast_ratio(fg, bg) == pytest.approx(ratio, abs=0.01)


def test_default_theme_passes_contrast() -> None:
    theme = default_theme()
    assert theme.name == "default" and contrast_problems(theme) == ()
    assert theme.font_stack() == '"Carlito", "Liberation Sans", "DejaVu Sans", sans-serif'


def test_low_contrast_theme_rejected_or_warned(tmp_path: Path, small) -> None:
    path = tmp_path / "pale.toml"
    path.write_text('[colors]\ntext = "#999999"\n')
    with pytest.raises(RenderError, match="text on background has contrast 2.85:1"):
        load_theme(path)
    theme = load_theme(path, strict=False)
    result = render(small, tmp_path / "out", ("md",), theme=theme)
    assert any("below 4.5:1" in w for w in result.warnings)


@pytest.mark.parametrize("value", ["red", "#12345", "#fff; } body { display:none", "url(x)", "#ffffffff"])
def test_colour_must_be_hex(value: str) -> None:
    with pytest.raises(RenderError, match="must be #rgb or #rrggbb"):
        Colors(primary=value)


@pytest.mark.parametrize("font", ['Evil"; } * { color: red', "A{b}", "x</style>", "", "Font\nName"])
def test_font_names_restricted(font: str) -> None:
    with pytest.raises(RenderError, match="font"):
        Theme(body_fonts=(font, "sans-serif"))


def test_json_theme_with_logo_and_language(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    (tmp_path / "brand.json").write_text(json.dumps({
        "language": "en", "footer": "Kennisplatform <b>", "logo": "logo.png", "logo_alt": "Logo",
        "colors": {"primary": "#0b3d5c"}, "fonts": {"body": "DejaVu Sans, sans-serif"}}))
    theme = load_theme(tmp_path / "brand.json")
    assert theme.language == "en" and theme.colors.primary == "#0b3d5c"
    assert theme.body_fonts == ("DejaVu Sans", "sans-serif")
    assert theme.logo is not None and theme.logo.startswith("data:image/png;base64,")


@pytest.mark.parametrize(("text", "message"), [
    ('colour = "x"', "unknown key"), ("[colors]\npink = '#fff'", "unknown colour"),
    ('language = "de"', "language must be one of nl, en"), ('logo = "nope.png"', "cannot be read"),
    ("[colors", "not valid TOML")])
def test_bad_theme_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(RenderError, match=message):
        load_theme(path)
