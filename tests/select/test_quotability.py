import pytest

from oogst.select.quotability import quotability


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Daarom kozen de partners voor een kleine kerngroep van ambtenaren.", "Daarom"),
        ("Dat klinkt eenvoudig, maar het gebeurt in de praktijk zelden.", "Dat"),
        ("Hij wijst op de lange gesprekken met de provincie.", "Hij"),
        ("Ze hadden dat veel eerder moeten regelen met elkaar.", "Ze"),
        ("Die aanpak werkte beter dan iedereen had verwacht.", "Die"),
        ("Dit is precies waar het vaak misgaat tussen overheden.", "Dit"),
        ("That is why the partners chose a small core team.", "That"),
        ("This approach worked better than anyone expected.", "This"),
        ("He points to the long talks with the province.", "He"),
        ("She says the region needs a shared agenda.", "She"),
        ("So the partners chose a small core team instead.", "So"),
    ],
)
def test_pointing_back_is_penalised(text: str, word: str) -> None:
    lang = "en" if word in {"That", "This", "He", "She", "So"} else "nl"
    q = quotability(text, lang)
    assert q.parts["standalone"] < 0.5
    assert f"starts by pointing back ('{word}')" in q.reasons


def test_standalone_statement_scores_high() -> None:
    q = quotability("Je moet niet alles vooraf willen dichttimmeren, maar juist ruimte laten om samen te leren.")
    assert q.score > 0.9
    assert "stands on its own" in q.reasons
    assert "contrast ('niet … maar')" in q.reasons
    assert "speaks to the reader ('je')" in q.reasons


def test_details_lower_generality() -> None:
    detail = quotability("In 2019 ging het om 12 miljoen euro voor 35 projecten in Emmen en Assen.")
    general = quotability("Vertrouwen tussen overheden is belangrijker dan een sluitend contract.")
    assert detail.parts["generality"] < 0.5 < general.parts["generality"]
    assert any(r.startswith("detail-heavy") for r in detail.reasons)
    assert general.score > detail.score


@pytest.mark.parametrize(
    ("n_words", "ideal"),
    [(3, False), (8, False), (12, True), (25, True), (40, True), (50, False), (60, False), (100, False)],
)
def test_length(n_words: int, ideal: bool) -> None:
    text = " ".join(["samenwerking"] * n_words)
    assert (quotability(text).parts["length"] == 1.0) is ideal


def test_very_long_gets_zero_length_score() -> None:
    assert quotability(" ".join(["woord"] * 100)).parts["length"] == 0.0


def test_generic_voice() -> None:
    we = quotability("We hebben geleerd dat samenwerken tussen overheden tijd kost.")
    third = quotability("De ambtenaren hebben geleerd dat samenwerken tussen overheden tijd kost.")
    assert we.parts["voice"] > third.parts["voice"]


def test_english_voice_and_contrast() -> None:
    q = quotability("You should not plan everything in advance, but leave room to learn together.", "en")
    assert "speaks to the reader ('you')" in q.reasons
    assert "contrast ('not … but')" in q.reasons


@pytest.mark.parametrize("text", ["", "Het werkt.", "…", "In 2019 in Emmen, Assen en Zwolle met 35 partners."])
def test_score_in_unit_interval(text: str) -> None:
    q = quotability(text)
    assert 0.0 <= q.score <= 1.0
    assert all(0.0 <= v <= 1.0 for v in q.parts.values())


def test_weak_pointer_het() -> None:
    assert quotability("Het kost tijd, maar die tijd betaalt zich later terug.").parts["standalone"] == 0.6
