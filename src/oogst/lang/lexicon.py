"""The selection's words of a language: the fields of a ``Lexicon`` (the data is in ``oogst/lang/<code>/select.py``).

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
    # a word of four letters or more with one of these endings, not after an article, is a
    # finite verb ("werkt": Dutch) or a past form ("worked": English); the past suffixes are
    # also tested on names (no stopword check), the finite ones are not
    finite_suffixes: tuple[str, ...] = ()
    # a word with one of these endings is a verb next to a plural pronoun ("we kennen") or as a
    # sentence's second word after no article ("Wij kennen", "It's been")
    verb_suffixes: tuple[str, ...] = ()
    past_suffixes: tuple[str, ...] = ()
    # next to a subject pronoun, a word of five letters or more with one of these endings (and
    # none of the exceptions) is a past form: "zij werkte", "we maakten", "he wrote", "they hidden"
    past_endings: tuple[str, ...] = ()
    past_endings_not: tuple[str, ...] = ()
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
    imperative_from_stem: bool = False  # "kent" → "ken", "leren" → "leer" (Dutch); else the verb as it is
    apposition_word: str = ""  # "Ken als partijen … elkaars wereld": a role after the verb is left out of a title
    title_possessives: frozenset[str] = frozenset()  # where that role ends: "elkaars", "your"
    no_title_verbs: frozenset[str] = frozenset()  # modals and auxiliaries: no title from them
    # --- a takeaway or paraphrase that recommends something can be a lesson's tip ---
    normative_cues: tuple[str, ...] = ()  # regexes
    open_title_template: str = "What did you say {when}?"  # the digest's title without a topic


__all__ = ["Lexicon"]
