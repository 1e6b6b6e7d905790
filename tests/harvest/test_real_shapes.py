"""Quotes, speakers and roles in the shapes real pages write them (issue 15, part A).

The texts are our own, written in the shapes found on real Dutch and English pages."""
from __future__ import annotations

from oogst.harvest import harvest
from oogst.harvest.marks import scan


def quotes(text: str, lang: str = "nl"):
    result = harvest(text, lang, kinds=["quote"])
    for item in result.items:
        assert text[item.start : item.end] == item.text
    return result.items


def test_two_single_closing_marks_back_to_back_close_two_nested_quotes() -> None:
    text = "‘Het dorp, ‘zei de molenaar ‘altijd’ en ‘overal’’ lacht ze,’ aldus Lotte Brink."
    spans, strays = scan(text, 0, len(text))
    assert not strays
    inner = sorted((s.depth, text[s.inner_start : s.inner_end]) for s in spans)
    assert inner[0] == (0, "Het dorp, ‘zei de molenaar ‘altijd’ en ‘overal’’ lacht ze,")
    assert (1, "zei de molenaar ‘altijd’ en ‘overal’") in inner
    assert (2, "altijd") in inner and (2, "overal") in inner


def test_a_doubled_closing_mark_still_closes_a_double_quote() -> None:
    for text in ("“We doen dit samen’’, zegt Jansen.", "‘‘We doen dit samen’’, zegt Jansen."):
        spans, strays = scan(text, 0, len(text))
        assert [text[s.inner_start : s.inner_end] for s in spans] == ["We doen dit samen"] and not strays


def test_unmatched_openers_of_the_other_family_are_recorded_not_paired() -> None:
    text = "‘Zo ‘genest” zegt ze. " * 50
    spans, strays = scan(text, 0, len(text))
    assert len(strays) >= 100  # every closing mark that matches no opener is recorded
    assert all(s.reason for s in strays)


def test_a_straight_quote_without_its_closing_mark_ends_at_its_attribution() -> None:
    text = ("Het waterschap krijgt minder geld dan gevraagd. \"We moeten dus kiezen welke dijken eerst gaan, "
            "zegt Ilse Voorberg van waterschap Lage Weiden. \"Maar we zijn blij met wat er ligt.\"\n\n"
            "\"Het bewijst dat het onderwerp hoog op de agenda staat, \" vindt Voorberg. \"Dat is goed nieuws.\"")
    got = [(i.text, i.speaker, i.organisation) for i in quotes(text)]
    assert got == [
        ("We moeten dus kiezen welke dijken eerst gaan", "Ilse Voorberg", "waterschap Lage Weiden"),
        ("Maar we zijn blij met wat er ligt.", "Ilse Voorberg", "waterschap Lage Weiden"),
        ("Het bewijst dat het onderwerp hoog op de agenda staat", "Ilse Voorberg", "waterschap Lage Weiden"),
        ("Dat is goed nieuws.", "Ilse Voorberg", "waterschap Lage Weiden"),
    ]


def test_a_mixed_doubled_opening_mark_opens_one_quote() -> None:
    text = "De adviseurs schrijven: ‘’Een paar jaar geleden zagen raden samenwerking nog als techniek.’’"
    assert [i.text for i in quotes(text)] == ["Een paar jaar geleden zagen raden samenwerking nog als techniek."]


def test_paragraphs_glued_without_a_space_keep_their_quotes_apart() -> None:
    text = ("\"Het terrein is te nat\", zegt Anouk Verbeek van Vogelwerkgroep Zuidermeer. \"De beek treedt "
            "hier elke winter buiten haar oevers. Bouw dan niet op zo'n plek.\"Het plan moet een duurzame wijk "
            "opleveren. Kopers mogen zelf bouwen.Toch kreeg de vogelwerkgroep het plan pas laat. \"Dat vind ik "
            "vreemd\", zegt Verbeek.")
    got = [(i.text, i.speaker, i.organisation) for i in quotes(text)]
    assert got == [
        ("Het terrein is te nat", "Anouk Verbeek", "Vogelwerkgroep Zuidermeer"),
        ("De beek treedt hier elke winter buiten haar oevers. Bouw dan niet op zo'n plek.", "Anouk Verbeek",
         "Vogelwerkgroep Zuidermeer"),
        ("Dat vind ik vreemd", "Anouk Verbeek", "Vogelwerkgroep Zuidermeer"),
    ]


def test_an_organisation_after_a_name_may_open_with_any_capitalised_word() -> None:
    text = "‘We wachten het besluit af,’ zegt Ramon Kuipers van Stichting Oude Gracht. ‘Daarna praten we verder.’"
    assert {i.organisation for i in quotes(text)} == {"Stichting Oude Gracht"}
    # a place after "van" is no organisation
    text = "‘We wachten het besluit af,’ zegt Ramon Kuipers van Dalmeer Noord."
    assert {i.organisation for i in quotes(text)} == {None}


