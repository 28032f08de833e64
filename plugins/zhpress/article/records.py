"""What the listings need to know of each article, read from its front matter."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A publication date known to the year, the month or the day."""

    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = _PARTIAL_DATE.match(str(value).strip())
        if not match:
            raise ValueError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if month and not 1 <= month <= 12:
            raise ValueError(f"{value!r}: month {month} is not between 1 and 12")
        if day:
            dt.date(year, month, day)  # raises ValueError for 2019-02-30
        return cls(year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    def chinese(self) -> str:
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月"
            if self.day:
                text += f"{self.day}日"
        return text


@dataclass
class ArticleRecord:
    src_uri: str
    date: PartialDate | None
    tags: list[str] = field(default_factory=list)

    def sort_key(self):
        # Newest first, undated last, then by file name so the order is stable.
        if self.date is None:
            return (1, 0, 0, 0, self.src_uri)
        return (0, -self.date.year, -self.date.month, -self.date.day, self.src_uri)


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
