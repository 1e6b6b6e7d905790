"""Dutch: how Dutch journalism quotes people (see docs/harvest.md)."""
from __future__ import annotations

from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = _words("""
zegt zei zeiden zeggen gezegd zeg vertelt vertelde vertellen verteld benadrukt benadrukte belooft beloofde
benadrukken stelt stelde stellen vindt vond vinden meent meende menen denkt dacht denken
erkent erkende erkennen waarschuwt waarschuwde waarschuwen concludeert concludeerde
reageert reageerde reageren schrijft schreef schrijven beaamt beaamde verzucht verzuchtte
lacht lachte zucht zuchtte roept riep antwoordt antwoordde vraagt vroeg verklaart verklaarde
onderstreept onderstreepte constateert constateerde ziet zag weet wist hoopt hoopte
betoogt betoogde bevestigt bevestigde merkt verduidelijkt verduidelijkte vervolgt vervolgde
glimlacht glimlachte knikt knikte besluit besloot illustreert illustreerde relativeert
relativeerde nuanceert nuanceerde beklemtoont beklemtoonde voegt vult geeft legt licht
somt wijst haalt blikt kijkt stipt verwacht verwachtte vermoedt vermoedde noemt noemde
meldt meldde melden meldden
""")
_SEPARABLE = {
    "geeft": "aan", "gaf": "aan", "legt": "uit", "legde": "uit", "licht": "toe", "lichtte": "toe",
    "merkt": "op", "merkte": "op", "vult": "aan", "vulde": "aan", "voegt": "toe", "voegde": "toe",
    "somt": "op", "somde": "op", "wijst": "erop", "wees": "erop", "haalt": "aan", "blikt": "terug",
    "kijkt": "terug", "stipt": "aan", "geeft toe": "", "gaf toe": "", "laat": "weten", "liet": "weten",
    "kondigt": "aan", "kondigde": "aan", "deelt": "mee", "deelde": "mee", "maakt": "bekend", "maakte": "bekend",
}

