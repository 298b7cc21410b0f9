"""Dates in questions: the day, month or year a question names, as an inclusive range."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
DAY_MONTH_YEAR = re.compile(rf"\b{ORDINAL}\s+({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+{ORDINAL},?\s+(\d{{4}})\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
# A day with a two-digit year, as a table's column head writes it ('31-March-25').
DAY_MONTH_SHORT_YEAR = re.compile(rf"\b(\d{{1,2}})-({MONTH_RE})-(\d{{2}})\b", re.I)
# A day written without its year ('the week of the 14th to 20th March', 'on March 3rd'); the
# month capitalised, so that 'item 3 may be' is no day.
_CAPITALISED = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))
_NO_YEAR = r"(?!\.?,?\s*\d{4}\b)"
DAY_MONTH = re.compile(rf"\b{ORDINAL}\s+(?:of\s+)?({_CAPITALISED})\b{_NO_YEAR}")
MONTH_DAY = re.compile(rf"\b({_CAPITALISED})\.?\s+{ORDINAL}\b{_NO_YEAR}")
# 'in 2024' dates a meeting; 'for 2022 to 2026' or 'in 2024-25' names a plan's or budget's
# period, which meetings years before may discuss.
YEAR = re.compile(
    r"\b(?:in|during|for)\s+((?:19|20)\d{2})\b(?!\s*(?:[-–/]|to\b|until\b)\s*\d{2})", re.I
)

# A year on its own ('its 2022 focused visit'), not a period or a bound of one ('2024-25',
# '2022 to 2026', 'since 2021', 'before 2020').
BARE_YEAR = re.compile(
    r"(?<![\d/–-])(?<!since )(?<!from )(?<!before )(?<!after )(?<!until )(?<!by )(?<!to )"
    r"\b((?:19|20)\d{2})\b(?!\s*(?:[-–/]|to\b|until\b)\s*\d{2})",
    re.I,
)


# A financial or school year ('2024-25', '2024/2025'): a year and the next.
FINANCIAL_YEAR = re.compile(r"(?<![\d/–-])((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})(?![\d/–-])")


def financial_years_named(text: str) -> tuple[int, ...]:
    """The first years of the financial years ``text`` names ('2024-25' gives 2024), in order."""
    firsts = []
    for m in FINANCIAL_YEAR.finditer(text):
        first, last = int(m.group(1)), m.group(2)
        if int(last) % 100 == (first + 1) % 100:
            firsts.append(first)
    return tuple(dict.fromkeys(firsts))


def name_financial_year(first: int) -> str:
    return f"{first}-{(first + 1) % 100:02d}"


def writes_financial_year(text: str, first: int) -> bool:
    """Whether ``text`` writes the financial year beginning in ``first`` ('2024-25', '2024/25',
    '2024-2025', '2024 to 2025')."""
    last = first + 1
    pattern = rf"(?<!\d){first}\s*(?:[-–/]|to)\s*(?:{last}|{last % 100:02d})(?!\d)"
    return re.search(pattern, text) is not None


# The months of a season ('autumn 2025'); winter, which spans two years, is left out.
SEASON_MONTHS = {
    "spring": (3, 4, 5),
    "summer": (6, 7, 8),
    "autumn": (9, 10, 11),
    "fall": (9, 10, 11),
}
# How long after a season's start a paper is still taken to report on it.
LOOK_BACK_MONTHS = 6
SEASON = re.compile(rf"\b({'|'.join(SEASON_MONTHS)})\s+(?:of\s+)?((?:19|20)\d{{2}})\b", re.I)


def seasons_named(text: str) -> tuple[tuple[str, int], ...]:
    """The seasons of a year ``text`` names ('autumn 2025' gives ('autumn', 2025)), in order."""
    return tuple(
        dict.fromkeys((m.group(1).lower(), int(m.group(2))) for m in SEASON.finditer(text))
    )


def in_season(day: dt.date, season: str, year: int) -> bool:
    return day.year == year and day.month in SEASON_MONTHS[season]


def on_or_after_season(day: dt.date, season: str, year: int) -> bool:
    """Whether ``day`` falls in the season or later in its year, or in the half-year from the
    season's start (a report early the next year looks back on the autumn)."""
    months_after = (day.year - year) * 12 + day.month - SEASON_MONTHS[season][0]
    return months_after >= 0 and (day.year == year or months_after < LOOK_BACK_MONTHS)


