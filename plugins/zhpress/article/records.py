"""What the listings need to know of each article, read from its front matter."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.dates import PartialDate


@dataclass
class ArticleRecord:
    src_uri: str
    date: PartialDate | None
    tags: list[str] = field(default_factory=list)

    def sort_key(self):
        # Newest first (within a day by the time of day, when known; a day
        # without one after its timed articles), undated last, then by file
        # name so the order is stable.
        if self.date is None:
            return (1, (), self.src_uri)
        return (0, tuple(-part for part in self.date.sort_key()), self.src_uri)


def record_from_meta(src_uri: str, meta: dict) -> ArticleRecord:
    date = PartialDate.parse(meta["date"]) if meta.get("date") is not None else None
    tags = meta.get("tags") or []
    return ArticleRecord(
        src_uri=src_uri,
        date=date,
        tags=[str(t) for t in tags] if isinstance(tags, list) else [],
    )


def sort_articles(records: list[ArticleRecord]) -> list[ArticleRecord]:
    return sorted(records, key=ArticleRecord.sort_key)
