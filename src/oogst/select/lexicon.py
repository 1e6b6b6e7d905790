"""Language knowledge for selection, as data: one ``Lexicon`` per language.

Adding a language is adding an entry to ``LEXICONS`` (word lists, stemmer name, period words).
Everything is lowercase; multi-word cues are matched on whole words.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    stemmer: str  # a snowballstemmer algorithm name
    stopwords: frozenset[str]
    back_pointers: frozenset[str]  # first words that point back to earlier text
    weak_back_pointers: frozenset[str]  # first words that often, not always, point back
    generic_voice: frozenset[str]  # generic first/second person: je, we, you
    contrast: frozenset[str]
    evaluation: frozenset[str]
    contrast_pairs: tuple[tuple[str, str], ...]  # "niet … maar"
    linking: tuple[str, ...]  # linking letters inside compounds (samenwerking-s-verband)
    months: tuple[str, ...]
    halves: tuple[str, str]
    and_word: str
    through_word: str
    half_template: str  # "{half} van {year}"
    title_template: str  # "Wat zeiden jullie {when} over {topic}?"
    in_word: str
    on_word: str
    key_terms_template: str  # lesson title built from two key terms
    subordinators: frozenset[str]  # a clause starting with one is no lesson title ("Als je …")
    # --- statement shape: fragments, anecdotes, references back (quotability) ---
    finite_verbs: frozenset[str] = frozenset()  # frequent finite forms: is, heeft, kan, wordt …
    past_verbs: frozenset[str] = frozenset()  # frequent simple-past forms: was, had, kwam, ging …
    subject_pronouns: frozenset[str] = frozenset()  # the word after one is a finite verb
    plural_pronouns: frozenset[str] = frozenset()  # "-en" next to one is a finite verb (we kennen)
    articles: frozenset[str] = frozenset()  # a word right after one is not a verb
    answer_openers: frozenset[str] = frozenset()  # a first sentence starting so, without a comma, is an answer fragment
    narrative_markers: frozenset[str] = frozenset()  # toen, daarna: a story is being told
    number_words: frozenset[str] = frozenset()
    announcements: tuple[str, ...] = ()  # regexes: the text announces what someone says ("X vertelt wat …")
    object_pronouns: frozenset[str] = frozenset()  # "het", "dat" as object: refers back
    after_object: frozenset[str] = frozenset()  # words that show the pronoun before them is an object
    # --- what an editor never prints: greetings, programme talk, bylines, captions ---
    greetings: tuple[str, ...] = ()  # regexes on the start of the text
    programme_talk: tuple[str, ...] = ()  # regexes: the speaker talks about the event, not the matter
    bylines: tuple[str, ...] = ()  # regexes on the start of the text: "Tekst: …", "Door …"
    caption_lines: tuple[str, ...] = ()  # regexes on a line next to the item: "Beeld: …", "Foto …"
    # --- notes shown to the editor, per count ---
    notes: tuple[tuple[str, str, str], ...] = ()  # (key, singular, plural) with {n}, {title}
    # --- lesson titles: a short imperative cut from advice ---
    title_cuts: frozenset[str] = frozenset()  # a title may end before one: en, maar, zodat, die, wat
    title_trailing: frozenset[str] = frozenset()  # a title may not end with one: van, de, te
    verb_particles: frozenset[str] = frozenset()  # "neem … mee": a clause ending so is not cut
    # --- lesson titles built from key terms: an actionable phrase ---
    # --- a lesson no title could be cut for: a visible mark for the editor ---
    title_placeholder: str = "[title for lesson {n}]"
    # --- titles from advice in other words: "Zorg dat je X kent" → "Ken X" ---
    # regexes whose group "rest" holds "<object …> <verb>" (verb last, subordinate order) or,
    # with group "verb", "<verb> <object …>" (an infinitive clause: "om van elkaar te weten")
    title_frames: tuple[str, ...] = ()
    title_imperatives: frozenset[str] = frozenset()  # imperatives a title may start with, beyond the harvester's advice starts
    title_back_words: frozenset[str] = frozenset()  # "Let daarbij op …": a title with one leans on text before it
    clause_openers: frozenset[str] = frozenset()  # a title cut after one ends inside a clause ("Vertel wat bewoners …")
    thin_words: frozenset[str] = frozenset()  # "Weet vooraf", "Spreek af": a verb and one of these says too little
    infinitive_frames: tuple[str, ...] = ()
    imperative_irregular: tuple[tuple[str, str], ...] = ()  # verb form → imperative
    no_title_verbs: frozenset[str] = frozenset()  # modals and auxiliaries: no title from them
    # --- a takeaway or paraphrase that recommends something can be a lesson's tip ---
    normative_cues: tuple[str, ...] = ()  # regexes
    open_title_template: str = "What did you say {when}?"  # the digest's title without a topic


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

_EN_STOP = """
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she should
so some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you
your yours yourself yourselves said says say also really each other must need between
within without among everyone
""".split()

NL = Lexicon(
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
    months=(
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
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

EN = Lexicon(
    language="en",
    stemmer="english",
    stopwords=frozenset(_EN_STOP),
    back_pointers=frozenset(
        "that this these those he she they so therefore thus also then and but hence such".split()
    ),
    weak_back_pointers=frozenset("it its their his her".split()),
    generic_voice=frozenset("you your we our us".split()),
    contrast=frozenset("but rather instead however actually yet".split()),
    evaluation=frozenset(
        "important essential crucial must should need needs better valuable hard difficult "
        "dare learn trust".split()
    ),
    contrast_pairs=(("not", "but"), ("no", "but")),
    linking=(),
    months=(
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    halves=("first half", "second half"),
    and_word="and",
    through_word="to",
    half_template="the {half} of {year}",
    title_template="What did you say {when} about {topic}?",
    open_title_template="What did you say {when}?",
    in_word="in",
    on_word="on",
    key_terms_template="{a} and {b}",
    subordinators=frozenset("if when because although while as since whether that".split()),
    finite_verbs=frozenset(
        "is are am was were has have had does do did can could will would shall should must may "
        "might goes went comes came says said knows knew takes took gives gave makes made works "
        "helps means seems thinks thought".split()
    ),
    past_verbs=frozenset(
        "was were had did could went came said knew took gave made thought found saw told got "
        "began became called asked offered".split()
    ),
    subject_pronouns=frozenset("i you he she we they".split()),
    plural_pronouns=frozenset(),
    articles=frozenset("the a an this that these those our my your their its every each all".split()),
    answer_openers=frozenset("because by through with in mostly mainly yes no sure".split()),
    narrative_markers=frozenset("then afterwards later once yesterday last ago".split()),
    number_words=frozenset(
        "two three four five six seven eight nine ten twelve twenty thirty hundred thousand "
        "million times percent euros dollars".split()
    ),
    announcements=(r"\b(?:explains|explained|tells|told|talks about|looks back)\b.{0,40}\b(?:what|how|why|about|on)\b",),
    object_pronouns=frozenset("it that this".split()),
    after_object=frozenset("away again either too anymore".split()),
    greetings=(
        r"^(?:welcome|good (?:morning|afternoon|evening)|hello|hi everyone|ladies and gentlemen|thank you|thanks)\b",
    ),
    programme_talk=(
        r"\b(?:this|the|our|today's) (?:webinar|conference|seminar|programme|program|livestream|podcast|session|"
        r"event|broadcast|panel)\b",
        r"\b(?:in the chat|the q&a|a poll|the poll|my name is|i hand over to|we will (?:now|shortly|soon)|"
        r"later today|after the break|ladies and gentlemen|as i just said|can you hear me)\b",
    ),
    bylines=(r"^(?:text|photo|photography|image|words)\s*:", r"^by [A-Z]", r"^©"),
    caption_lines=(r"^\s*(?:image|photo|photograph|picture|credits?)\s*[:©]", r"©"),
    notes=(  # (key, singular, plural)
        ("undated", "{n} undated document left out", "{n} undated documents left out"),
        ("outside", "{n} document outside the period", "{n} documents outside the period"),
        ("partial", "{n} document dated too coarsely for the period", "{n} documents dated too coarsely for the period"),
        ("off_topic", "{n} item of those articles left out", "{n} items of those articles left out"),
        ("broken", "{n} item skipped: document missing or text does not match",
         "{n} items skipped: document missing or text does not match"),
        ("duplicates", "{n} near-duplicate item left out", "{n} near-duplicate items left out"),
        ("empty", "no items about the topic in this period", ""),
        ("no_tip", "lesson ‘{title}’ has no advice to use as a tip", ""),
        ("no_title", "give lesson ‘{title}’ a title: none could be cut from its advice", ""),
        ("out_of_scope", "{n} article in the period is not about the topic and was left out",
         "{n} articles in the period are not about the topic and were left out"),
    ),
    title_cuts=frozenset(
        "and but so because before after when as also then who which that what where how or "
        "without not until".split()
    ),
    title_trailing=frozenset(
        "of in on at with for to by from over about the a an and or your their its our".split()
    ),
    title_placeholder="[title for lesson {n}]",
    clause_openers=frozenset("what who how which where why when that whether".split()),
    thin_words=frozenset("always together often first early well it that".split()),
    title_back_words=frozenset("also therefore thereby furthermore moreover likewise".split()),
    title_imperatives=frozenset("tell write invite show listen speak let give go be know dare learn ask keep share start stop choose".split()),
    title_frames=(r"^(?:make sure|ensure) (?:that )?(?:you|we) (?P<verb>[a-z]+)(?P<tail>[^,;:.!?]*)",),
    infinitive_frames=(
        r"(?:^|\bhow )(?:it is )?(?:(?:really|very|so|also) )?(?:important|essential|crucial|vital|wise) (?:it is )?to "
        r"(?P<verb>[a-z]+)(?P<tail>[^,;:.!?]*)",
    ),
    no_title_verbs=frozenset("can could may might must shall should will would be is are".split()),
    normative_cues=(
        r"\b(?:should|must|ought to|need to|needs to|recommend|recommends|urges|urged|calls for)\b",
        r"\b(?:important|essential|crucial|vital) (?:it is )?to\b",
    ),
)

LEXICONS: dict[str, Lexicon] = {"nl": NL, "en": EN}


def note(language: str | None, key: str, **values: object) -> str:
    """A note for the editor in ``language`` ("{n} document(en) buiten de periode")."""
    templates = {k: (one, many) for k, one, many in get_lexicon(language).notes or EN.notes}
    one, many = templates.get(key, (key, ""))
    return (many if many and values.get("n") != 1 else one).format(**values)


def get_lexicon(language: str | None) -> Lexicon:
    """The lexicon for ``language`` ("nl", "nl-BE", "en-GB" …); unknown languages get English."""
    base = (language or "nl").lower().replace("_", "-").split("-")[0]
    return LEXICONS.get(base, EN)


__all__ = ["EN", "LEXICONS", "NL", "Lexicon", "get_lexicon", "note"]
