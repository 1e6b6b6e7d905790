"""TF-IDF as scikit-learn's ``TfidfVectorizer(analyzer=…, sublinear_tf=True)`` computes it, bit
for bit, with numpy and scipy alone: importing scikit-learn costs a digest seconds of start-up
(it pulls in scipy.stats), and the digest only needs these few lines of arithmetic.

The steps and their order are scikit-learn's (1.x): the vocabulary in order of first sight, then
sorted, with each row's indices kept in first-sight order; df from the column counts, smoothed
(``idf = ln((n + 1) / (df + 1)) + 1``, in the matrix's dtype); ``1 + ln(tf)``; the rows scaled
to unit length with the squares summed in double precision, one after another.
``tests/select/test_tfidf.py`` holds it to scikit-learn's output.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np


def count_matrix(
    rows: Iterable[Iterable[tuple[str, int]]], dtype: Any = np.float64
) -> tuple[Any, list[str]]:
    """A CSR matrix of counts from each row's (term, count) pairs in order of first use, and the
    sorted terms (its columns), as CountVectorizer makes it. ValueError for no terms at all."""
    import scipy.sparse as sp

    vocabulary: dict[str, int] = {}
    j_indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for row in rows:
        counter: dict[int, int] = {}
        for term, n in row:
            j = vocabulary.get(term)
            if j is None:
                j = vocabulary[term] = len(vocabulary)
            counter[j] = counter.get(j, 0) + n
        j_indices.extend(counter)
        values.extend(counter.values())
        indptr.append(len(j_indices))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    index_dtype = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
    matrix = sp.csr_matrix(
        (np.asarray(values, dtype=np.intc), np.asarray(j_indices, dtype=index_dtype), np.asarray(indptr, dtype=index_dtype)),
        shape=(len(indptr) - 1, len(vocabulary)),
        dtype=dtype,
    )
    matrix.sort_indices()
    ordered = sorted(vocabulary.items())
    map_index = np.empty(len(ordered), dtype=matrix.indices.dtype)
    for new, (_, old) in enumerate(ordered):
        map_index[old] = new
    matrix.indices = map_index.take(matrix.indices, mode="clip")
    return matrix, [t for t, _ in ordered]


def sublinear_tfidf(counts: Any) -> Any:
    """TfidfTransformer(sublinear_tf=True).fit(counts).transform(counts, copy=False)."""
    dtype = counts.dtype
    if dtype not in (np.float64, np.float32):
        raise TypeError(f"counts of dtype {dtype}: give float64 or float32")
    n_samples = counts.shape[0] + 1
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(dtype, copy=False)
    df += 1.0
    idf = np.full_like(df, fill_value=n_samples, dtype=dtype)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = counts.data
    np.log(data, data)
    data += 1.0
    data *= idf[counts.indices]
    squares = (data * data).astype(np.float64)  # each square in the data's precision, summed in double
    indptr = counts.indptr
    for i in range(counts.shape[0]):
        a, b = int(indptr[i]), int(indptr[i + 1])
        if a == b:
            continue
        total = float(np.cumsum(squares[a:b])[-1])  # cumsum adds one after another, as the C loop does
        if total == 0.0:
            continue
        norm = math.sqrt(total)
        data[a:b] = (data[a:b].astype(np.float64) / norm).astype(dtype)
    return counts


def tfidf_vectors(
    texts: Sequence[str], analyzer: Callable[[str], list[str]], dtype: Any = np.float64
) -> tuple[Any, list[str]]:
    """``TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=dtype).fit_transform(texts)``
    and its ``get_feature_names_out()``."""
    counts, terms = count_matrix((((t, 1) for t in analyzer(text)) for text in texts), dtype)
    return sublinear_tfidf(counts), terms


__all__ = ["count_matrix", "sublinear_tfidf", "tfidf_vectors"]
