from oogst.models import Candidate
from oogst.select.diversity import select_diverse, similarity_matrix
from oogst.tuning import TUNING
from select_corpus import make_doc, make_item

TEXT = (
    "Overheden moeten elkaars belangen kennen voordat ze gaan samenwerken. "
    "Kernpunt: overheden moeten elkaars belangen kennen voordat ze samenwerken. "
    "„Overheden moeten echt elkaars belangen kennen voordat ze gaan samenwerken,” zegt Anne de Boer. "
    "Een vaste kerngroep houdt de samenwerking tussen gemeenten en provincie levend. "
    "Evalueer elk halfjaar wat werkt en wat niet. "
    "Zonder vertrouwen tussen ambtenaren strandt elk gezamenlijk plan. "
    "Ook de raad moet vroeg weten welke afspraken er liggen. "
)
DOC = make_doc("https://example.nl/een", "Een", "2020-08-01", TEXT)
OTHER = make_doc("https://example.nl/twee", "Twee", "2020-08-02", "Burgers merken weinig van de bestuurlijke drukte rond de wijkaanpak.")


def cand(text: str, score: float, doc=DOC, speaker: str | None = None) -> Candidate:  # type: ignore[no-untyped-def]
    return Candidate(make_item(doc, "quote", text, speaker), score, source_url=doc.url)


STANDFIRST = cand("Overheden moeten elkaars belangen kennen voordat ze gaan samenwerken.", 0.9)
KEYPOINT = cand("Kernpunt: overheden moeten elkaars belangen kennen voordat ze samenwerken.", 0.85)
QUOTE = cand("Overheden moeten echt elkaars belangen kennen voordat ze gaan samenwerken,", 0.88, speaker="Anne de Boer")
CORE = cand("Een vaste kerngroep houdt de samenwerking tussen gemeenten en provincie levend.", 0.6)
EVAL = cand("Evalueer elk halfjaar wat werkt en wat niet.", 0.55)
TRUST = cand("Zonder vertrouwen tussen ambtenaren strandt elk gezamenlijk plan.", 0.5)
RAAD = cand("Ook de raad moet vroeg weten welke afspraken er liggen.", 0.45)
BURGERS = cand("Burgers merken weinig van de bestuurlijke drukte rond de wijkaanpak.", 0.4, doc=OTHER)
ALL = [STANDFIRST, KEYPOINT, QUOTE, CORE, EVAL, TRUST, RAAD, BURGERS]


def test_same_point_three_times_is_one_point() -> None:
    sel = select_diverse(ALL, 3)
    picked = [c.item.text for c in sel.picked]
    assert picked[0] == STANDFIRST.item.text
    assert KEYPOINT not in sel.picked and QUOTE not in sel.picked
    assert {d for d, _ in sel.duplicates} == {KEYPOINT.item.id, QUOTE.item.id}


def test_similarity_matrix_is_symmetric_unit_diagonal() -> None:
    sim = similarity_matrix([c.item.text for c in ALL], "nl")
    assert sim.shape == (8, 8)
    assert (abs(sim - sim.T) < 1e-9).all()
    assert all(sim[i, i] == 1.0 for i in range(8))
    assert sim[0, 1] > 0.6 > sim[0, 4]


def test_third_item_from_the_same_source_is_penalised() -> None:
    sel = select_diverse([STANDFIRST, CORE, EVAL, TRUST, RAAD, BURGERS], 3)
    assert BURGERS in sel.picked  # weaker, but from another source


def test_penalty_can_be_relaxed() -> None:
    sel = select_diverse([STANDFIRST, CORE, EVAL, TRUST, RAAD, BURGERS], 3, tuning=TUNING.changed(source_limit=5))
    assert BURGERS not in sel.picked


def test_k_larger_than_pool_and_empty() -> None:
    assert len(select_diverse(ALL, 50).picked) == len(ALL) - 2
    assert select_diverse([], 5).picked == ()


def test_deterministic_regardless_of_input_order() -> None:
    assert select_diverse(ALL, 5) == select_diverse(list(reversed(ALL)), 5)


def test_a_speaker_is_never_picked_more_than_twice() -> None:
    texts = [
        "Vertrouwen groeit als je afspraken nakomt.",
        "Een regio is geen optelsom van gemeenten.",
        "Geld in één pot verandert het gesprek.",
        "Raden moet je vroeg meenemen in de plannen.",
    ]
    doc = make_doc("https://example.nl/drie", "Drie", "2020-08-03", " ".join(texts))
    same = [Candidate(make_item(doc, "quote", t, "Anne de Boer"), 0.9 - n / 100, source_url=doc.url) for n, t in enumerate(texts[:3])]
    other = Candidate(make_item(doc, "quote", texts[3], "Karim El Amrani"), 0.3, source_url=doc.url)
    sel = select_diverse([*same, other], 4, tuning=TUNING.changed(source_limit=10))
    assert [c.item.speaker for c in sel.picked].count("Anne de Boer") == 2
    assert other in sel.picked
    assert len(select_diverse([*same, other], 4, tuning=TUNING.changed(source_limit=10, speaker_limit=3)).picked) == 4
    assert len(select_diverse([*same, other], 4, tuning=TUNING.changed(source_limit=10), per_speaker=3).picked) == 4