def writes_season(text: str, season: str, year: int) -> bool:
    """Whether ``text`` writes the season ('autumn 2025', 'fall of 2025') or a day or month
    within it."""
    months = SEASON_MONTHS[season]
    for m in SEASON.finditer(text):
        if int(m.group(2)) == year and SEASON_MONTHS[m.group(1).lower()] == months:
            return True
    if any(in_season(day, season, year) for day in _days_in(text)):
        return True
    return any(
        int(m.group(2)) == year and MONTHS[m.group(1).lower()] in months
        for m in MONTH_YEAR.finditer(text)
    )


def years_named(text: str) -> tuple[int, ...]:
    """The years ``text`` names on their own, in order."""
    return tuple(dict.fromkeys(int(m.group(1)) for m in BARE_YEAR.finditer(text)))


def date_range(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The day, month or year a question names, as an inclusive range."""
    if named := dates_named(text):
        return named[0]
    if m := YEAR.search(text):
        year = int(m.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None, None


def dates_named(text: str) -> list[tuple[dt.date, dt.date]]:
    """Every day and month ``text`` names, as inclusive ranges, the one ``date_range`` reads
    first (a month that holds a named day counts as that day)."""
    days = list(dict.fromkeys(_days_in(text)))
    ranges = [(day, day) for day in days]
    held = {(day.year, day.month) for day in days}
    for m in MONTH_YEAR.finditer(text):
        year, month = int(m.group(2)), MONTHS[m.group(1).lower()]
        if (year, month) not in held:
            held.add((year, month))
            last = calendar.monthrange(year, month)[1]
            ranges.append((dt.date(year, month, 1), dt.date(year, month, last)))
    return ranges


def mentions(text: str, start: dt.date, end: dt.date, written: dt.date | None = None) -> bool:
    """Whether ``text`` writes a day within ``start``..``end`` ('30 September 2024') or, for a
    whole month, that month ('December 2024'). With the day the text was ``written``, a day it
    gives without a year ('20th March') counts too, read as the last such day by then."""
    days = _days_in(text) + (_yearless_days(text, written) if written else [])
    for day in days:
        if start <= day <= end:
            return True
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        months = {(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in MONTH_YEAR.finditer(text)}
        return (start.year, start.month) in months
    return False


def writes_year(text: str, year: int) -> bool:
    """Whether ``text`` writes ``year`` ('2021', 'March 2021') or a financial year ending in it
    ('2020-21', '2020/21')."""
    if re.search(rf"(?<!\d){year}(?!\d)", text):
        return True
    return re.search(rf"(?<!\d){year - 1}\s*[-/–]\s*{year % 100:02d}(?!\d)", text) is not None


def _days_in(text: str) -> list[dt.date]:
    """The days ``text`` writes in full ('3 May 2024', 'May 3, 2024'), day-first ones first."""
    days = []
    patterns = ((DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_SHORT_YEAR, "dmy"))
    for pattern, order in patterns:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
            try:
                days.append(dt.date(year, MONTHS[parts["m"].lower()], int(parts["d"])))
            except ValueError:
                continue
    return days


def _yearless_days(text: str, written: dt.date) -> list[dt.date]:
    """The days ``text`` writes without a year, each the last such day on or before
    ``written`` (minutes record what has happened; a report looks back)."""
    days = []
    for pattern, order in ((DAY_MONTH, "dm"), (MONTH_DAY, "md")):
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            day = _last_by(MONTHS[parts["m"].lower()], int(parts["d"]), written)
            if day is not None:
                days.append(day)
    return days


def _last_by(month: int, day: int, written: dt.date) -> dt.date | None:
    """The last ``day`` of ``month`` on or before ``written`` (None for a day no month has)."""
    for year in (written.year, written.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February of a year that has none, or no such day at all
            continue
        if candidate <= written:
            return candidate
    return None


def describe_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if start.month == end.month:
        return f"{start:%B %Y}"
    return str(start.year)
