from __future__ import annotations

from PIL import Image


def test_a4_png_at_150_dpi_and_social_size(rendered_small) -> None:
    out, _ = rendered_small
    with Image.open(out / "digest.png") as a4:
        assert a4.size == (1240, 1754)  # 210 × 297 mm at 150 dpi
    with Image.open(out / "digest-social.png") as social:
        assert social.size == (1080, 1350)
        # the masthead is painted in the theme's primary colour (#154273)
        assert social.convert("RGB").getpixel((10, 10)) == (0x15, 0x42, 0x73)


def test_large_digest_social_fits(rendered_large) -> None:
    out, result = rendered_large
    with Image.open(out / "digest-social.png") as social:
        assert social.size == (1080, 1350)
    assert not any(w.startswith("pdf: left out") and "tip," in w for w in result.warnings)
