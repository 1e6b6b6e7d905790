"""What becomes of one loaded source in an ``add``, decided before it is written.

``_Run.decide`` (in this process, or in a pool worker for a whole file) gives one of these;
``_Run.settle`` carries it out in input order. They are plain records, so a worker can send
them back to the process that writes the store.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

from oogst.ingest.files import Loaded
from oogst.models import Document, Item
from oogst.store import CacheEntry


class Harvested(NamedTuple):
    """A harvest as the store takes it: the items, and the notes on what a cap cut (``cuts``)."""

    items: tuple[Item, ...]
    notes: tuple[str, ...]


class Pending(Protocol):
    """A harvest under way (``oogst.batch.pool.Handle``)."""

    def result(self) -> Harvested: ...


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skip:
    """Left out by a filter (``reason``); a fetched page's ``cache`` entry is still kept."""

    loaded: Loaded
    reason: str
    cache: CacheEntry | None


@dataclass(frozen=True, slots=True)
class Unchanged:
    loaded: Loaded
    doc: Document
    cache: CacheEntry | None


@dataclass(frozen=True, slots=True)
class ToHarvest:
    """New or changed: to be harvested here (``harvest`` None), or already harvested elsewhere."""

    loaded: Loaded
    doc: Document
    cache: CacheEntry | None
    harvest: Pending | Harvested | None = None


Decision = Failure | Skip | Unchanged | ToHarvest

__all__ = ["Decision", "Failure", "Harvested", "Pending", "Skip", "ToHarvest", "Unchanged"]
