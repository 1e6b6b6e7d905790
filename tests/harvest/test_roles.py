"""Roles and organisations in the shapes Dutch and English journalism gives them."""
from __future__ import annotations

import pytest

from oogst.harvest import harvest

EN = "“We listened first and built the plan together with residents,”"
NL = "‘We luisterden eerst en maakten het plan samen met bewoners,’"


@pytest.mark.parametrize("text, lang, speaker, role, org", [
    (f"{EN} said Jane Smith, director of housing at Northfield Council.", "en",
     "Jane Smith", "director of housing", "Northfield Council"),
    (f"{EN} said Tom Reed, 54, a retired teacher.", "en", "Tom Reed", "retired teacher", None),
    (f"{NL} zegt Karin Pietersen (48), wijkverpleegkundige in Emmen.", "nl",
     "Karin Pietersen", "wijkverpleegkundige", "Emmen"),
    ("The council’s head of planning, Sarah Jones, said: “We listened first and built the plan together.”", "en",
     "Sarah Jones", "council’s head of planning", None),
    ("De wethouder van Emmen, Karin Pietersen, zegt: ‘We luisterden eerst en maakten het plan samen.’", "nl",
     "Karin Pietersen", "wethouder", "Emmen"),
    (f"{EN} said Dr Emma Clarke, a lecturer in public policy at the University of Eastborough.", "en",
     "Emma Clarke", "lecturer in public policy", "University of Eastborough"),
    (f"{EN} said Councillor Ann Webb.", "en", "Ann Webb", "councillor", None),
    ("Council leader Jane Doe said: “We listened first and built the plan together with residents.”", "en",
     "Jane Doe", "council leader", None),
    (f"{EN} Ann Webb, a nurse at the clinic, said.", "en", "Ann Webb", "nurse", None),
    ("A spokesperson for the council, Jane Doe, said: “We will fix the road before the winter.”", "en",
     "Jane Doe", "spokesperson", "council"),
    ("De wethouder van de gemeente Emmen, Karin Pietersen, zegt: ‘We repareren de weg voor de winter.’", "nl",
     "Karin Pietersen", "wethouder", "gemeente Emmen"),
    ("Financieel directeur Jan de Boer zegt: ‘We moeten de begroting weer op orde brengen.’", "nl",
     "Jan de Boer", "financieel directeur", None),
    ("Volgens directeur Anna Bakker is het simpel. ‘We luisterden eerst en maakten het plan samen met bewoners.’",
     "nl", "Anna Bakker", "directeur", None),
    ("Gerda Visser is al zes jaar dijkgraaf van waterschap Lage Landen. ‘Het water houdt zich niet aan grenzen.’",
     "nl", "Gerda Visser", "dijkgraaf", "waterschap Lage Landen"),
    # "is sinds 2022" before the role; a party or portfolio in parentheses before the predicate
    (f"{NL} zegt Karin Pietersen (D66). Pietersen is sinds 2022 wethouder van Dalmeer.", "nl",
     "Karin Pietersen", "wethouder", "Dalmeer"),
    ("Karin Pietersen (D66) is sinds 2022 wethouder van Dalmeer. ‘We luisterden eerst en maakten het plan samen.’",
     "nl", "Karin Pietersen", "wethouder", "Dalmeer"),
])
def test_role_shapes(text: str, lang: str, speaker: str, role: str, org: str | None) -> None:
    [q] = [i for i in harvest(text, lang, kinds=["quote"]).items if not i.nested]
    assert (q.speaker, q.speaker_role, q.organisation) == (speaker, role, org)


@pytest.mark.parametrize("text, lang, speaker, role", [
    ("“We will not give up on this plan for the town,” said Tom Reed as the mayor looked on.", "en", "Tom Reed", None),
    ("‘Het kan niet zo doorgaan met deze plannen’, zei Jan Jansen als de burgemeester het niet toestaat.", "nl",
     "Jan Jansen", None),
    ("The plan was praised by the head of planning, Sarah Jones, who said: “This is the way to build trust.”", "en",
     "Sarah Jones", "head of planning"),
    ("Meanwhile mayor Jane Doe said: “This is the way to build trust in the region.”", "en", "Jane Doe", "mayor"),
    ("Yesterday deputy mayor Jane Doe said: “This is the way to build trust in the region.”", "en",
     "Jane Doe", "deputy mayor"),
    ("Daar werkt Roelof Jansen als gebiedsregisseur. ‘Ik kom elke week langs bij de boeren,’ zegt Jansen.", "nl",
     "Roelof Jansen", "gebiedsregisseur"),
])
def test_no_role_from_a_clause_that_only_looks_like_one(text: str, lang: str, speaker: str, role: str | None) -> None:
    [q] = harvest(text, lang, kinds=["quote"]).items
    assert (q.speaker, q.speaker_role) == (speaker, role)


