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
    in_word="in",
    on_word="op",
    key_terms_template="{a} en {b}",
    subordinators=frozenset("als wanneer omdat doordat hoewel zodra terwijl of dat want door".split()),
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
    in_word="in",
    on_word="on",
    key_terms_template="{a} and {b}",
    subordinators=frozenset("if when because although while as since whether that".split()),
)

LEXICONS: dict[str, Lexicon] = {"nl": NL, "en": EN}


def get_lexicon(language: str | None) -> Lexicon:
    """The lexicon for ``language`` ("nl", "nl-BE", "en-GB" …); unknown languages get English."""
    base = (language or "nl").lower().replace("_", "-").split("-")[0]
    return LEXICONS.get(base, EN)


__all__ = ["EN", "LEXICONS", "NL", "Lexicon", "get_lexicon"]
