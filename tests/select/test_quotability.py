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
    [(3, False), (7, False), (8, True), (12, True), (25, True), (40, True), (50, False), (60, False), (100, False)],
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
    assert quotability("Het probleem zit niet bij de inwoner, maar in het ontwerp.").parts["standalone"] == 1.0  # an article


# --- what an editor never prints: greetings, programme talk, bylines, captions, cut-offs ---------

from oogst.select.quotability import in_context  # noqa: E402


@pytest.mark.parametrize(
    ("text", "lang", "why"),
    [
        ("Welkom allemaal bij deze middag over samenwerking tussen gemeenten en de provincie.", "nl", "greeting"),
        ("Goedemiddag, fijn dat jullie er zijn, we hebben een mooi programma over de regio.", "nl", "greeting"),
        ("De vragen kunnen jullie stellen in de chat, dan neem ik ze straks mee in het gesprek.", "nl", "programme talk"),
        ("Ik geef het woord aan de wethouder, die vertelt hoe zij de samenwerking ziet.", "nl", "programme talk"),
        ("Net hadden we het over vertrouwen, nu wil ik het over geld hebben met jullie.", "nl", "programme talk"),
        ("Welcome everyone to this afternoon on working together across councils.", "en", "greeting"),
        ("Please put your questions in the chat and we will come back to them shortly.", "en", "programme talk"),
    ],
)
def test_event_chatter_ranks_low(text: str, lang: str, why: str) -> None:
    q = quotability(text, lang)
    assert "chatter" in q.parts and any(r.startswith(why) for r in q.reasons)
    plain = quotability("Samenwerken tussen overheden vraagt geduld, maar het levert de inwoners veel op.", "nl")
    assert q.score < 0.5 * plain.score


def test_a_byline_ranks_low() -> None:
    q = quotability("Tekst: Marieke de Wit. Beeld: Sven Aalders voor de gemeente Dalmeer.", "nl")
    assert "byline" in q.parts and q.score < 0.2


def test_a_paraphrase_fragment_without_a_verb_is_a_fragment() -> None:
    q = quotability("Volgens bestuurskundige Marit Hovenkamp", "nl")
    assert "fragment" in q.parts


def test_caption_and_cut_off_need_the_page() -> None:
    page = ("Intro over de regio.\n\nportretfoto Marit Hovenkamp\nBeeld: ©Marit Hovenkamp\n"
            "Marit Hovenkamp: ‘We moeten elkaar vaker opzoeken.’\n\nHet gesprek begon bij de vraag wat een goe")
    caption_text = "We moeten elkaar vaker opzoeken."
    start = page.index(caption_text)
    q = in_context(quotability(caption_text), caption_text, page, start, start + len(caption_text))
    assert "caption" in q.parts
    cut_text = "Het gesprek begon bij de vraag wat een goe"
    start = page.index(cut_text)
    q = in_context(quotability(cut_text), cut_text, page, start, start + len(cut_text))
    assert "cut_off" in q.parts and "caption" not in q.parts
    whole = "Intro over de regio."
    q = in_context(quotability(whole), whole, page, 0, len(whole))
    assert "cut_off" not in q.parts and "caption" not in q.parts
