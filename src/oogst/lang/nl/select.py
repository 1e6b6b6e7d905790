"""Dutch: the selection's words (relevance, quotability, titles, notes for the editor)."""
from __future__ import annotations

from oogst.lang.lexicon import Lexicon
from oogst.lang.nl.render import MONTHS

_NL_STOP = """
aan al alle alles als altijd andere ben bij daar daarom dan dat de der deze die dit doch doen door
dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets
ik in is ja je jij jou jouw jullie kan kon kunnen maar me meer men met mij mijn moet na naar niet
niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch toen tot u uit uw van veel
voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zei zelf zich zij zijn zo
zonder zou zegt zeggen gaat gaan komt komen laat laten moeten wordt waar heel echt vooral zeker
elkaar elkaars daarbij daarmee dingen ding soms vaak steeds juist even zoals eigenlijk gewoon
tussen voordat nadat alleen anders waarbij volgens binnen buiten sinds tijdens vooraf welke
zegt zei aldus iedereen niemand ander andere
wees maak neem geef ga doe kom zet breng blijf houd hou houden
""".split()

LEXICON = Lexicon(
    language="nl",
    stemmer="dutch_porter",  # the newer "dutch" stemmer strips ge-: gemeente → meen
    stopwords=frozenset(_NL_STOP),
    back_pointers=frozenset(
        "dat daarom dit die deze hij ze zij daardoor daarna daarmee daarbij bovendien ook toen "
        "dus zo en maar verder daar hierdoor hiermee hierbij zulke zo'n zo’n".split()
    ),
    weak_back_pointers=frozenset("het hun haar zijn".split()),
    generic_voice=frozenset("je jij jullie we wij ons onze jouw u".split()),
    contrast=frozenset("maar juist wel toch echter integendeel tegelijk".split()),
    evaluation=frozenset(
        "belangrijk belangrijker belangrijkste moet moeten essentieel cruciaal nodig beter "
        "waardevol lastig moeilijk durf durven leer leren zorg vertrouwen".split()
    ),
    contrast_pairs=(("niet", "maar"), ("geen", "maar")),
    linking=("s", "en", "e"),
    months=MONTHS,
    halves=("eerste helft", "tweede helft"),
    and_word="en",
    through_word="t/m",
    half_template="de {half} van {year}",
    title_template="Wat zeiden jullie {when} over {topic}?",
    open_title_template="Wat zeiden jullie {when}?",
    in_word="in",
    on_word="op",
    key_terms_template="{a} en {b}",
    subordinators=frozenset("als wanneer omdat doordat hoewel zodra terwijl of dat want door".split()),
    finite_verbs=frozenset(
        "is zijn ben bent was waren heeft hebben heb hebt had hadden wordt worden word werd werden "
        "kan kun kunt kunnen kon konden moet moeten moest moesten wil wilt willen wilde wilden wou "
        "mag mogen mocht mochten zal zult zullen zou zouden gaat gaan ga ging gingen komt komen kom "
        "kwam kwamen doet doen doe deed deden zegt zeggen zeg zei zeiden weet weten wist wisten "
        "staat staan stond stonden ziet zien zie zag zagen blijft blijven bleef bleven blijkt bleek "
        "bleken krijgt krijgen kreeg kregen geeft geven gaf gaven neemt nemen nam namen vindt vinden "
        "vond vonden denkt denken dacht dachten laat laten liet lieten ligt liggen lag lagen zit "
        "zitten zat zaten houdt houden hield hielden helpt helpen hielp werkt werken betekent "
        "loopt liep liepen begint begon begonnen".split()
    ),
    past_verbs=frozenset(
        "was waren had hadden werd werden kon konden moest moesten wilde wilden wou mocht mochten "
        "ging gingen kwam kwamen deed deden zei zeiden wist wisten stond stonden zag zagen bleef "
        "bleven bleek bleken kreeg kregen gaf gaven nam namen vond vonden dacht dachten liet lieten "
        "lag lagen zat zaten hield hielden hielp liep liepen begon begonnen bood boden belde belden "
        "vertelde vertelden besloot besloten kocht kochten zocht zochten bracht brachten".split()
    ),
    subject_pronouns=frozenset("ik je jij hij zij ze we wij jullie u men".split()),
    plural_pronouns=frozenset("we wij ze zij jullie".split()),
    articles=frozenset("de het een die deze dit dat onze ons mijn jouw hun haar zijn elk elke alle".split()),
    answer_openers=frozenset(
        "omdat doordat door zodat want in bij met minder meer vooral ja nee zeker natuurlijk "
        "eigenlijk vanwege dankzij".split()
    ),
    narrative_markers=frozenset("toen daarna vervolgens later destijds ooit gisteren vorige vorig laatst".split()),
    number_words=frozenset(
        "twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig "
        "honderd duizend miljoen keer procent euro".split()
    ),
    announcements=(r"\b(?:vertelt|vertellen|vertelde|legt uit|blikt terug|gaat in op|spreekt over|praat over)\b.{0,40}\b(?:wat|hoe|waarom|over)\b",),
    object_pronouns=frozenset("het dat dit".split()),
    after_object=frozenset(
        "kunnen moeten willen mogen zullen niet wel ook nog al toch gewoon zelf nooit meteen echt en maar "
        "eerst allemaal zelden liever graag".split()
    ),
    greetings=(
        r"^(?:welkom|hartelijk welkom|goede(?:morgen|middag|navond)|hallo|hoi|beste (?:mensen|kijkers|luisteraars)|"
        r"dames en heren|dank (?:je|u) wel|bedankt)\b",
    ),
    programme_talk=(
        r"\b(?:dit|deze|het|ons) (?:webinar|congres|seminar|programma|live-?stream|podcast|talkshow|sessie|"
        r"bijeenkomst|uitzending|gesprek van vandaag)\b",
        r"\b(?:in de chat|via de chat|de q&a|een poll|de poll|in beeld|mijn naam is|ik geef het woord|"
        r"we gaan (?:nu|straks|zo|beginnen|verder)|straks|zo meteen|tot zo|na de pauze|dames en heren|"
        r"net hadden we het over|zoals ik net zei|ben je (?:er|al)|hoor je mij|kun je mij horen)\b",
    ),
    bylines=(r"^(?:tekst|foto|fotografie|beeld|interview|redactie)\s*:", r"^door [A-ZÀ-Ý]", r"^©"),
    caption_lines=(r"^\s*(?:beeld|foto|fotografie|illustratie|credits?)\s*[:©]", r"^\s*(?:portret)?foto\b", r"©"),
    notes=(  # (key, singular, plural)
        ("undated", "{n} document zonder datum weggelaten", "{n} documenten zonder datum weggelaten"),
        ("outside", "{n} document buiten de periode", "{n} documenten buiten de periode"),
        ("partial", "{n} document te grof gedateerd voor de periode", "{n} documenten te grof gedateerd voor de periode"),
        ("off_topic", "{n} uitspraak uit die artikelen weggelaten", "{n} uitspraken uit die artikelen weggelaten"),
        ("broken", "{n} uitspraak overgeslagen: document ontbreekt of de tekst klopt niet",
         "{n} uitspraken overgeslagen: document ontbreekt of de tekst klopt niet"),
        ("duplicates", "{n} bijna gelijke uitspraak weggelaten", "{n} bijna gelijke uitspraken weggelaten"),
        ("empty", "geen uitspraken over het onderwerp in deze periode", ""),
        ("no_tip", "de les ‘{title}’ heeft geen advies als tip", ""),
        ("no_title", "geef de les ‘{title}’ een titel: er viel er geen uit het advies te halen", ""),
        ("out_of_scope", "{n} artikel uit de periode gaat niet over het onderwerp en is weggelaten",
         "{n} artikelen uit de periode gaan niet over het onderwerp en zijn weggelaten"),
    ),
    title_cuts=frozenset(
        "en maar zodat want om voordat nadat als zoals ook dan die dat wat waar wie hoe welke waarmee "
        "waardoor of zonder niet tot".split()
    ),
    title_trailing=frozenset(
        "van in op aan met voor naar bij door over uit tot om te de het een en of je jouw uw "
        "hun zijn haar er al nog wel niet ook goed echt".split()
    ),
    verb_particles=frozenset("mee op uit aan af in door over terug toe vast voor na bij weg samen".split()),
    title_placeholder="[titel voor les {n}]",
    finite_suffixes=("t",),
    verb_suffixes=("en",),  # kennen, werken
    past_endings=("de", "te", "den", "ten"),  # werkte, maakten
    past_endings_not=("ste",),  # beste, eerste
    imperative_from_stem=True,
    apposition_word="als",
    title_possessives=frozenset("elkaars elkaar je jouw uw jullie hun".split()),
    clause_openers=frozenset("wat wie hoe welke waar waarom wanneer waarmee waardoor die dat of".split()),
    thin_words=frozenset("vooraf altijd samen vaak eerst meteen goed echt wel elkaar dat het".split()),
    title_back_words=frozenset(
        "daarbij daarmee daarom daardoor daarna daarvoor daarin daarop daarover hierbij hiermee hierdoor "
        "hiervoor hierin hierop bovendien verder eveneens dezelfde zo'n zo’n".split()
    ),
    title_imperatives=frozenset(
        "vertel schrijf nodig toon luister spreek laat geef ga wees ken durf leer weet zie hoor vraag "
        "houd hou betrek deel zoek maak begin stop kies zet neem".split()
    ),
    title_frames=(
        r"^(?:zorg|zorgt|let op) (?:er ?voor )?dat (?:je|jij|jullie|u|we|wij) (?P<rest>[^,;:.!?]+)",
    ),
    infinitive_frames=(
        r"(?:^|\bhoe )(?:het is )?(?:(?:wel|echt|heel|erg|vooral|dus|ook|daarom|zo) )?(?:belangrijk|essentieel|cruciaal|nodig|zaak|"
        r"verstandig|slim|raadzaam|noodzakelijk)(?: het)?(?: is)? om (?P<rest>[^,;:.!?]+?) te (?P<verb>[a-zà-ÿ]+)(?P<tail>[^,;:.!?]*)",
    ),
    imperative_irregular=(
        ("bent", "wees"), ("ben", "wees"), ("zijn", "wees"), ("is", "wees"), ("hebt", "heb"), ("heeft", "heb"),
        ("hebben", "heb"), ("komen", "kom"), ("gaan", "ga"), ("staan", "sta"), ("doen", "doe"), ("zien", "zie"),
        ("slaan", "sla"), ("weten", "weet"),
        ("gaat", "ga"), ("staat", "sta"), ("slaat", "sla"), ("ziet", "zie"), ("doet", "doe"), ("kunt", "kun"), ("geven", "geef"), ("blijven", "blijf"), ("durven", "durf"),
    ),
    no_title_verbs=frozenset("kan kunt kunnen mag mogen moet moeten wil wilt willen zal zult zullen wordt worden".split()),
    normative_cues=(
        r"\b(?:moet|moeten|zou(?:den)? moeten)\b(?! (?:zij|ze|hij|ik|we|wij|jullie)\b)",  # not "moeten zij …" (what they must do)
        r"\b(?:pleit|pleiten|bepleit|adviseert|adviseren|raadt|beveelt|aanbeveling)\b",
        r"\b(?:belangrijk|essentieel|cruciaal|noodzakelijk|zaak) (?:het )?(?:is )?(?:om|dat)\b",
    ),
)
