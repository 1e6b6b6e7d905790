"""English: how English-language journalism quotes people."""
from __future__ import annotations

from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# the fields of oogst.lang.Language that the harvest and the faithfulness check read
WORDS: dict[str, Any] = dict(
    code="en",
    reporting_verbs=_words("""
said says say told tells added adds warned warns explained explains stressed stresses
argued argues noted notes insisted insists admitted admits acknowledged acknowledges
concluded concludes replied replies wrote writes recalled recalls claimed claims
continued continues suggested suggests emphasised emphasized emphasises emphasizes
believes believed thinks thought asked asks observed observes pointed points laughed
laughs sighed sighs agreed agrees conceded concedes confirmed confirms remarked remarks
declared declares announced announces maintained maintains cautioned cautions
"""),
    separable_verbs={"pointed": "out", "points": "out"},
    attribution_words=frozenset(),
    according_to=("according to", "in the words of"),
    pronouns={"he": "m", "she": "f", "they": "x"},
    roles=_words("""
mayor councillor councilor cllr leader minister secretary director manager professor lecturer
researcher chair chairman chairwoman chairperson spokesperson spokesman spokeswoman
officer official adviser advisor coordinator head chief executive resident founder
economist sociologist analyst planner engineer consultant commissioner governor
senator representative deputy superintendent inspector teacher doctor nurse farmer
owner partner volunteer historian lawyer member designer worker executive hydrologist
campaigner activist organiser organizer landlord tenant headteacher headmaster headmistress
principal parent mother father grandmother grandfather neighbour neighbor shopkeeper
driver pupil student scientist surgeon paramedic firefighter constable sergeant detective
vicar bishop treasurer trustee governor clerk warden ranger midwife carer pharmacist
businessman businesswoman entrepreneur developer architect councilwoman councilman
ferryman boatman fisherman postman judge magistrate prosecutor defendant witness victim
curator conservator librarian archivist caretaker lecturer coach captain skipper manager
pastor priest rabbi imam chef baker butcher publican landlady grandmother grandson granddaughter
son daughter wife husband widow widower
gov sen rep
"""),
    role_suffixes=("manager", "director", "officer", "leader", "adviser", "advisor", "ologist", "teacher",
                   "worker", "keeper", "scientist", "spokesperson"),
    titles=_words("Dr. Prof. Mr. Mrs. Ms. Sir Dame Dr Prof Mr Mrs Ms Miss Lord Lady Cllr Cllr. Councillor Rev. Rev "
                  "Gov. Sen. Rep. Lt."),
    particles=_words("van de der den von da del le la du"),
    organisation_words=_words("""
council county department ministry agency authority board university college office
city state government trust foundation association committee commission team unit
buses ltd limited plc inc llc company corporation partnership railways airlines"""),
    not_names=_words("""
The A An And But If Then That This These Those There Here When Also Still Not Yet What
Who Where Why How Which So In On With For After At Of From To By Over Under About
We You He She They It I Our Their His Her My Its One Many More Most Every Each Since
Without During Because While Although January February March April May June July
August September October November December Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Council City County Government Ministry According Yes No Tip Tips
"""),
    first_names=_words("""
James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia
Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret
Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura
Helen Sharon Cynthia Kathleen Amy Shirley Angela Anna Ruth Brenda Pamela Nicole Katherine
Samantha Christine Emma Catherine Rachel Hannah Olivia Sophie Chloe Grace Alice Lucy
Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George
Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry
Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis
Jerry Tyler Aaron Henry Peter Oliver Harry Tom Tim Sam Ben Kate Jane Claire Fiona Gareth
Ian Neil Simon Graham Alan Colin Martin Nigel Priya Raj Amir Fatima Mohammed Ahmed Aisha
Chen Li Wei Maria Ana Carlos Luis Jorge Elena Sofia Isabel Marta Rosa Nina Eva Leo Max
Ruth Judith Diane Joan Gloria Julia Megan Lauren Hugh Rory Sean Liam Niamh Siobhan
Owen Rhys Dylan Ewan Callum Fraser Morag Eilidh Ailsa Duncan Angus Alistair Margo
Walter Arthur Albert Alfred Ernest Harold Stanley Leonard Norman Bernard Cyril Douglas Gordon
Keith Roger Trevor Derek Malcolm Barry Clive Geoffrey Howard Kenneth Philip Stuart Adrian Craig
Darren Lee Wayne Dean Jamie Ryan Connor Kieran Declan Liam Lewis Luke Nathan Jordan Adam Joe
Jim Bill Bob Dave Mike Steve Chris Nick Rob Andy Phil Pete Danny Matt Josh Jake Will Ed Harvey
Freddie Alfie Archie Theo Louis Ethan Mason Logan Caleb Elijah Isaac Gabriel Hugo Felix Toby
Margaret Dorothy Joan Jean Doris Betty Vera Irene Edith Florence Elsie Ivy Mabel Gladys Hilda
Pauline Brenda Gillian Janet Maureen Sheila Valerie Wendy Lesley Tracey Joanne Nicola Kirsty
Gemma Leanne Stacey Kelly Hayley Zoe Holly Jade Amber Ella Isla Evie Poppy Freya Millie Ruby
Daisy Lily Phoebe Imogen Harriet Beatrice Matilda Rosie Abigail Madison Ava Mia Harper Ellie
Sunil Anil Ravi Rajesh Sanjay Vijay Amit Deepak Arjun Rohan Anjali Neha Pooja Sunita Meera
Tariq Imran Asif Bilal Omar Yusuf Hamid Nadia Yasmin Leila Aaliyah Kwame Kofi Ama Chidi Ngozi
Nkechi Tunde Femi Chinedu Adaeze Oluwaseun Malik Darnell Jamal Keisha Tanisha Luis Rochelle
Carlos Miguel Jose Juan Pedro Diego Sofia Lucia Camila Valentina Gabriela Mateo Santiago
"""),
    takeaway_headings=("key takeaways", "takeaways", "in short", "summary", "at a glance",
                       "key points", "the key points", "in brief", "key findings", "findings",
                       "in one minute", "the bottom line", "conclusions", "key conclusions",
                       "what you need to know", "key messages", "main points", "key facts", "highlights",
                       "key insights", "main findings", "in a nutshell", "tl;dr", "the essentials"),
    advice_headings=("lessons", "lessons learned", "lessons learnt", "tips", "recommendations",
                     "what we learned", "what we learnt", "advice", "dos and don'ts",
                     "how to do it", "rules of thumb", "success factors", "top tips", "what you can do",
                     "next steps", "best practices", "key lessons", "our recommendations",
                     "key recommendations", "what works", "lessons for"),
    advice_starts=_words("""
make ensure be build invest involve start stop take give keep know dare learn find
ask listen trust share plan use avoid focus create set talk bring let get put try
accept celebrate test think work choose agree define communicate engage map measure
document reserve practise check publish invite include
look consider remember embrace prioritise prioritize connect support identify design hire
respect show tell treat help review simplify chip pick"""),
    leading_conjunctions=_words("and but"),
    imperative_followers=_words("that sure it each yourself your the a an to not on in up"),
    example_openers=_words("take look"),
    takeaway_intros=("key takeaways", "key take-aways", "takeaways", "take-aways", "key points",
                     "key findings", "findings", "in short", "in brief", "conclusions", "at a glance"),
    advice_intros=("lessons", "tips", "recommendations", "advice", "rules of thumb", "dos and don'ts"),
    ambiguous_imperatives=_words("plan test"),
    normative_inside=(
        r"it is (?:(?:also|therefore|so|really|very) )*(?:important|essential|crucial|vital|wise) (?:to|that)",
    ),
    normative_triggers=("important", "essential", "crucial", "vital", "wise"),
    thought_verbs=_words("hopes hoped fears feared sees saw"),
    object_pronouns=_words("him her them"),
    byline_labels=_words("by author authors words text photo photos photography pictures interview editor illustration"),
    paraphrase_verbs=_words("announced announces stated states urged urges"),
    collective_sources=_words("councils authorities ministries unions parties"),
    document_words=_words("report study survey figures data analysis review letter plan document"),
    announcement_verbs=_words("expects expected informs informed"),
    normative_patterns=(
        r"it is (?:important|essential|crucial|vital|key|wise|worth) (?:to|that)",
        r"it's (?:important|essential|crucial|vital|key|wise|worth) (?:to|that)",
        r"you (?:must|should|need to|have to)", r"we (?:must|should|need to|have to)",
        r"(?:the|a|one) (?:key |big |important )?lesson(?: is|:)", r"don't", r"do not",
        r"never (?:assume|underestimate|forget|stop|let|make|promise|launch|start)",
    ),
    paraphrase_conjunctions=_words("that how whether why what"),
    stopwords=_words("""since been now also already years year there here still two three four five
has had have was were will would can could should may might must"""),
    function_words=_words("the a an and of to in is that it for with was on as be at by its his her their our my"),
    attribution_openers=_words("so"),
    demonstratives=_words("that this these those"),
    epithets=("watchdog", "year-old"),
    speech_prepositions=_words("with"),
    speech_nouns=_words("call message warning verdict reaction response words answer conclusion plea"),
    speech_of=_words("of from"),
    addressee_words=_words("to"),
    definite_articles=_words("the"),
    indefinite_articles=_words("a an"),
    multiword_roles=("head of planning", "chief executive officer", "leader of the council", "member of parliament",
                     "chief constable", "director of public health"),
    honorifics=_words("Mr. Mrs. Ms. Mr Mrs Ms Miss Sir Dame Lord Lady"),
    title_cues=_words("""report documentary film series book plan programme program strategy campaign
project study titled entitled called named exhibition show podcast song album review"""),
    role_modifiers=_words("""council county city town parish district state regional national deputy vice
former acting interim senior chief assistant associate executive managing general lead financial
principal project programme program community housing planning finance health fire police prime
home foreign shadow education transport environment justice culture defence defense business treasury
attorney"""),
)

