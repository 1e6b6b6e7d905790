"""oogst's own TF-IDF must be scikit-learn's, bit for bit (see ``oogst.select.tfidf``)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from oogst.digest_eval import corpus_folders, load_corpus
from oogst.select.features import document_words
from oogst.select.relevance import _tfidf_matrix
from oogst.select.terms import stem_analyzer
from oogst.select.tfidf import tfidf_vectors

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
EDITORIAL = __import__("pathlib").Path(__file__).parent.parent / "editorial"


def _same(a, b) -> None:  # noqa: ANN001
    a, b = a.tocsr(), b.tocsr()
    assert a.dtype == b.dtype and a.shape == b.shape
    assert np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
    assert a.data.tobytes() == b.data.tobytes()


def _texts() -> list[list[str]]:
    sets = []
    for folder in corpus_folders(EDITORIAL):
        c = load_corpus(folder)
        sets.append([f"{d.title}\n{d.text}" for d in c.documents])
        sets.append([i.text for i in c.items])
    rnd = random.Random(20)
    words = " ".join(sets[1]).split()
    sets.append([" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 60))) for _ in range(300)])
    return sets


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tfidf_vectors_are_sklearns(dtype) -> None:  # noqa: ANN001
    analyzer = stem_analyzer("nl")
    for texts in _texts():
        ours, terms = tfidf_vectors(texts, analyzer, dtype=dtype)
        vec = sklearn_text.TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=dtype)
        theirs = vec.fit_transform(texts)
        _same(ours, theirs)
        assert terms == list(vec.get_feature_names_out())
        _same(ours @ ours.T, theirs @ theirs.T)


def test_the_topic_matrix_from_counted_words_is_sklearns() -> None:
    for folder in corpus_folders(EDITORIAL):
        docs = sorted(load_corpus(folder).documents, key=lambda d: d.id)
        ours, terms = _tfidf_matrix([document_words(d) for d in docs], "nl")
        vec = sklearn_text.TfidfVectorizer(analyzer=stem_analyzer("nl"), sublinear_tf=True, dtype=np.float32)
        _same(ours, vec.fit_transform([f"{d.title}\n{d.text}" for d in docs]))
        assert list(terms) == list(vec.get_feature_names_out())


def test_no_words_at_all_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        tfidf_vectors(["", "de het"], stem_analyzer("nl"))
