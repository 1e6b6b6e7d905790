"""The look of a digest: colours, fonts, logo, footer and label language.

A theme is a frozen value loaded from TOML or JSON. Every value that ends up in CSS is
validated here (colours are ``#hex``, font names use a small safe alphabet), so a theme
file cannot inject CSS or HTML.
"""
from __future__ import annotations

import base64
import json
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from oogst.errors import RenderError
from oogst.render.labels import LANGUAGES

THEMES_DIR = Path(__file__).parent / "themes"
DEFAULT_THEME_PATH = THEMES_DIR / "default.toml"
MIN_CONTRAST = 4.5
MAX_LOGO_BYTES = 512 * 1024

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_FONT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,62}$")
_GENERIC = frozenset({"serif", "sans-serif", "monospace", "system-ui", "cursive", "fantasy"})
_LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
               ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif"}
COLOR_NAMES = ("primary", "accent", "text", "background", "surface", "muted", "on_primary")
# (foreground, background) pairs the templates draw text with.
TEXT_PAIRS = (("text", "background"), ("text", "surface"), ("muted", "background"),
              ("muted", "surface"), ("primary", "background"), ("primary", "surface"),
              ("accent", "surface"), ("accent", "background"), ("on_primary", "primary"))


@dataclass(frozen=True, slots=True)
class Colors:
    primary: str = "#154273"
    accent: str = "#1f6b3a"
    text: str = "#1c1c1c"
    background: str = "#ffffff"
    surface: str = "#f1f4f8"
    muted: str = "#4a5563"
    on_primary: str = "#ffffff"

    def __post_init__(self) -> None:
        for name in COLOR_NAMES:
            value = getattr(self, name)
            if not isinstance(value, str) or not _HEX.match(value):
                raise RenderError(f"theme colour {name!r} must be #rgb or #rrggbb, got {value!r}")


@dataclass(frozen=True, slots=True)
class Theme:
    colors: Colors = field(default_factory=Colors)
    body_fonts: tuple[str, ...] = ("Carlito", "Liberation Sans", "DejaVu Sans", "sans-serif")
    heading_fonts: tuple[str, ...] = ("Carlito", "Liberation Sans", "DejaVu Sans", "sans-serif")
    logo: str | None = None  # data: URI, built by load_theme from a file path
    logo_alt: str = ""
    footer: str = ""
    language: str | None = None  # None: follow the digest's language
    name: str = "custom"

    def __post_init__(self) -> None:
        for attr in ("body_fonts", "heading_fonts"):
            fonts = getattr(self, attr)
            if not fonts:
                raise RenderError(f"theme {attr} must name at least one font")
            for font in fonts:
                if not isinstance(font, str) or not _FONT.match(font):
                    raise RenderError(
                        f"theme font {font!r} is not allowed: use letters, digits, spaces and '-'")
        if self.language is not None and self.language not in LANGUAGES:
            raise RenderError(f"theme language must be one of {', '.join(LANGUAGES)}, got {self.language!r}")
        if self.logo is not None and not re.match(r"^data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+$", self.logo):
            raise RenderError("theme logo must be a base64 data: URI (load_theme builds it from a file)")

    def font_stack(self, kind: str = "body") -> str:
        """A CSS font-family value; safe to put in a stylesheet (names are validated)."""
        fonts = self.body_fonts if kind == "body" else self.heading_fonts
        return ", ".join(f if f in _GENERIC else f'"{f}"' for f in fonts)


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#hex`` colours (1.0 … 21.0)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def contrast_problems(theme: Theme, minimum: float = MIN_CONTRAST) -> tuple[str, ...]:
    """One sentence per text/background pair of ``theme`` below ``minimum`` (WCAG AA: 4.5)."""
    out = []
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(theme.colors, fg), getattr(theme.colors, bg))
        if ratio < minimum:
            out.append(f"theme {theme.name!r}: colour {fg} on {bg} has contrast {ratio:.2f}:1, "
                       f"below {minimum}:1 (WCAG AA)")
    return tuple(out)


def _logo_data_uri(path: Path) -> str:
    mime = _LOGO_TYPES.get(path.suffix.lower())
    if mime is None:
        raise RenderError(f"theme logo {path.name!r}: use one of {', '.join(_LOGO_TYPES)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"theme logo {str(path)!r} cannot be read: {exc.strerror}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise RenderError(f"theme logo {path.name!r} is larger than {MAX_LOGO_BYTES // 1024} KiB")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _fonts(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip().strip("'\"") for part in value.split(",")]
    if not isinstance(value, list):
        raise RenderError(f"theme fonts.{key} must be a list of font names")
    return tuple(value)


def theme_from_mapping(data: dict[str, Any], base_dir: Path | None = None,
                       name: str = "custom") -> Theme:
    """Build a Theme from parsed TOML/JSON; unknown keys are an error (typos show up)."""
    known = {"name", "language", "footer", "logo", "logo_alt", "colors", "fonts"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise RenderError(f"theme {name!r}: unknown key(s) {', '.join(unknown)}")
    colors = data.get("colors", {})
    bad = sorted(set(colors) - {f.name for f in fields(Colors)})
    if bad:
        raise RenderError(f"theme {name!r}: unknown colour(s) {', '.join(bad)}")
    fonts = data.get("fonts", {})
    kwargs: dict[str, Any] = {"colors": Colors(**colors), "name": str(data.get("name", name))}
    if "body" in fonts:
        kwargs["body_fonts"] = _fonts(fonts["body"], "body")
    if "heading" in fonts:
        kwargs["heading_fonts"] = _fonts(fonts["heading"], "heading")
    for key in ("footer", "logo_alt"):
        if key in data:
            kwargs[key] = str(data[key])
    if data.get("language"):
        kwargs["language"] = str(data["language"])
    if data.get("logo"):
        logo = Path(str(data["logo"]))
        if not logo.is_absolute() and base_dir is not None:
            logo = base_dir / logo
        kwargs["logo"] = _logo_data_uri(logo)
    try:
        return Theme(**kwargs)
    except TypeError as exc:
        raise RenderError(f"theme {name!r}: {exc}") from None


def load_theme(path: str | Path, *, strict: bool = True) -> Theme:
    """Load a theme from ``.toml`` or ``.json``.

    With ``strict`` a theme whose text colours fail the 4.5:1 contrast check is rejected;
    otherwise :func:`contrast_problems` reports them and :func:`oogst.render.render` warns.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"theme file {str(path)!r} cannot be read: {exc.strerror}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise RenderError(f"theme file {path.name!r} is not valid {path.suffix[1:].upper() or 'TOML'}: {exc}") from None
    if not isinstance(data, dict):
        raise RenderError(f"theme file {path.name!r} must hold a table/object at the top")
    theme = theme_from_mapping(data, base_dir=path.parent, name=path.stem)
    problems = contrast_problems(theme)
    if strict and problems:
        raise RenderError("; ".join(problems))
    return theme


def default_theme() -> Theme:
    return load_theme(DEFAULT_THEME_PATH)