@pytest.mark.parametrize("text, lang", [
    ("Wethouder Karin Jansen van Emmen opende het debat.\n\n‘Het is veel te duur voor ons dorp’, zei een boer uit Drenthe.", "nl"),
    ("Councillor Ann Webb opened the debate.\n\n“It is far too expensive for our village,” said a farmer.", "en"),
])
def test_an_unnamed_speaker_is_not_replaced_by_a_person_in_the_paragraph_before(text: str, lang: str) -> None:
    [q] = harvest(text, lang, kinds=["quote"]).items
    assert q.speaker is None and q.speaker_role in ("boer", "farmer")


def test_a_surname_before_the_full_name_is_the_same_person() -> None:
    """The lead names "wethouder Pietersen"; the full name comes two paragraphs later."""
    text = ("Dalmeer bouwt sneller\n\n‘We gaan het anders doen dan de afgelopen tien jaar,’ zei wethouder "
            "Pietersen maandag.\n\nDe raad stemde in met het plan. Karin Pietersen (D66) kreeg steun van vier "
            "partijen. ‘Het moet sneller en het moet eerlijker,’ zegt ze.")
    quotes = [(i.speaker, i.speaker_role) for i in harvest(text, "nl", kinds=["quote"]).items]
    assert quotes == [("Karin Pietersen", "wethouder"), ("Karin Pietersen", "wethouder")]


def test_two_full_names_with_one_surname_are_not_guessed_between() -> None:
    text = ("‘We gaan het anders doen,’ zei wethouder Pietersen maandag.\n\nKarin Pietersen en Joost Pietersen "
            "runnen samen een bakkerij. ‘Het brood is op,’ zegt Joost Pietersen.")
    speakers = [i.speaker for i in harvest(text, "nl", kinds=["quote"]).items]
    assert speakers == ["Pietersen", "Joost Pietersen"]


@pytest.mark.parametrize("text, speaker, role", [
    # "Dat zegt …" after the quote: the commonest news attribution of all
    ("De gemeente is tevreden.\n\n‘We hebben de wachtlijst in twee jaar gehalveerd.’ Dat zegt wethouder Karin Jansen.",
     "Karin Jansen", "wethouder"),
    # the listener is not the speaker
    ("Anna de Vries is wethouder in Dalmeer. ‘Het moet anders, en wel snel,’ zegt de wethouder tegen Omroep Dalmeer.",
     "Anna de Vries", "wethouder"),
    ("Anna de Vries is wethouder in Dalmeer. ‘Het moet anders, en wel snel,’ zegt De Vries tegen de krant.",
     "Anna de Vries", "wethouder"),
    # Arabic name particles
    ("Mohamed el Khatib, gezondheidsmakelaar bij de GGD, ziet het ook. ‘Mensen durven niet meer naar buiten.’",
     "Mohamed el Khatib", "gezondheidsmakelaar"),
    # "wethouder Jansen van Dalmeer": where he is from, when Jansen is the surname elsewhere
    ("‘Het is een zwarte dag voor de stad,’ zegt burgemeester Brandsma van Wolde. Brandsma wil de raad spreken.",
     "Brandsma", "burgemeester"),
    # … and a name when the first word is never used alone
    ("Programmamanager Hanna van Leeuwen ziet het als een proef. ‘Het is een zwarte dag voor ons,’ zegt ze.",
     "Hanna van Leeuwen", "programmamanager"),
])
def test_news_attributions(text: str, speaker: str, role: str) -> None:
    [q] = harvest(text, "nl", kinds=["quote"]).items
    assert (q.speaker, q.speaker_role) == (speaker, role)


