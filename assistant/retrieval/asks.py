"""What a question asks for, beyond its topic: a number, a count, a date, an inspection grade;
and which parts of a question of several parts ask something.

The answer step uses these to prefer sentences that hold the kind of fact asked for, to quote
one sentence per asked part of a question of several parts (``question.split_clauses`` finds the
parts), and to decline when no quotable sentence holds the figure or grade asked for (a passage
on the topic that lacks the figure does not answer).
"""

from __future__ import annotations

import re

from assistant.retrieval.facts import COUNT, DATE, GRADE, NUMBER, SUM

ASKS_NUMBER = re.compile(
    r"\b(how (?:many|much|big|long|far)|by how|what (?:\w+ ){0,2}(?:percentage|proportion|"
    r"figures?|rate|amount|number|total|cost|fee|price|sum|size|budget|value|share|ratio|"
    r"targets?|scores?|limits?)|figures|cost|fees?|price|how much|average|mean|median)\b",
    re.I,
)
# 'How many potholes …' asks for a count: a percentage, a sum of money or a length of time does
# not answer it ('how many weeks …' asks for a length of time).
ASKS_COUNT = re.compile(
    r"\bhow many\b(?! times| (?:days|weeks|months|years|hours|minutes)\b)", re.I
)
# Asked what is paid, spent or owed ('what price …', 'how much will it cost'), the figure is a
# sum of money (or a share of one), not a count or a reference number.
ASKS_SUM = re.compile(
    r"\b(?:how much|what|which)\b(?:\W+[\w'’]+){0,5}?\W+(?:costs?|costing|price[sd]?|pay|paid|"
    r"paying|owe[sd]?|owing|fees?|funding|spend|spent|spending|budgets?|worth|loans?|grants?|"
    r"savings?|save[sd]?|charges?|levy)\b",
    re.I,
)
# 'When' asks for a date only where a question starts ('… when they met' does not).
ASKS_DATE = re.compile(
    r"(?:^|[?,;:]\s*|\band\s+)when\b|\b(?:what date|which date|what day|deadlines?|dates?|"
    r"by when)\b",
    re.I,
)
ASKS_GRADE = re.compile(
    r"\b(grades?|graded|rated|ratings?|judged|judge?ments?|verdicts?|overall outcome|"
    r"overall effectiveness|outcomes? of (?:[\w'’]+ ){0,4}(?:inspection|visit)|"
    r"(?:inspection|visit) outcomes?)\b",
    re.I,
)
INTERROGATIVE = re.compile(
    r"\s*(?:and\s+)?(?:what|when|where|which|who|whom|whose|why|how|whether|is|are|was|were|did|"
    r"does|do|has|have|had|can|could|will|would|should|give|tell|list|show|name|describe|"
    r"explain|summari[sz]e|from what|in what|on what|by what|at what|to what)\b",
    re.I,
)
# A question after a leading phrase: 'After the council's inspection, when will inspectors return'.
LATE_INTERROGATIVE = re.compile(
    r"[,;:]\s*(?:and\s+)?(?:(?:for|on|in|by|at|to|from)\s+)?(?:what|when|where|which|who|why|how)\b",
    re.I,
)


def asks(question: str) -> frozenset[str]:
    """The kinds of fact ``question`` asks for (none for an open question)."""
    found = {kind for kind, pattern in ASKS.items() if pattern.search(question)}
    if COUNT in found:  # a count is the number asked for
        found.discard(NUMBER)
    elif NUMBER in found and ASKS_SUM.search(question):
        found = (found - {NUMBER}) | {SUM}
    return frozenset(found)


ASKS = {
    COUNT: ASKS_COUNT,
    NUMBER: ASKS_NUMBER,
    DATE: ASKS_DATE,
    GRADE: ASKS_GRADE,
}


def asked(parts: list[str]) -> list[bool]:
    """Which parts of a question ask something: a statement before the first question only sets
    the scene ('The tracker shows the bypass as late - what has the Leader said?'); what
    follows a question or a request is part of it ('Give me the figures: the rent rise …')."""
    first = next((i for i, part in enumerate(parts) if is_question(part)), 0)
    return [i >= first for i in range(len(parts))]


def is_question(part: str) -> bool:
    """Whether a part of a question asks something ('what did …', 'give me …') rather than
    setting the scene ('The tracker shows the bypass as late')."""
    return (
        bool(INTERROGATIVE.match(part))
        or part.rstrip().endswith("?")
        or bool(LATE_INTERROGATIVE.search(part))
    )
