"""Publication dates known only as precisely as the source knows them.

A date is known to the year, the month or the day, and a day may carry the
time of day as real blogs write it (`2018-12-29 22:10`, `2021-02-19
00:16:13`, `2019-05-01T10:00:00+08:00`), with or without a UTC offset. The
time orders articles within a day and gives feeds the real moment; a time
written without an offset is read in the site's time zone (`zone()`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

_PARTIAL_DATE = re.compile(
    r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"[ \t]*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?)?)?$"
)
_OFFSET = re.compile(r"^(?:UTC|GMT)?[ \t]*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)

FORMS = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM"


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A publication date known to the year, the month or the day, and
    maybe the time of day (hour -1: no time known)."""

    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown
    hour: int = -1  # -1: no time known
    minute: int = 0
    second: int = 0
    offset: int | None = None  # minutes east of UTC, when the source says

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            offset = value.utcoffset()
            return cls(value.year, value.month, value.day, value.hour, value.minute, value.second,
                       None if offset is None else int(offset.total_seconds() // 60))
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = _PARTIAL_DATE.match(str(value).strip())
        if not match:
            raise ValueError(f"{value!r} is not a date; write {FORMS}")
        year, month, day, hour, minute, second = (int(part) if part else 0 for part in match.groups()[:6])
        zulu, sign, offset_hours, offset_minutes = match.groups()[6:]
        if month and not 1 <= month <= 12:
            raise ValueError(f"{value!r}: month {month} is not between 1 and 12")
        if day:
            dt.date(year, month, day)  # raises ValueError for 2019-02-30
        if match.group(4) is None:
            return cls(year, month, day)
        for name, part, limit in (("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)):
            if part > limit:
                raise ValueError(f"{value!r}: {name} {part} is not between 0 and {limit}")
        offset = 0 if zulu else None
        if sign:
            offset = (int(offset_hours) * 60 + int(offset_minutes or 0)) * (-1 if sign == "-" else 1)
            if abs(offset) > 18 * 60:
                raise ValueError(f"{value!r}: the UTC offset {sign}{offset_hours} is not between -18 and +18 hours")
        return cls(year, month, day, hour, minute, second, offset)

    @property
    def has_time(self) -> bool:
        return self.hour >= 0

    def sort_key(self) -> tuple[int, ...]:
        """Older first; within a day, a date with no time before any time
        (a month or day not known sorts first the same way)."""
        return (self.year, self.month, self.day, self.hour, self.minute, self.second)

    def __lt__(self, other: "PartialDate") -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def in_zone(self, zone: dt.tzinfo) -> "PartialDate":
        """This date with the UTC offset of `zone` when the source gave none
        (a date without a time: its midnight there)."""
        if self.offset is not None:
            return self
        moment = dt.datetime(self.year, self.month or 1, self.day or 1, max(self.hour, 0), self.minute,
                             self.second)
        delta = zone.utcoffset(moment) or dt.timedelta(0)
        return PartialDate(self.year, self.month, self.day, self.hour, self.minute, self.second,
                           int(delta.total_seconds() // 60))

    def as_datetime(self) -> dt.datetime:
        """The moment: a date known to the year or month is its first day, a
        day without a time its midnight; UTC unless the offset is known."""
        zone = dt.timezone.utc if self.offset is None else dt.timezone(dt.timedelta(minutes=self.offset))
        return dt.datetime(self.year, self.month or 1, self.day or 1, max(self.hour, 0), self.minute,
                           self.second, tzinfo=zone)

    def iso(self) -> str:
        """ISO 8601 to the known precision: 2019, 2019-10, 2019-10-08,
        2019-10-08T22:10:00 or 2019-10-08T22:10:00+08:00 (valid in HTML's
        <time datetime> too)."""
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        text = "-".join(parts)
        if self.has_time and self.day:
            text += f"T{self.hour:02d}:{self.minute:02d}:{self.second:02d}{_offset_text(self.offset)}"
        return text

    def chinese(self) -> str:
        """2019年10月8日, with the time as written when known: 2019年10月8日 22:10."""
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月"
            if self.day:
                text += f"{self.day}日"
                if self.has_time:
                    text += f" {self.hour:02d}:{self.minute:02d}"
        return text


def _offset_text(offset: int | None) -> str:
    if offset is None:
        return ""
    if offset == 0:
        return "Z"
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def zone(name: str) -> dt.tzinfo:
    """A time zone as mkdocs.yml names it: UTC, an offset (+08:00) or an
    IANA name (Asia/Taipei). ValueError with the accepted forms."""
    text = str(name).strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return dt.timezone.utc
    match = _OFFSET.match(text)
    if match:
        sign, hours, minutes = match.groups()
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta > dt.timedelta(hours=18):
            raise ValueError(f"time zone '{name}': an offset is at most 18 hours")
        return dt.timezone(-delta if sign == "-" else delta)
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"time zone '{name}' is not UTC, an offset such as +08:00, or a zone name such as "
                         "Asia/Taipei") from None