def test_said_to_reporters_keeps_the_speaker() -> None:
    text = "“We will review the decision next week,” said council leader Jane Smith to reporters."
    [q] = harvest(text, "en", kinds=["quote"]).items
    assert (q.speaker, q.speaker_role) == ("Jane Smith", "council leader")


@pytest.mark.parametrize("text, speaker, role", [
    ("Sarah Jones chairs the panel. “We will not close the library,” Cllr Jones said.", "Sarah Jones", "cllr"),
    ("“We will review the decision,” Dr Smith said.", "Smith", None),
    ("“We are reviewing the decision carefully,” a spokeswoman for the trust told the Echo.", None, "spokeswoman"),
    ("Headteacher Mark Evans said: “Our pupils deserve better than a leaking roof.”", "Mark Evans", "headteacher"),
])
def test_english_news_attributions(text: str, speaker: str | None, role: str | None) -> None:
    [q] = harvest(text, "en", kinds=["quote"]).items
    assert (q.speaker, q.speaker_role) == (speaker, role)


# Shapes of real pages (issue 15): the role and the organisation as news writes them beside a name.
@pytest.mark.parametrize("text, lang, speaker, role, org", [
    # a role glued to the name after the reporting verb, also for a first name oogst does not know
    ("“Wie fietst er nu nog om over de brug bij Hoorndijk?”, vraagt Wendela Ooijevaar projectleider bij "
     "Gemeente Dalmeer.", "nl", "Wendela Ooijevaar", "projectleider", "Gemeente Dalmeer"),
    # one of a group: the role says so
    ("Roel Gerritsma is één van de vrijwilligers, die zich bezighoudt met het pontje. "
     "“Wij zijn druk bezig om het geld rond te krijgen voor een nieuw veer.”", "nl",
     "Roel Gerritsma", "één van de vrijwilligers", None),
    ("Ann Webb is one of the volunteers who run the ferry. “We are trying to raise the money for a new boat.”",
     "en", "Ann Webb", "one of the volunteers", None),
    # a party in brackets: in capitals by its shape, in words by the language's list
    ("‘Laten we nu eens lef tonen met zo’n besluit,’ stelde Wendela Kroes (CDA).", "nl",
     "Wendela Kroes", None, "CDA"),
    ("‘Laten we nu eens lef tonen met zo’n besluit,’ stelde raadslid Wendela Kroes (GroenLinks).", "nl",
     "Wendela Kroes", "raadslid", "GroenLinks"),
    ("“We cannot wait another year for these homes,” said Ann Webb (Labour).", "en", "Ann Webb", None, "Labour"),
    # … not an age, a place or a portfolio
    ("‘Laten we nu eens lef tonen met zo’n besluit,’ stelde Wendela Kroes (48).", "nl", "Wendela Kroes", None, None),
    ("‘Laten we nu eens lef tonen met zo’n besluit,’ stelde Wendela Kroes (Dalmeer).", "nl",
     "Wendela Kroes", None, None),
    ("‘Laten we nu eens lef tonen met zo’n besluit,’ zegt wethouder Bert Doorn (Wonen).", "nl",
     "Bert Doorn", "wethouder", None),
    # the role that comes with its organisation wins over a party alone
    ("‘Laten we nu eens lef tonen met zo’n besluit,’ stelde Wendela Kroes (D66). Kroes is sinds 2022 "
     "wethouder van Dalmeer.", "nl", "Wendela Kroes", "wethouder", "Dalmeer"),
    # "van" before a name is her party ("Linda Stokman van Ommerland Vooruit"), unless an apposition
    # gives the name a role
    ("‘Laten we zorgen dat de jeugd voorop staat in het plan.’ Dat was de oproep van Jorieke Brandhof, "
     "algemeen directeur van de Dalmeerse Bond, aan de wethouders.", "nl",
     "Jorieke Brandhof", "algemeen directeur", "Dalmeerse Bond"),
    # ", told councillors:" goes on with the sentence; it is no apposition
    ("Jade Moss, 31, of Hollin Lane, told councillors: “There has been no help at all since the flood.”", "en",
     "Jade Moss", None, None),
])
def test_real_page_roles(text: str, lang: str, speaker: str, role: str | None, org: str | None) -> None:
    [q] = harvest(text, lang, kinds=["quote"]).items
    assert (q.speaker, q.speaker_role, q.organisation) == (speaker, role, org)


