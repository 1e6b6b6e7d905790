"""Relevance scoring at two corpus sizes: is it linear in the number of articles?

    python bench/relevance_scale.py [--sizes 2500,10000]

The demo corpus (18 Dutch articles) is varied into N documents (own id, paragraphs rotated),
``build_topic`` is made over them (timed apart: TF-IDF and pseudo-relevance feedback), and then
``score_document`` is timed over all N. The exponent is log(t_large / t_small) / log(N_large /
N_small): 1.0 is linear. Before the related-article scores were kept as a mapping built once,
every call rebuilt it from the whole tuple, and the exponent was about 1.9. Counting each
article's words (``document_words``, which ``oogst add`` stores) is timed apart; ``build_topic``
and ``score_document`` are then given the counted words, as ``rank_store`` gives them.
"""
from __future__ import annotations

import argparse
import math
import time
from importlib.resources import files

from oogst.ingest import iter_sources
from oogst.ingest.files import Loaded
from oogst.models import Document
from oogst.select.features import document_words
from oogst.select.relevance import build_topic, score_document

TOPIC = "interbestuurlijk samenwerken"


def documents(n: int) -> list[Document]:
    demo = [r for r in iter_sources([str(files("oogst") / "demo" / "corpus")], glob="*.html") if isinstance(r, Loaded)]
    demo.sort(key=lambda r: r.url or r.source)
    out = []
    for k in range(n):
        d = demo[k % len(demo)]
        paras = d.text.split("\n\n")
        r = k // len(demo) % max(1, len(paras))
        text = "\n\n".join(paras[r:] + paras[:r])
        out.append(Document(f"doc-{k}", f"{d.url}?v={k}", d.title, d.published, d.language or "nl", text))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2500,10000")
    sizes = [int(s) for s in ap.parse_args().sizes.split(",")]
    rows = []
    for n in sizes:
        docs = documents(n)
        tc = time.perf_counter()
        counted = {d.id: document_words(d) for d in docs}
        t0 = time.perf_counter()
        topic = build_topic(TOPIC, docs, language="nl", counted=counted)
        t1 = time.perf_counter()
        scores = [score_document(d, topic, counted[d.id]) for d in docs]
        t2 = time.perf_counter()
        rows.append((n, t1 - t0, t2 - t1, sum(s.score > 0 for s in scores)))
        print(f"{n:>7} articles: count words {t0 - tc:6.2f} s (at add), build_topic {t1 - t0:6.2f} s, "
              f"score_document {t2 - t1:6.2f} s ({(t2 - t1) / n * 1e3:.3f} ms/article), {rows[-1][3]} with a score")
    for (n1, b1, s1, _), (n2, b2, s2, _) in zip(rows, rows[1:]):
        k = math.log(n2 / n1)
        print(f"exponent {n1}→{n2}: score_document {math.log(s2 / s1) / k:.2f}, build_topic {math.log(b2 / b1) / k:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