def test_a_repeated_headline_and_a_subhead_in_quote_marks_are_no_quotes() -> None:
    text = ("“Een dorp bouw je samen, niet vanachter een bureau”\n\n"
            "“Een dorp bouw je samen, niet vanachter een bureau”\n\n"
            "Wethouder Gerrit Brouwer van Dalmeer kijkt terug op vier jaar dorpsvernieuwing. “We begonnen "
            "met een lege zaal en een kan koffie,” zegt hij.\n\n"
            "“Eerst luisteren, dan pas tekenen”\n\n"
            "Daarna kwamen de plannen.")
    assert [i.text for i in quotes(text)] == ["We begonnen met een lege zaal en een kan koffie"]


def test_a_stray_mark_before_a_narrative_paragraph_is_no_quote() -> None:
    text = ("In de stal is het onrustig. ‘Ze voelen het weer,’ zegt boerin Hiske Talsma.\n\n"
            "’Op dit moment staan de koeien dicht opeen. De wind trekt aan. Het regent al dagen.\n\n"
            "Later die middag klaart het op.")
    assert [i.text for i in quotes(text)] == ["Ze voelen het weer"]


def test_a_name_written_in_capitals_in_the_intro_carries_its_role() -> None:
    text = ("Met zijn werk aan de dijken houdt hydroloog PIETER HOEKSTRA (61) de provincie bij de les. "
            "‘Het water wacht niet op ons.’\n\nVanaf de dijk wijst Pieter Hoekstra naar de polder. "
            "‘Daar stond vorig jaar alles blank,’ zegt hij.")
    items = quotes(text)
    assert [(i.speaker, i.speaker_role) for i in items] == [("Pieter Hoekstra", "hydroloog")] * 2


def test_only_adjectives_and_modifiers_join_a_dutch_role_before_a_name() -> None:
    text = "Hij onderzoekt vogels en houdt ecoloog Anna Brink bezig. ‘Het is een rijk gebied,’ zegt Brink."
    assert [i.speaker_role for i in quotes(text)] == ["ecoloog"]
    text = "‘Het is een rijk gebied,’ zegt de nieuwe wethouder Anna Brink."
    assert [i.speaker_role for i in quotes(text)] == ["nieuwe wethouder"]


def test_a_quote_signed_by_a_name_line_after_it() -> None:
    text = ("The motion asks the Chief Executive to write to the minister.\n\n"
            "“We owe the families of Elm Court an answer. That is not in dispute.\n\n"
            "“So I hope we take this chance to do just that.”\n\n"
            "Cllr Maud Ellery\n\n"
            "Housing update\n\n"
            "The committee then moved on.")
    items = quotes(text, "en")
    assert [i.speaker for i in items] == ["Maud Ellery", "Maud Ellery"]


def test_a_lone_surname_next_to_the_verb_after_a_quote_is_the_speaker() -> None:
    text = ("“Civil servants love a deadline,” said Pemberton. Others agreed.\n\n"
            "\"The date was set by the county,\" Monday told the council.")
    assert [i.speaker for i in quotes(text, "en")] == ["Pemberton", "Monday"]
    text = "‘Het kan altijd beter,’ zegt Bakkenes. ‘Maar dit is een begin.’"
    assert {i.speaker for i in quotes(text)} == {"Bakkenes"}


def test_a_heading_on_the_next_line_is_no_part_of_a_name() -> None:
    text = "Vincent Brakel\nSamenwerken\n\n‘Je moet elkaar eerst leren kennen,’ zegt Vincent Brakel."
    assert [i.speaker for i in quotes(text)] == ["Vincent Brakel"]


def test_a_portfolio_between_role_and_name_is_no_name() -> None:
    text = "‘We bouwen door,’ zegt wethouder Wonen Bert Doorn. ‘Ook in de kleine kernen.’"
    assert {(i.speaker, i.speaker_role) for i in quotes(text)} == {("Bert Doorn", "wethouder")}


def test_the_introducing_role_stays_when_a_later_predicate_names_a_membership() -> None:
    text = ("Dat zegt bijzonder hoogleraar bestuurskunde Sjoerd de Haan. ‘Elke regio is anders.’ "
            "De Haan is als lid van de Raad voor Dorpen betrokken bij het advies.")
    assert [(i.speaker, i.speaker_role) for i in quotes(text)] == [
        ("Sjoerd de Haan", "bijzonder hoogleraar bestuurskunde")]


def test_a_state_title_before_a_name_gives_the_person_and_the_role() -> None:
    text = ("Washington state Gov. Mary Holloway signed the bill on Monday. “This is a proud day,” she said. "
            "Democratic state Rep. Owen Castle said that “the fuss will soon be forgotten.”")
    assert [(i.speaker, i.speaker_role) for i in quotes(text, "en")] == [("Mary Holloway", "gov"),
                                                                         ("Owen Castle", "rep")]