# the fields of oogst.lang.Language that the harvest and the faithfulness check read
WORDS: dict[str, Any] = dict(
    code="nl",
    reporting_verbs=_VERBS | _words("legde lichtte merkte vulde voegde gaf somde"),
    separable_verbs=_SEPARABLE,
    attribution_words=_words("aldus"),
    according_to=("volgens", "naar eigen zeggen", "zo zegt", "zo stelt"),
    pronouns={"hij": "m", "ze": "x", "zij": "f"},
    roles=_words("""
wethouder burgemeester gedeputeerde dijkgraaf minister staatssecretaris directeur
projectleider programmamanager programmaleider gebiedsregisseur beleidsmedewerker
beleidsadviseur adviseur hoogleraar lector onderzoeker voorzitter secretaris raadslid
gemeenteraadslid statenlid fractievoorzitter ambtenaar coördinator manager teamleider
bestuurder inwoner bewoner ondernemer boer agrariër socioloog econoom bestuurskundige
woordvoerder medewerker kwartiermaker procesbegeleider griffier gemeentesecretaris
commissaris heemraad hoogheemraad burgemeesters wethouders directeur-bestuurder
bestuursvoorzitter dorpsbewoner buurtbewoner wijkagent jongerenwerker huisarts
verpleegkundige leraar docent schooldirecteur predikant architect ingenieur jurist
advocaat rechter officier journalist schrijver filosoof psycholoog historicus
planoloog stedenbouwkundige ecoloog hydroloog klimaatadviseur omgevingsmanager
accountmanager regiocoördinator netwerkcoördinator ketenregisseur ombudsman
dorpsraadvoorzitter initiatiefnemer vrijwilliger mantelzorger eigenaar oprichter
mede-oprichter partner senior promovendus student leider archivaris bestuurslid directielid
lid cio cfo ceo officier kinderburgemeester boswachter dorpscoördinator opbouwwerker
ambassadeur kwartiermaker programmadirecteur gebiedsmakelaar ouder moeder vader buurman
buurvrouw leerling scholier trainer collega woordvoerster directrice voorzitster
medewerkster adviseuse verpleegster lerares boerin eigenaresse leerkracht juf meester
rechter politierechter kinderrechter officier advocate verdachte getuige slachtoffer
conservator curator schuldhulpverlener hulpverlener bevelvoerder aanvoerder brandweercommandant
commandant agent rechercheur woordvoerster ambulancebroeder arts specialist chirurg verloskundige
apotheker tandarts dierenarts boswachter imker visser schipper kapitein piloot chauffeur
buschauffeur winkelier kruidenier bakker slager kapper horecaondernemer uitbater exploitant
dominee pastoor imam rabbijn pastor kerkrentmeester penningmeester bestuursvoorzitter
coach keeper spits verdediger middenvelder scheidsrechter topscorer clubvoorzitter
dirigent musicus kunstenaar schilder fotograaf regisseur acteur actrice zanger zangeres
wijkverpleegkundige mantelzorgster opa oma grootvader grootmoeder zoon dochter
inspecteur hoofdinspecteur directeur-generaal topambtenaar bewindsvrouw bewindsman ervaringsdeskundige""") ,
    role_suffixes=("archivaris", "specialist", "analist", "consulent", "deskundige", "wethouder", "leider", "manager", "regisseur", "adviseur", "coördinator", "medewerker",
                   "directeur", "voorzitter", "kundige", "loog", "trekker", "functionaris",
                   "secretaris", "wethouder", "ambtenaar", "bestuurder", "makelaar", "controller", "jurist",
                   "planoloog", "econoom", "griffier", "chef", "trainer", "coach", "rechter",
                   "verlener", "voerder", "commandant", "kundige", "verpleegkundige",
                   "historicus", "onderzoeker", "inspecteur", "waakhond"),
    titles=_words("prof. dr. mr. ir. drs. ing. ds. prof dr mr ir drs"),
    # "in" and "op" only with what follows them ("In 't Veld", "Op den Akker"): alone they are
    # a place ("Cultuurhuis in Doorn")
    particles=_words("van de der den ter ten te het 't ’t la le du da del von el al ben bin ibn abu")
    | frozenset({"in 't", "in ’t", "in het", "in de", "op de", "op den", "op 't", "op ’t", "op het"}),
    organisation_words=_words("""
gemeente gemeenten provincie provincies waterschap waterschappen hoogheemraadschap
ministerie rijk rijkswaterstaat vng ipo uvw ggd woningcorporatie corporatie stichting
vereniging universiteit hogeschool regio veiligheidsregio omgevingsdienst programma
deal bureau raad college kabinet kamer tweede eerste platform netwerk coöperatie
bv nv team afdeling dienst directie organisatie organisaties werkorganisatie
samenwerkingsverband verband coalitie alliantie omroep krant dagblad rtv nos aanbieder
zorggroep groep instelling bedrijf ziekenhuis school club fonds partij fractie bond federatie
museum bibliotheek""") ,
    not_names=_words("""
De Het Een En Maar Als Dan Dat Dit Die Deze Daar Hier Er Toen Ook Nog Wel Niet Want
Volgens Wat Wie Waar Waarom Hoe Welke Zo In Op Met Voor Na Bij Tot Uit Over Onder
Tussen Door Om Aan Van Ze Zij Hij Wij We Je Jij Ik U Jullie Hun Hen Mijn Zijn Haar
Ons Onze Hun Men Alle Veel Meer Minder Geen Elke Ieder Iedere Sinds Zonder Tijdens
Omdat Terwijl Hoewel Nadat Voordat Zodat Of Nu Toch Juist Vooral Samen Steeds
Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December
Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Nederland Rijk Kamer
Gemeente Provincie Waterschap Ministerie Regio Deal City Het Programma Interbestuurlijk
Provinciale Staten Tweede Eerste Raad State Kamer Gedeputeerde Rijksoverheid Nationale
Eerst Daarna Later Vervolgens Bovendien Daarom Dus Kortom Tot Slot Ja Nee Oké Tip Tips
""")
    ,
    first_names=_words("""
Aad Aafke Aart Abdel Abdelkader Abdel Ad Adriaan Ahmed Aisha Ali Alex Alexander Amber
Amy Anna Anne Annelies Anneke Annemarie Annemiek Anouk Ans Anton Arie Arjan Arjen Arnold
Astrid Bart Bas Bastiaan Beatrix Ben Bert Bernard Bianca Bram Brenda Carla Carlijn
Caroline Cees Charlotte Chris Christiaan Claudia Corné Corrie Daan Daniëlle Danielle
David Dennis Dick Dirk Dirkje Dominique Edwin Eline Elise Ellen Els Emma Erik Erwin
Esther Eva Evelien Ewout Fatima Femke Floor Floris Frank Frans Freek Frits Gerard
Gerben Gert Gerrit Gijs Gert-Jan Greet Gerda Hamid Hanneke Hans Harm Harold Hassan
Hein Hendrik Henk Herman Hilde Huub Ilse Inge Ingrid Iris Jaap Jacob Jan Janneke Jannie
Jasper Jelle Jeroen Jesse Joost Joris Jos José Joyce Judith Julia Karin Karel Kees
Khadija Klaas Koen Laura Leo Lieke Lisa Lotte Louise Lucas Luuk Maarten Machteld Manon
Marco Margreet Maria Marieke Marije Marijke Marijn Marinus Mark Marloes Marleen Martijn
Martin Mathijs Maud Maurice Max Meike Mehmet Merel Michiel Mieke Mirjam Mohamed Monique
Naima Nadia Nicole Niels Nienke Noor Olga Otto Paul Peter Petra Piet Pieter Pim
Priscilla Rachid Ralph Ramon Rens Riek Rik Rina Rob Robbert Robert Roel Roelof Ronald
Rosa Ruben Rutger Ruud Sander Sandra Sanne Saskia Sem Sietse Simone Sjoerd Sofie Sophie
Stefan Stijn Suzanne Sven Teun Thijs Thomas Tim Tineke Tom Ton Twan Vera Victor
Vincent Wendy Wessel Wietske Willem Wim Wouter Yasmina Yusuf Zeynep Mila Fleur Jolanda
Ingeborg Hester Jikke Marit Sjaak Jelte Tjeerd Wiebe Hilbrand Sietske Geert Harrie
Ria Loes Ineke Mariska Gijsbert Hugo Olaf Ewald Annet Marga Yvonne Ilona Mustafa Samira
Fenna Roos Lars Julian Jorien Joke Truus Corine Onno Marjan Marjolein Koos Kees-Jan Wim-Jan
Hennie Gerrie Jannes Jurre Mees Sten Tygo Ilse Iris Famke Jet Pien Noortje Lieke Janine
Joost Jurgen Jochem Jeroen Evert Egbert Gerrit-Jan Albert Alwin Arnoud Auke Bauke Bouke Douwe
Durk Fokke Gosse Hidde Hylke Jelmer Klaas-Jan Lolke Minne Oene Pier Sjoerd Tjalling Ype
Aukje Baukje Froukje Grietje Hiltje Janke Jeltje Klaasje Lysbeth Mintsje Sjoukje Tjitske Yfke
Farah Samir Kemal Yilmaz Fatma Emre Murat Ayse Elif Mohammed Youssef Soufiane Nordin Bilal
Sabine Daphne Esmee Femke Fleur Isa Jade Lynn Mila Nina Noa Tess Zoë Liam Noah Finn Levi
Dirk-Jan Jan-Willem Pieter-Jan Jan-Peter Anne-Marie Marie-José Marie-Louise Hans-Peter
Greet Trees Mien Riet Toos Nel Dini Gonnie Hilda Wilma Bep Annie Henny Mies Miep Cor Gijs
Thijs Bas Ruud Rob Rik Erwin Arno Ard Pim Jop Job Stan Luc Guus Ties Ward Bram Freek Hessel
Frederik Hendrikus Johannes Wilhelmus Cornelis Jacobus Petrus Theodorus Gerardus Antonius
Hanna Hannah Dewi Demi Anouk Iris Jesse Luuk Milan Sem Daan Ruben Thijs Ilse Mirjam Wilco
Hiske Jildou Trijntje Sevgi Greetje Gerben Annemiek Inge Ramon Evert Jikke Sjoukje Wypkje Baukje
Jitske Anke Akke Durkje Geeske Hiltsje Ytsje Tjitske Sytske Rixt Marrit Wiebren Jelmer Sybren
Hidde Ruurd Jouke Meindert Harmen Roelie Aaltje Geertje Hillie Jantje Mina Tjerk Folkert
Ayşe Sevda Esra Zeynep Büşra Hatice Emine Merve Kübra Deniz Burak Mert Hakan Serkan Volkan
Ahmet Ali Osman Hüseyin İbrahim Mehmet Mustafa Yusuf Hamza Bilal Ilias Imane Salma Latifa
Nora Rachida Hanane Loubna Souad Karima Malika Fouad Driss Hassan Karim Khalid Nabil Rachid Said
Redouan Samir Youssef Ayoub Anass Noah Adam Ravi Sunita Priya Anil Rajesh Shanti Guno Ricardo
Rudi Roy Sharon Wendy Shirley Gracia Chantal Melvin Clarence Errol Orlando Romano Dewi Putri
Laurens Lodewijk Reinier Sebastiaan Willemijn Josefien Marieke Machteld Fenneke Fleur Ilona
Wilco Martine Ingrid Anja Petra Ria Ellen Gerda Gea Henk Harry Gerrit Jacob Klaas Nico Peter
Maarten Marten Michel Marcel Patrick Richard Roland Ronald Theo Timo Tobias Walter Werner Mireille Kirsten Wilma Trudy Jacqueline Gonny Bertine
""") ,
    takeaway_headings=("in 1 minuut", "in één minuut", "in een minuut", "in het kort",
                       "samenvatting", "de kern", "kort samengevat", "in vogelvlucht",
                       "belangrijkste punten", "de belangrijkste punten", "kernpunten",
                       "bevindingen", "de bevindingen", "conclusies", "key takeaways",
                       "conclusie", "belangrijkste conclusies", "de belangrijkste conclusies",
                       "hoofdpunten", "kernboodschappen", "wat je moet weten", "samengevat",
                       "in een notendop", "het belangrijkste", "wat moet je weten",
                       "belangrijkste inzichten", "de belangrijkste inzichten", "inzichten",
                       "belangrijkste uitkomsten", "de belangrijkste uitkomsten", "uitkomsten",
                       "belangrijkste bevindingen", "de belangrijkste bevindingen", "kort gezegd"),
    advice_headings=("lessen", "tips", "aanbevelingen", "wat we leerden", "wat we hebben geleerd",
                     "geleerde lessen", "lessons learned", "adviezen", "do's en don'ts",
                     "tips en tricks", "handvatten", "succesfactoren", "aandachtspunten",
                     "leerpunten", "zo pak je het aan", "tien geboden", "vuistregels",
                     "stappenplan", "aan de slag", "wat kun je doen", "wat kunt u doen", "zo doe je dat",
                     "lessen uit", "tips voor", "praktische tips", "onze tips", "onze aanbevelingen",
                     "aanbevelingen voor", "lessen voor", "wat werkt", "tips van"),
    advice_starts=_words("""
zorg zoek ken durf investeer betrek stop begin neem maak geef houd hou wees blijf
leer organiseer kies denk werk bouw deel vraag luister gun accepteer benut regel
onderzoek bespreek start creëer bepaal verbind breng laat pak test stel spreek
erken koester vier verken formuleer veranker richt ga doe kijk plan probeer vertrouw
help schep voorkom vermijd let besteed sluit registreer reserveer oefen meet evalueer
documenteer communiceer informeer betaal budgetteer toets controleer publiceer
zet leg koppel identificeer bedenk inventariseer analyseer schakel stimuleer ondersteun
faciliteer borg hanteer benoem beperk vergroot vereenvoudig versterk beloon waardeer
investeer vergeet onthoud realiseer omarm wissel volg bewaak prioriteer beslis voeg
ontwikkel zoek heb geef hou houd stem baken verdeel bundel experimenteer""") ,
    leading_conjunctions=_words("en maar"),
    imperative_followers=_words("dat ervoor er het elkaar jezelf je de een niet nooit altijd goed vooral samen ook op in"),
    example_openers=_words("neem kijk"),
    # list introductions ("Een greep uit de voorstellen …:", "Met deze tips …:"), see harvest/boxes.py
    takeaway_intros=("greep uit", "conclusies", "bevindingen", "op een rij", "belangrijkste punten",
                     "kernpunten", "hoofdpunten", "in het kort", "samengevat", "in 1 minuut",
                     "key takeaways", "key take-aways"),
    advice_intros=("tips", "lessen", "aanbevelingen", "adviezen", "aandachtspunten", "leerpunten",
                   "vuistregels", "succesfactoren", "handvatten", "do's en don'ts", "geleerde lessen"),
    example_particles=_words("maar bijvoorbeeld nou"),
    ambiguous_imperatives=_words("vier acht"),
    normative_inside=(
        r"is het (?:(?:dus|daarom|wel|ook|echt|heel|erg|zeer|vooral|extra|dan) )*(?:belangrijk|essentieel|cruciaal|"
        r"nodig|noodzakelijk|zaak|verstandig|raadzaam|aan te raden|wenselijk|aanbevolen) (?:om|dat|te)",
        r"het is (?:(?:dus|daarom|wel|ook|echt|heel|erg|zeer|vooral|extra) )*(?:belangrijk|essentieel|cruciaal|"
        r"nodig|noodzakelijk|zaak|verstandig|raadzaam) (?:om|dat|te|\w+ [^.;:]{0,120}\bte \w+)",
        r"(?:doe|kun|kan) je (?:(?:dus|daarom|ook|echt|maar) )*beter",
        r"is (?:(?:dus|daarom|ook|vooral) )*van (?:groot |essentieel |wezenlijk |cruciaal )?belang (?:om|dat)",
        r"(?:is|zijn) [^.;:]{0,160}\bvan (?:groot |essentieel |wezenlijk |cruciaal )?belang[.!]?$",
    ),
    normative_triggers=("belang", "nodig", "zaak", "verstandig", "raadzaam", "essentieel", "cruciaal", "raden",
                        "wenselijk", "aanbevolen", "beter"),
    thought_verbs=_words("hoopt hoopte hopen hoopten ziet zien zag zagen vreest vrezen vreesde vreesden"),
    object_pronouns=_words("hem haar hen hun"),
    byline_labels=_words("auteur auteurs tekst door foto foto's fotografie beeld interview redactie illustratie"),
    paraphrase_verbs=_words("""constateren constateerden concluderen concludeerden benadrukten stelden erkenden
waarschuwden schreven vertelden betogen betoogden bepleit bepleiten pleit pleitte pleiten motiveerde motiveert
motiveerden beweert beweerde beweren verklaren verklaarden onderstrepen beklemtonen menen meenden"""),
    collective_sources=_words("""gemeenten provincies waterschappen partijen fracties raden adviesraden
corporaties woningcorporaties organisaties instellingen vakbonden bonden ministeries coalitiepartijen
oppositiepartijen indieners initiatiefnemers onderzoekers deskundigen experts wetenschappers critici
betrokkenen organisatoren bewoners inwoners ondernemers"""),
    document_words=_words("""rapport rapportage onderzoek studie brief nota notitie analyse evaluatie peiling
enquête cijfers advies plan visie document evaluatierapport"""),
    announcement_verbs=_words("""laat liet lieten laten verwacht verwachtte verwachten meldt meldde melden deelt deelde
kondigt kondigde maakt maakte informeert informeerde"""),
    normative_patterns=(
        r"het is (?:(?:wel|echt|heel|erg|vooral|dus|ook|daarom) )?(?:belangrijk|essentieel|cruciaal|nodig|zaak|"
        r"verstandig|goed|slim|raadzaam|noodzakelijk) (?:om|dat|te)",
        r"je moet", r"we moeten", r"jullie moeten", r"wij moeten", r"men moet",
        r"je kunt beter", r"het loont (?:om|te)", r"het helpt (?:om|als)", r"het werkt beter",
        r"(?:een )?belangrijke les(?: is|:)", r"de les (?:is|was|luidt)", r"de les:", r"les \d",
        r"het is de kunst", r"het is raadzaam", r"wie .{3,40}, moet",
    ),
    paraphrase_conjunctions=_words("dat hoe of waarom wat welke wanneer"),
    stopwords=_words("""sinds al ook nu inmiddels jaar jaren maanden toen daar hier nog twee drie vier vijf zes zeven acht negen tien
elf twaalf twintig dertig veertig vijftig eerder ruim bijna ongeveer eerst
heeft had hebben hadden wordt werd worden werden was waren zal zullen zou zouden kan kon kunnen moet moest
moeten wil wilde willen mag mocht"""),
    function_words=_words("de het een en van in op te dat die is voor met zijn niet aan er om ook als maar bij dan nog wel naar of uit door over tot je we ze hij zij ik tegen zijn haar hun onze ons mijn"),
    attribution_openers=_words("zo"),
    demonstratives=_words("dat dit deze die"),
    epithets=("waakhond", "bewindsvrouw", "bewindsman", "bewindspersoon", "burgervader", "burgermoeder", "jarige"),
    speech_prepositions=_words("met"),
    speech_nouns=_words("oproep reactie woorden boodschap conclusie waarschuwing antwoord uitspraak slotsom oordeel verzuchting"),
    speech_of=_words("van"),
    addressee_words=_words("tegen"),
    introductions=("aan het woord is", "aan het woord zijn"),
    multiword_roles=("officier van justitie", "commissaris van de koning", "lid van de raad van bestuur",
                     "voorzitter van de raad van bestuur", "lid van de tweede kamer", "lid van de gemeenteraad"),
    definite_articles=_words("de het"),
    indefinite_articles=_words("een"),
    honorifics=_words("mevrouw meneer mevr. dhr. mw."),
    title_cues=_words("""rapport rapportage nota notitie documentaire film serie boek bundel plan
programma visie campagne project onderzoek getiteld titel heet genaamd tentoonstelling
voorstelling podcast lied album actieplan beleidsplan handreiking"""),
    role_modifiers=_words("""voormalig voormalige waarnemend waarnemende oud interim plaatsvervangend plaatsvervangende
senior algemeen financieel provinciaal gemeentelijk regionaal landelijk strategisch technisch
bijzonder emeritus"""),
    role_modifier_endings=("e",),
)