# -- the faithful-shortening check (check.py) -------------------------------------------------
WORDS.update(
    negations=_words("""not no never without nor neither none nothing nobody nowhere cannot hardly barely
scarcely"""),
    negation_suffixes=("n't", "n’t"),
    number_words=_words("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion trillion dozen dozens hundreds thousands millions billions half quarter double
twice once thrice percent"""),
    quantifiers=_words("""all every each everyone everybody everything some most many few only merely
solely exclusively almost nearly least"""),
    conditions=_words("if unless provided providing whenever"),
    contrast_words=_words("but rather instead"),
    clause_joiners=_words("and or but so"),
)

# -- more of the harvest's words (people.py, kinds.py, text.py, speakers.py) --------------------
WORDS.update(
    organisation_joiners=_words("of for and"),
    role_prepositions=_words("of for in"),
    role_enders=_words("at of for from with within and who since in"),
    as_words=_words("as"),
    coordinators=_words("and &"),
    inside_role=_words("of for at"),
    affiliation_words=_words("of from at"),
    place_words=_words("from of"),
    relative_pronouns=_words("who"),
    not_speech_verbs=_words("laughs laughed asks asked sighs"),
    naming_verbs=_words("calls called"),
    complementizers=_words("that"),
    bare_report_verbs=_words("said says told warned argued added insisted believes thinks"),
    bare_report_stops=_words("on in at to about for with so nothing yes no goodbye sorry hello"),
    clause_continuers=_words("that but and"),
    person_suffixes=("man",),
    subject_before_verb=True,
    subject_skip_words=_words("has have had also today yesterday"),
    opening_adverbs=_words("also but and now"),
    group_numbers=_words("two three four five both all many several"),
    possessives=_words("its"),
    predicates=("is now", "is", "was", "has been", "became", "serves as"),
    member_of=("one of the",),  # after a plain predicate: "is one of the volunteers"
    party_words=_words("labour conservative conservatives tory tories green greens liberal democrat democrats "
                       "lib dem dems independent reform plaid republican democratic"),
    works_verbs=_words("works worked serves served"),
    bare_role_enders=_words("at of for with in"),
    organisation_prepositions=_words("of at from"),
    origin_particles=_words("of from"),
    item_labels=_words("step tip lesson recommendation"),
    box_labels=_words("rule conclusion finding"),
    abbreviations=("St", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "Rev", "Cllr", "e.g", "i.e", "no", "art", "p",
                   "etc", "vs", "incl", "excl", "ca"),
    name_abbreviations=("Dr", "Mr", "Ms", "Mrs", "Prof", "St", "Rev", "Cllr"),
)