@pytest.mark.parametrize("text, lang, speaker", [
    # an epithet names the person named before, whatever role was given to them
    ("Ombudsman Reinier van Dalen presenteerde het rapport.\n\nDe ombudsman kan zich vinden in de kritiek.\n\n"
     "„Vooral mensen met een laag inkomen verliezen het contact met de overheid”, constateert de "
     "overheidswaakhond.", "nl", "Reinier van Dalen"),
    ("Wethouder Saskia Brugman opende de school.\n\n‘Ik ben blij met het werk van de nieuwe ploeg’, zegt de "
     "54-jarige.", "nl", "Saskia Brugman"),
    ("Minister Karin Oldeboom bezocht Dalmeer. ‘We laten de regio niet in de steek,’ zegt de bewindsvrouw.",
     "nl", "Karin Oldeboom"),
    ("Headteacher Mark Evans opened the new wing.\n\n“It has taken us six years to get here,” said the "
     "54-year-old.", "en", "Mark Evans"),
    # a role noun that is no epithet stays an unnamed speaker when no one has that role
    ("Wethouder Saskia Brugman opende de school.\n\n‘Ik ben blij met het werk van de nieuwe ploeg’, zegt een "
     "leerkracht.", "nl", None),
])
def test_epithets_name_the_person_before(text: str, lang: str, speaker: str | None) -> None:
    [q] = harvest(text, lang, kinds=["quote"]).items
    assert q.speaker == speaker


@pytest.mark.parametrize("text, lang, speaker, role, org", [
    # the subject of "said:" is the name right before it, not the sentence's first name
    ("Cllr Ruth Ames, chair of the parish council, read out the letter, in which Lord Whitby of Tenbury said: "
     "“Now, of course, you would not expect to hear from me without hearing about housing.”", "en",
     "Lord Whitby", None, None),
    # where someone is from, then the apposition
    ("In a letter, Lord Whitby of Tenbury, chairman of the Rural Housing Association, made his case. "
     "Lord Whitby said: “We must build homes that villages can afford.”", "en",
     "Lord Whitby", "chairman", "Rural Housing Association"),
    ("Volgens Jan Bos uit Hoorndijk, voorzitter van de stichting Dorpsbelang, is het tijd. ‘We wachten hier al "
     "tien jaar op een nieuwe brug,’ zegt Bos.", "nl", "Jan Bos", "voorzitter", "stichting Dorpsbelang"),
])
def test_name_before_the_verb_and_origin(text: str, lang: str, speaker: str, role: str | None,
                                         org: str | None) -> None:
    [q] = harvest(text, lang, kinds=["quote"]).items
    assert (q.speaker, q.speaker_role, q.organisation) == (speaker, role, org)


def test_a_run_of_name_colon_quote_gives_each_quote_its_name() -> None:
    # a talk-show summary: "Name (organisation): ‘…’" one after another in one paragraph
    text = ("Met Co Verhoef: ‘We kunnen alleen verder als samenwerken de norm is.’ Anna Hoekstra: ‘Er is nu een "
            "tafel waar de problemen van Dalmeer-Zuid worden opgelost.’ Kristel Lammers (NP RES): ‘We komen er "
            "niet zonder pijn te lijden.’ Olga van Kalmthout (IBP Vitaal Platteland): ‘Er moet echt richting komen "
            "op het landbouwdossier.’")
    got = [(q.speaker, q.organisation) for q in harvest(text, "nl", kinds=["quote"]).items]
    assert got == [("Co Verhoef", None), ("Anna Hoekstra", None), ("Kristel Lammers", "NP RES"),
                   ("Olga van Kalmthout", "IBP Vitaal Platteland")]


def test_a_list_of_names_before_a_colon_is_no_one_speaker() -> None:
    # no quote between the names: they are one list, a group, and no one of them is the speaker;
    # the apposition's words ("gedeputeerde Energietransitie") are no speaker either
    text = ("Dat vroegen we aan onze ervaringsdeskundigen Ellen van Dijk, Jan van Gool en Samir Amrani: ‘Je ziet "
            "dat je in korte tijd dingen voor elkaar krijgt.’\n\nHuib van Eck, gedeputeerde Energietransitie: "
            "“De energietransitie is niet altijd zichtbaar, maar ik zie elke dag wat het betekent.”")
    got = [q.speaker for q in harvest(text, "nl", kinds=["quote"]).items]
    assert got == [None, "Huib van Eck"]