# -- the faithful-shortening check (check.py) -------------------------------------------------
WORDS.update(
    negations=_words("""niet geen nooit nimmer noch zonder niets niks niemand nergens geenszins
allerminst evenmin nauwelijks amper"""),
    number_words=_words("""nul één eén twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien
zestien zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd
duizend miljoen miljard biljoen tientallen honderden duizenden miljoenen miljarden half halve helft kwart
anderhalf anderhalve dubbel dubbele driekwart procent"""),
    number_joiners=("en", "ën"),
    quantifiers=_words("""alle allemaal alles elk elke ieder iedere iedereen sommige sommigen enkele enkelen
meeste meesten alleen slechts enkel uitsluitend hooguit hoogstens minstens tenminste bijna vrijwel
nagenoeg weinig weinigen minste"""),
    conditions=_words("als indien tenzij mits zolang wanneer zodra ingeval"),
    contrast_words=_words("maar doch wel juist integendeel"),
    clause_joiners=_words("en of maar want dus"),
)

# -- more of the harvest's words (people.py, kinds.py, text.py, speakers.py) --------------------
WORDS.update(
    organisation_joiners=_words("van voor en de der den"),
    role_prepositions=_words("in"),
    role_enders=_words("bij van in voor namens aan op en die sinds"),
    as_words=_words("als"),
    coordinators=_words("en &"),
    inside_role=_words("van voor bij"),
    affiliation_words=_words("van uit bij"),
    place_words=_words("van uit in"),
    relative_pronouns=_words("die wie"),
    not_speech_verbs=_words("lacht ziet zag weet wist kijkt knikt glimlacht vraagt vroeg hoopt zucht besluit besloot"),
    naming_verbs=_words("noemt noemde noemen"),
    complementizers=_words("dat"),
    opinion_verbs=_words("vindt meent denkt"),
    clause_continuers=_words("dat maar en want omdat"),
    person_suffixes=("vrouw", "man"),
    opening_adverbs=_words("daarom ook daarnaast verder bovendien maar en liefst inmiddels nu toch wel zelfs"),
    group_numbers=_words("twee drie vier vijf zes zeven acht negen tien beide alle veel enkele"),
    possessives=_words("zijn haar"),
    predicates=(r"is sinds \d{4}", r"is sinds [\w ]{1,20}?", r"is al [\w ]{1,20}?", "is", "was", "werd", "wordt",
                "werkt als"),
    member_of=("één van de", "een van de"),  # after a plain predicate: "is één van de vrijwilligers"
    party_words=_words("groenlinks christenunie volt denk leefbaar lokaal gemeentebelangen partij dorpsbelangen"),
    works_verbs=_words("werkt werkte"),
    bare_role_enders=_words("bij van voor in"),
    organisation_prepositions=_words("van bij"),
    origin_particles=_words("van uit"),
    own_account=("naar eigen zeggen",),
    item_labels=_words("stap tip les advies aanbeveling"),
    box_labels=_words("regel conclusie bevinding"),
    abbreviations=("dr", "drs", "mr", "ir", "ing", "prof", "mevr", "dhr", "mw", "bijv", "bv", "o.a", "m.n", "d.w.z",
                   "e.d", "etc", "i.p.v", "t.o.v", "incl", "excl", "ca", "nr", "vs", "St", "art", "jl", "blz", "p"),
    name_abbreviations=("dr", "Dr", "mr", "ir", "drs", "prof", "Prof", "St"),
)
