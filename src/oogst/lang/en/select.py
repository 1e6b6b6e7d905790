"""English: the selection's words (relevance, quotability, titles, notes for the editor)."""
from __future__ import annotations

from oogst.lang.lexicon import Lexicon
from oogst.lang.en.render import MONTHS

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

LEXICON = Lexicon(
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
    months=MONTHS,
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
    past_suffixes=("ed",),
    verb_suffixes=("en",),  # been, seen, taken
    past_endings=("de", "te", "den", "ten"),  # made, wrote, hidden, written
    past_endings_not=("ste",),  # waste, taste
    apposition_word="as",
    title_possessives=frozenset("your their each".split()),
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
