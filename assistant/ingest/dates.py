"""Dates in documents: every way council papers write a day ('9th January 2025', 'January 9,
2025', '09/01/2025', '2025-01-09', '20 to 24 November 2023'), parsed to a date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# "30", "30th", and the OCR forms of "1st" seen in scanned minutes ("1°", "10™", '26"')
DAY = r"(\d{1,2})(?:st|nd|rd|th|[°™\"])?"
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DMY = re.compile(rf"\b{DAY}[\s\-]*(?:of\s+)?({MONTH})\.?[\s,\-]*(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b({MONTH})\.?\s+{DAY},?\s+(\d{{4}})\b", re.I)
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_RANGE = re.compile(
    rf"\b{DAY}(?:\s+({MONTH}))?(?:,?\s+(\d{{4}}))?\s*(?:to|and|-|–)\s*"
    rf"{DAY}\s+({MONTH})\.?,?\s+(\d{{4}})\b",
    re.I,
)


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text`` in any common form ("30 January 2025", "30th-Jan-2025",
    "January 30, 2025", "30/01/2025", "2025-01-30"); a range gives its first day."""
    found = min(dates_in(text), key=lambda hit: hit[0], default=None)
    return found[1] if found else None


def dates_in(text: str) -> Iterator[tuple[int, dt.date]]:
    for match in _RANGE.finditer(text):
        d1, m1, y1, _, m2, y2 = match.groups()
        year = int(y1 or y2)
        month = MONTHS[(m1 or m2).lower()]
        if not y1 and m1 and month > MONTHS[m2.lower()]:
            year -= 1  # "30 December to 3 January 2025"
        yield from _valid(match.start(), year, month, int(d1))
    for match in _DMY.finditer(text):
        yield from _valid(match.start(), int(match[3]), MONTHS[match[2].lower()], int(match[1]))
    for match in _MDY.finditer(text):
        yield from _valid(match.start(), int(match[3]), MONTHS[match[1].lower()], int(match[2]))
    for match in ISO.finditer(text):
        yield from _valid(match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in _NUMERIC.finditer(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if month > 12 >= day:
            day, month = month, day  # 01/30/2025 written the American way
        yield from _valid(match.start(), year + 2000 if year < 100 else year, month, day)


def _valid(pos: int, year: int, month: int, day: int) -> Iterator[tuple[int, dt.date]]:
    if 1900 <= year <= 2100:
        try:
            yield pos, dt.date(year, month, day)
        except ValueError:
            return
