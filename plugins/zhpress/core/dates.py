"""Publication dates known only as precisely as the source knows them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
