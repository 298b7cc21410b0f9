"""What kind of fact a sentence holds (a quantity, a count, a date, an inspection's
judgement)."""

from __future__ import annotations

import re

from assistant.retrieval.dates import MONTH_RE

NUMBER = "number"
DATE = "date"
GRADE = "grade"
COUNT = "count"
SUM = "sum"
SHARE_OR_SUM = re.compile(
    r"[£$€]\s?\d[\d,.]*\s?(?:million|billion|bn|m|k)?|\d[\d,.]*\s?(?:%|per ?cent|percent)", re.I
)
# A date in a sentence: '13 February 2025', '29 and 30 July 2025', 'February 13, 2025',
# 'March 2024', '12/02/2025', or when from now: 'within approximately three years'.
CALENDAR_DATE = (
    rf"\b(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*)?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_RE})\b|"
    rf"(?:{MONTH_RE})\.?\s+\d{{1,2}}\b|(?:{MONTH_RE})\.?\s+(?:19|20)\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
HOLDS_DATE = re.compile(
    rf"{CALENDAR_DATE}|\bwithin (?:approximately |about |around )?\w+ (?:years?|months?|weeks?)",
    re.I,
)
# Ofsted and CQC judgement wording (ILACS grades, area SEND inspection outcomes).
HOLDS_GRADE = re.compile(
    r"\b(outstanding|requires? improvement|inadequate|judged (?:to be |as )?(?:good|outstanding)|"
    r"overall effectiveness\W+good|"
    r"positive experiences and outcomes|inconsistent experiences and "
    r"outcomes|widespread and/or systemic failings|significant concerns about)\b",
    re.I,
)
# The record of a vote on a motion: 'Motion Passed (9 to 5)', 'For (51)', 'carried unanimously'.
VOTE_RECORD = re.compile(
    r"\(\d+ to \d+\)|\bmotion (?:passed|carried|lost|failed|defeated)\b|\bfor\s*\(\d+\)|"
    r"\b(?:carried|agreed|passed) unanimously\b|\bunanimously (?:carried|agreed|passed)\b|"
    r"\bthe voting was\b",
    re.I,
)
QUANTITY = re.compile(
    r"[£$€]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|percent|million|m\b|bn|billion|k\b)|"
    r"\b\d+(?:[.,:]\d+)*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|thousand|half|third|quarter|dozen|twice|double|"
    r"treble|triple)\b",
    re.I,
)
# What is a number in form but not a quantity: list and paragraph numbers, dates, years.
NOT_QUANTITY = re.compile(
    rf"^\s*(?:\(?[a-z0-9]{{1,3}}[.)]|\d+(?:\.\d+)+)\s|{CALENDAR_DATE}|\b(?:19|20)\d{{2}}"
    rf"(?:[-/]\d{{2,4}})?\b|\b(?:item|items|paragraph|para|page|section|minute|appendix|annex|"
    rf"schedule|clause|chapter|part|table|figure|regulation|rule|year)\s+[“\"']?\d+[a-z]?\b",
    re.I,
)
# A length of time: '20-week timescale', '18 months', '6 month pilot'.
DURATION = re.compile(
    r"\b\d+(?:\.\d+)?[- ]?(?:days?|weeks?|months?|years?|hours?|minutes?)\b", re.I
)
# A sum of money or a share of one: '£1.2m', '$650,000', '300 euro', '1.5%'.
HOLDS_SUM = re.compile(
    rf"{SHARE_OR_SUM.pattern}|\b\d[\d,.]*\s?(?:euros?|pounds|dollars)\b", re.I
)
# A figure as written in a question, to be matched in a sentence: '12', '1,250.00'.
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
LINK = re.compile(r"\(<?https?://[^)\s]*>?\)|<?https?://\S+")
HOLDS = {DATE: HOLDS_DATE, GRADE: HOLDS_GRADE}


def figures(text: str) -> frozenset[str]:
    """The figures ``text`` writes ('12-18 Mill Lane': 12 and 18)."""
    return frozenset(FIGURE.findall(text))


def holds(kind: str, text: str, given: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` holds a fact of ``kind`` (a quantity, a sum of money or a share of
    one, a date, a judgement). A figure the question itself gives (``given``) does not answer
    it: asked how many homes the scheme at 12-18 Mill Lane provides, '12' is not the answer."""
    text = " ".join(text.split())
    if kind in HOLDS:
        return bool(HOLDS[kind].search(text))
    if given:
        text = FIGURE.sub(lambda m: " " if m.group() in given else m.group(), text)
    if kind == SUM:
        return bool(HOLDS_SUM.search(text))
    if kind == COUNT:
        text = DURATION.sub(" ", SHARE_OR_SUM.sub(" ", text))
    text = LINK.sub(" ", text).lstrip("#* ")
    return bool(QUANTITY.search(NOT_QUANTITY.sub(" ", text)))