def test_two_people_named_together_are_no_one_speaker() -> None:
    text = ("In de podcast praten minister Hanneke Oosterbeek en raadsvoorzitter Han Pelgrim over de agenda. "
            "‘Als het maar geen afvinklijstje wordt.’\n\n"
            "Dat kan op verschillende manieren, zeggen econoom Ruud Alders en hoogleraar bestuurskunde Marjolein "
            "van der Steeg.\n\nDe adviseurs Roeland Stolk en Rob de Graaf schreven het rapport. "
            "Stolk en De Graaf zien dat een aantal gemeenten de afgelopen jaren professioneler "
            "samenwerkt.")
    items = harvest(text, "nl").items
    quote = next(i for i in items if i.kind == "quote")
    assert quote.speaker is None
    groups = [(i.speaker, i.organisation) for i in items if i.kind == "paraphrase"]
    assert groups == [(None, "Ruud Alders en hoogleraar bestuurskunde Marjolein van der Steeg"),
                      (None, "Stolk en De Graaf")]


def test_one_person_and_the_next_sentence_naming_the_words() -> None:
    text = ("Tussenbalans\n\n‘Het wordt vooral de kunst om als overheid niet in de weg te lopen’. Met deze uitspraak "
            "van burgemeester Ellen Bosman begon ons verhaal over de coöperatie.")
    [q] = harvest(text, "nl", kinds=["quote"]).items
    assert (q.speaker, q.speaker_role, q.cue) == ("Ellen Bosman", "burgemeester", "uitspraak")


@pytest.mark.parametrize("text, lang, org", [
    # an organisation or a group that speaks is the quote's organisation, with no speaker or role
    ("‘In deze gemeente is te weinig gebouwd; de woningmarkt zit op slot’, melden D66 en Dorpsbelang Veen in "
     "een gezamenlijk bericht.", "nl", "D66 en Dorpsbelang Veen"),
    ("‘We gaan de wijk samen met de bewoners opknappen,’ aldus de gemeente Dalmeer.", "nl", "gemeente Dalmeer"),
    ("“We will look again at the plans for the whole estate,” the council said.", "en", "council"),
])
def test_an_organisation_as_the_speaker(text: str, lang: str, org: str) -> None:
    [q] = harvest(text, lang, kinds=["quote"]).items
    assert (q.speaker, q.speaker_role, q.organisation) == (None, None, org)


def test_the_place_after_a_name_is_the_organisation_when_the_apposition_has_a_common_noun() -> None:
    text = ("„Het uitgeven van geld is makkelijker dan het goed uitgeven”, zegt wethouder Gijs Rutten van Grensdal, "
            "bestuurlijk trekker van de deal.")
    [q] = harvest(text, "nl", kinds=["quote"]).items
    assert (q.speaker, q.speaker_role, q.organisation) == ("Gijs Rutten", "wethouder", "Grensdal")


def test_a_quote_opening_its_paragraph_is_the_next_quotes_speaker_named_between() -> None:
    text = ("Dalmeers bekendste bioloog Frans de Wit hield deze week de jaarlezing.\n\n"
            "`We weten nog altijd meer over ruzies bij dieren dan bij mensen. Psychologen hebben er nooit zo op "
            "gelet.' En alleen daarom al is de biologie van belang voor iedereen, meent Frans de Wit. ``Net als "
            "mensen vertonen apen uiterst flexibel gedrag.''\n\n"
            "`Daar zijn we het niet mee eens, en dat zeggen we ook hardop.' Dat vindt Anna Bakker. Ook Piet de "
            "Graaf denkt er anders over, zegt Frans de Wit. ``Maar dat mag.''")
    got = [q.speaker for q in harvest(text, "nl", kinds=["quote"]).items]
    # the second paragraph names someone else between its quotes: its first quote is not borrowed
    assert got[:2] == ["Frans de Wit", "Frans de Wit"] and got[2] != "Frans de Wit"
