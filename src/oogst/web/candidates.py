"""The editor's candidate list: filters over the ranked candidates of a digest's topic and period."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from oogst.models import ITEM_KINDS, Candidate

PAGE = 40
MAX_LIMIT = 1000


def _float(value: str | None, default: float) -> float:
    try:
        return min(1.0, max(0.0, float(value))) if value not in (None, "") else default  # type: ignore[arg-type]
    except ValueError:
        return default


def _int(value: str | None, default: int) -> int:
    try:
        return min(MAX_LIMIT, max(1, int(value))) if value else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class CandidateFilter:
    kind: str = ""
    source: str = ""  # a source URL
    speaker: str = ""
    q: str = ""
    min_score: float = 0.0
    hide_used: bool = False
    limit: int = PAGE

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> CandidateFilter:
        kind = params.get("kind", "")
        return cls(kind=kind if kind in ITEM_KINDS else "", source=params.get("source", "").strip(),
                   speaker=params.get("speaker", "").strip(), q=params.get("q", "").strip()[:200],
                   min_score=_float(params.get("min_score"), 0.0), hide_used=params.get("hide_used") == "1",
                   limit=_int(params.get("limit"), PAGE))

    def keeps(self, c: Candidate, used: set[str]) -> bool:
        item = c.item
        if self.kind and item.kind != self.kind:
            return False
        if self.source and c.source_url != self.source:
            return False
        if self.speaker and (item.speaker or "") != self.speaker:
            return False
        if c.score < self.min_score or (self.hide_used and item.id in used):
            return False
        if self.q:
            hay = " ".join(filter(None, (item.text, item.speaker, item.speaker_role, item.organisation, c.source_title)))
            return all(word in hay.casefold() for word in self.q.casefold().split())
        return True

    def query(self, **changes: object) -> dict[str, str]:
        """The filter as query parameters (for links such as "show more")."""
        values = {"kind": self.kind, "source": self.source, "speaker": self.speaker, "q": self.q,
                  "min_score": f"{self.min_score:g}" if self.min_score else "",
                  "hide_used": "1" if self.hide_used else "", "limit": str(self.limit)}
        values.update({k: str(v) for k, v in changes.items()})
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True, slots=True)
class CandidatePage:
    shown: tuple[Candidate, ...]
    matching: int
    total: int
    sources: tuple[tuple[str, str, int], ...]  # url, title, candidates
    speakers: tuple[tuple[str, int], ...]
    kinds: tuple[tuple[str, int], ...]


def page(candidates: tuple[Candidate, ...], flt: CandidateFilter, used: set[str]) -> CandidatePage:
    kept = [c for c in candidates if flt.keeps(c, used)]
    titles = {c.source_url: c.source_title or c.source_url for c in candidates}
    by_source = Counter(c.source_url for c in candidates)
    speakers = Counter(c.item.speaker for c in candidates if c.item.speaker)
    kinds = Counter(c.item.kind for c in candidates)
    return CandidatePage(
        shown=tuple(kept[: flt.limit]), matching=len(kept), total=len(candidates),
        sources=tuple(sorted(((u, titles[u], n) for u, n in by_source.items()), key=lambda s: s[1].casefold())),
        speakers=tuple(sorted(speakers.items(), key=lambda s: s[0].casefold())),
        kinds=tuple((k, kinds[k]) for k in ITEM_KINDS if kinds[k]),
    )


__all__ = ["CandidateFilter", "CandidatePage", "page"]
