"""Ingestion: sources (files, folders, JSONL corpora, URLs) → Documents with their items → store."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from oogst import lang as languages
from oogst.harvest import harvest
from oogst.ingest.files import Failed, Loaded, expand, load_file
from oogst.ingest.web import is_url, load_url
from oogst.models import Document, document_id
from oogst.store import Store


@dataclass
class AddSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def iter_sources(sources: Iterable[str], glob: str | None = None) -> Iterator[Loaded | Failed]:
    for src in sources:
        if is_url(src):
            yield load_url(src)
        elif "://" in src:
            yield Failed(src, "only http and https URLs are fetched")
        else:
            for path in expand(Path(src), glob):
                yield from load_file(path)


def to_document(loaded: Loaded) -> Document:
    lang = loaded.language if loaded.language in languages.SUPPORTED else languages.detect(loaded.text)
    return Document(document_id(loaded.url), loaded.url, loaded.title, loaded.published, lang,
                    loaded.text, loaded.source_kind, loaded.author)  # type: ignore[arg-type]


def add(store: Store, sources: Iterable[str], *, glob: str | None = None,
        on_result: Callable[[str, str, str | None], None] | None = None) -> AddSummary:
    """Load, harvest and store every source; a failing source is recorded and skipped."""
    summary = AddSummary()
    for res in iter_sources(sources, glob):
        if isinstance(res, Failed):
            summary.failed.append((res.source, res.reason))
            store.record_failure(res.source, res.reason)
            if on_result:
                on_result(res.source, "failed", res.reason)
            continue
        doc = to_document(res)
        if store.known_hash(doc.url) == doc.hash:
            status = "unchanged"
        else:
            status = store.put(doc, harvest(doc.text, doc.language, document_id=doc.id).items)
        {"added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged}[status].append(doc.url)
        if on_result:
            on_result(res.source, status, None)
    return summary


__all__ = ["AddSummary", "add", "iter_sources", "to_document"]
