"""Issue 20: the digest reads what its period needs, and its shortlist leaves the digest alone
where the shortlist holds every candidate.

The shortlist (``Tuning.shortlist.max_articles`` most relevant articles in scope) holds every article of the demo
corpus and of each editorial gold corpus, so there the digest.json must be byte-identical with and
without it, in memory and through the store; a shortlist shorter than the scope must change what
is scored (else the comparison proves nothing).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from oogst.cli import DEMO_PERIOD, DEMO_TOPIC
from oogst.digest import build_digest, digest_from_store
from oogst.digest_eval import corpus_folders, load_corpus
from oogst.digest_json import dumps
from oogst.ingest import add
from oogst.select.features import FEATURES_VERSION, decode, document_words
from oogst.select.rank import in_scope, rank_store
from oogst.store import Store
from oogst.tuning import TUNING

ALL_ARTICLES = TUNING.changed(max_articles=None)  # no shortlist: every article in scope is scored

EDITORIAL = Path(__file__).parent / "editorial"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo_corpus: Path) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as st:
        add(st, [str(demo_corpus)], glob="*.html")
    return path


@pytest.mark.parametrize("folder", corpus_folders(EDITORIAL), ids=lambda f: f.name)
def test_editorial_digest_is_the_same_with_and_without_the_shortlist(folder: Path) -> None:
    c = load_corpus(folder)
    whole = build_digest(c.documents, c.items, c.topic, c.period, language=c.language, tuning=ALL_ARTICLES)
    short = build_digest(c.documents, c.items, c.topic, c.period, language=c.language)
    assert len({cand.item.document_id for cand in whole.candidates}) <= (TUNING.shortlist.max_articles or 0)  # the shortlist holds them all
    assert dumps(short.digest) == dumps(whole.digest)
    assert short.candidates == whole.candidates and short.notes == whole.notes


def test_demo_digest_from_the_store_is_the_digest_of_all_documents(demo_store: Path) -> None:
    with Store(demo_store, readonly=True) as st:
        whole = build_digest(st.documents(), st.items(), DEMO_TOPIC, DEMO_PERIOD, tuning=ALL_ARTICLES)
        streamed = digest_from_store(st, DEMO_TOPIC, DEMO_PERIOD)
        unlimited = digest_from_store(st, DEMO_TOPIC, DEMO_PERIOD, tuning=ALL_ARTICLES)
    assert dumps(streamed.digest) == dumps(whole.digest) == dumps(unlimited.digest)
    assert streamed.candidates == whole.candidates
    assert streamed.notes == whole.notes


def test_a_short_shortlist_scores_only_the_most_relevant_articles(demo_store: Path) -> None:
    with Store(demo_store, readonly=True) as st:
        whole = rank_store(st, DEMO_TOPIC, DEMO_PERIOD, tuning=ALL_ARTICLES)
        short = rank_store(st, DEMO_TOPIC, DEMO_PERIOD, tuning=TUNING.changed(max_articles=3))
    scope = {c.item.document_id for c in whole.candidates}
    assert len(scope) > 3
    kept = {c.item.document_id for c in short.candidates}
    assert len(kept) == 3
    relevance = {c.item.document_id: c.scores["document_relevance"] for c in whole.candidates}
    assert kept == set(sorted(relevance, key=lambda i: (-relevance[i], i))[:3])
    # the kept articles are the most relevant ones of the scope, and their statements score as before
    by_item = {c.item.id: c for c in whole.candidates}
    assert all(by_item[c.item.id] == c for c in short.candidates)
    assert short.off_topic == whole.off_topic and short.out_of_scope == whole.out_of_scope


def test_stored_words_are_the_words_counted_from_the_text(demo_store: Path) -> None:
    with Store(demo_store, readonly=True) as st:
        docs = st.documents()
        stored = dict(st.document_words([d.id for d in docs], FEATURES_VERSION))
    assert set(stored) == {d.id for d in docs}
    for d in docs:
        assert decode(*stored[d.id]) == document_words(d)


def test_a_store_without_stored_words_gives_the_same_digest(demo_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(demo_store) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with sqlite3.connect(copy) as db:
        db.execute("DELETE FROM document_words")
    with Store(copy, readonly=True) as st:
        without = digest_from_store(st, DEMO_TOPIC, DEMO_PERIOD)
    with Store(demo_store, readonly=True) as st:
        stored = digest_from_store(st, DEMO_TOPIC, DEMO_PERIOD)
    assert dumps(without.digest) == dumps(stored.digest)


def test_the_period_and_the_language_are_read_in_sql(demo_store: Path) -> None:
    with Store(demo_store, readonly=True) as st:
        dates = st.dates()
        assert sum(n for _, n in dates) == len(st.documents())
        assert st.dates(language="xx") == []
        some = [p for p, _ in dates if p][:2]
        got = st.documents_dated(some)
        assert got and {d.published for d in got} <= set(some)
        assert st.documents_dated(some, language="N") == []  # case-sensitive, as str.startswith
        assert st.documents_dated(some, language="n") == got


def test_in_scope_is_unchanged_by_the_shortlist() -> None:
    # the shortlist is taken after in_scope: it never widens the scope
    from oogst.select.relevance import Relevance
    from oogst.select.rank import shortlist

    rel = {f"d{i}": Relevance(i / 100, ()) for i in range(40)}
    scope = in_scope(rel)
    assert shortlist(rel, scope, 5) == {"d39", "d38", "d37", "d36", "d35"}
    assert shortlist(rel, scope, None) == scope