def test_interview_answers_go_to_the_person_quoted_most_not_the_first_one_named() -> None:
    text = ("Minister Hanna Verweij beloofde een nieuwe cultuur, maar ombudsman Teun Akkerman merkt er weinig "
            "van. ‘Er wordt nog te veel beloofd,’ zegt Akkerman.\n\n"
            "‘De overheid wantrouwt burgers. Dat voelen mensen.’\n\n"
            "Wat zit daarachter?\n\n"
            "‘Te weinig echt contact tussen bestuurders en mensen.’")
    assert [i.speaker for i in quotes(text)] == ["Teun Akkerman"] * 3


def test_a_plural_role_before_two_names_is_each_ones_role() -> None:
    text = ("Projectleiders Fenneke Mulder en Joep Harkema van Regio Lindeland werken aan de aanvraag.\n\n"
            "Hoe leg je dat uit?\n\n"
            "Joep: ‘Het is een plan van tientallen organisaties samen.’\n\n"
            "Fenneke: ‘Wij brengen ze bij elkaar.’")
    assert [(i.speaker, i.speaker_role) for i in quotes(text)] == [("Joep Harkema", "projectleider"),
                                                                   ("Fenneke Mulder", "projectleider")]


def test_a_surname_with_particles_after_the_verb_and_a_comma_after_the_mark() -> None:
    text = ",,Het is een ambitie van ons om dit op te pakken\", verklaart Van der Linden. ,,We gaan door.”"
    assert {i.speaker for i in quotes(text)} == {"Van der Linden"}


def test_a_described_person_gets_the_role_of_the_description() -> None:
    text = ("Janet Akkerman watched the water rise. \"We were cut off from everything,\" she said.\n\n"
            "The independent Marshfield councillor said she could not get sandbags.")
    assert [(i.speaker, i.speaker_role) for i in quotes(text, "en")] == [
        ("Janet Akkerman", "independent Marshfield councillor")]
    text = ("Op welk terrein Gijs Hofstede ook werkte, orde stond voorop. Aan opvolgers geeft de voormalig "
            "topambtenaar graag mee: ‘Straal uit dat het probleem bij jou in goede handen is.’")
    assert [(i.speaker, i.speaker_role) for i in quotes(text)] == [("Gijs Hofstede", "voormalig topambtenaar")]
    # a bare "de woordvoerster" is someone else
    text = ("Sanne Bril wil een pont. De provincie kijkt ernaar, maar de woordvoerster belooft niets. "
            "‘We kijken naar alle opties, ook naar een pont.’")
    assert [(i.speaker, i.speaker_role) for i in quotes(text)] == [(None, "woordvoerster")]


def test_an_apposition_may_hold_capitalised_words_before_its_role_word() -> None:
    text = "Cllr Martin Haddow, the LGA’s Housing spokesman, said: “We need homes of every kind.”"
    assert [(i.speaker, i.speaker_role) for i in quotes(text, "en")] == [("Martin Haddow", "LGA’s Housing spokesman")]


def test_a_question_line_and_its_quoted_answer_without_a_blank_line_are_two_blocks() -> None:
    text = ("‘Samen kom je verder,’ zegt Ilse Dorhout, voorzitter van de Denktank.\n \n"
            "Waarom juist dit onderwerp?  \n"
            "‘Omdat vraagstukken zich niet aan gemeentegrenzen houden.’")
    assert [i.speaker for i in quotes(text)] == ["Ilse Dorhout", "Ilse Dorhout"]


def test_a_surname_with_one_typo_is_the_person_named_before() -> None:
    text = ("Wethouder Theo Brinkman van Ommen is kritisch. \"We hebben te weinig geld\", vindt Brinkmann.")
    assert [i.speaker for i in quotes(text)] == ["Theo Brinkman"]


def test_in_alone_is_a_place_not_a_particle() -> None:
    text = "Burgemeester Els Kramer opende het Dorpshuis in Oosterend. ‘Dit huis is van iedereen,’ zegt de burgemeester."
    assert [i.speaker for i in quotes(text)] == ["Els Kramer"]


def test_a_phrase_mentioned_inside_a_sentence_is_no_quote() -> None:
    for text in ("Hij herinnert zich de typering van een wethouder als ‘een dromer aan de dijk’. Dat bleef hangen.",
                 "Het dorp laat zien wat ‘eerst de mens en dan de regels’ betekent.",
                 "We zien een woning met “0 op de meter” en een dorpshuis vol zonnepanelen."):
        assert not quotes(text)
    # woven in but attributed: a partial quote
    text = "Volgens directeur Ineke Smal is het project “een proef die we veel eerder hadden moeten doen”."
    assert [i.speaker for i in quotes(text)] == ["Ineke Smal"]
