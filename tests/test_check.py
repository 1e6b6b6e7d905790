import pytest

from oogst.check import assert_faithful, check_abridgement, check_digest
from oogst.errors import UnfaithfulEditError
from oogst.models import Digest, DigestItem, Lesson, Source

ORIGINAL = "Je moet niet alles vooraf willen dichttimmeren, maar juist ruimte laten om samen te leren,"
ZON = "Zo’n samenwerking vraagt om ’s avonds overleggen, want overdag zit iedereen in zijn eigen vergaderingen."


@pytest.mark.parametrize(
    ("original", "edited"),
    [
        (ORIGINAL, ORIGINAL),
        (ORIGINAL, "Je moet niet alles vooraf willen dichttimmeren."),
        (ORIGINAL, "Je moet … ruimte laten om samen te leren."),
        (ORIGINAL, "Je moet [...] ruimte laten om samen te leren."),
        (ORIGINAL, "Je moet […] ruimte laten om samen te leren"),
        (ORIGINAL, "Je moet (…) ruimte laten om samen te leren"),
        (ORIGINAL, "Je moet ... ruimte laten om samen te leren,"),
        (ORIGINAL, "Ruimte laten om samen te leren."),  # unmarked leading cut, capital at the start
        (ORIGINAL, "… ruimte laten om samen te leren."),  # marked leading cut
        (ORIGINAL, "Je moet niet alles vooraf willen dichttimmeren …"),  # marked trailing cut
        (ORIGINAL, "  Je moet niet alles\nvooraf   willen dichttimmeren"),  # whitespace
        (ORIGINAL, "„Je moet niet alles vooraf willen dichttimmeren”"),  # quotation marks
        (ZON, "Zo'n samenwerking vraagt om ’s avonds overleggen."),  # ' for ’
        (ZON, "Zo’n samenwerking vraagt om ’s avonds overleggen, want overdag zit iedereen … in zijn eigen vergaderingen."),
        (ZON, "Zo’n samenwerking vraagt om ’s avonds overleggen [...] want … iedereen in zijn eigen vergaderingen."),
        (ZON, "’s Avonds overleggen, want overdag zit iedereen in zijn eigen vergaderingen."),
        ("Het kost tijd. Maar die tijd betaalt zich terug!", "… die tijd betaalt zich terug!"),
    ],
)
def test_accepts_faithful_abridgements(original: str, edited: str) -> None:
    result = check_abridgement(original, edited)
    assert result.ok, result.reason
    assert result.reason is None


@pytest.mark.parametrize(
    ("original", "edited", "reason"),
    [
        (ORIGINAL, "Je moet echt niet alles vooraf willen dichttimmeren.", "added: 'echt'"),
        (ORIGINAL, "Je moet niet alles vooraf willen dichttimmeren, maar juist niet ruimte laten", "niet"),
        (ORIGINAL, "Je moet altijd alles vooraf willen dichttimmeren.", "changed: 'niet' → 'altijd'"),
        (ORIGINAL, "Je moet alles niet vooraf willen dichttimmeren.", "reordered: 'alles'"),
        (ORIGINAL, "Ruimte laten om samen te leren, maar juist … je moet niet", "reordered"),
        (ORIGINAL, "Je moet ruimte laten om samen te leren.", "cut without a mark: 'niet alles vooraf willen dichttimmeren , maar juist'"),
        (ORIGINAL, "Je moet [de gemeente] niet alles vooraf willen dichttimmeren", "editor insert [de gemeente]"),
        (ORIGINAL, "Je moet […, red.] ruimte laten", "editor insert"),
        (ORIGINAL, "Je moet niet alles vooraf willen dichttimmeren!", "end punctuation '!'"),
        (ORIGINAL, "Je moet niet alles vooraf dichttimmeren.", "cut without a mark: 'willen'"),
        (ZON, "Zo’n samenwerking vraagt om ’s ochtends overleggen.", "changed: 'avonds' → 'ochtends'"),
        (ZON, "Zo’n samenwerking vraagt niet om ’s avonds overleggen.", "added: 'niet'"),
        (ZON, "Zo’n overleg vraagt om samenwerking.", "samenwerking"),
        (ORIGINAL, "…", "does not match"),
        (ORIGINAL, "", "does not match"),
        (ORIGINAL, "je moet NIET alles", "changed: 'niet' → 'NIET'"),
    ],
)
def test_rejects_unfaithful_edits(original: str, edited: str, reason: str) -> None:
    result = check_abridgement(original, edited)
    assert not result.ok
    assert result.reason is not None and reason in result.reason


def test_diff_marks_the_edited_text() -> None:
    result = check_abridgement(ORIGINAL, "Je moet altijd alles vooraf willen dichttimmeren.")
    assert "[-niet-]{+altijd+}" in result.diff
    ok = check_abridgement(ORIGINAL, "Je moet … ruimte laten om samen te leren.")
    assert "[-niet alles vooraf willen dichttimmeren , maar juist-]" in ok.diff


SOURCE_URL = "https://example.nl/a"
SOURCE = "Intro. " + ORIGINAL + " zegt Anne de Boer."
START = SOURCE.index(ORIGINAL)


def _item(text: str, start: int = START, end: int = START + len(ORIGINAL), url: str = SOURCE_URL, id: str = "i1") -> DigestItem:
    return DigestItem(id, "quote", text, "Anne de Boer", None, url, "2020-08", start, end)


def _digest(*items: DigestItem) -> Digest:
    return Digest("T", "t", "2020", "nl", items[:1], (Lesson("L", (), items[1:]),), (Source(SOURCE_URL, "A", None),))


def _store(url: str) -> str | None:
    return SOURCE if url == SOURCE_URL else None


def test_check_digest_accepts_verbatim_and_abridged() -> None:
    digest = _digest(_item(ORIGINAL), _item("Je moet … ruimte laten om samen te leren.", id="i2"))
    assert check_digest(digest, _store) == []
    assert_faithful(digest, _store)


def test_check_digest_reports_violations() -> None:
    digest = _digest(
        _item("Je moet altijd alles vooraf willen dichttimmeren.", id="bad"),
        _item(ORIGINAL, url="https://example.nl/weg", id="missing"),
        _item(ORIGINAL, start=0, end=10_000, id="offsets"),
        _item(ORIGINAL, id="fine"),
    )
    violations = {v.item_id: v for v in check_digest(digest, _store)}
    assert set(violations) == {"bad", "missing", "offsets"}
    assert "changed: 'niet' → 'altijd'" in violations["bad"].reason
    assert "[-niet-]{+altijd+}" in violations["bad"].diff
    assert "source text not stored" in violations["missing"].reason
    assert "outside the source text" in violations["offsets"].reason
    with pytest.raises(UnfaithfulEditError, match="item bad"):
        assert_faithful(digest, _store)
