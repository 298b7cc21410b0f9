"""What a question asks for, beyond its topic: a number, a date, an inspection grade, a reason,
an action; and which parts of a question of several parts ask something.

The answer step uses these to prefer sentences that hold the kind of fact asked for, to quote
one sentence per asked part of a question of several parts (``query.split_clauses`` finds the
parts), and to decline when no quotable sentence holds the figure or grade asked for (a passage
on the topic that lacks the figure does not answer).
"""

from __future__ import annotations

import re

from assistant.retrieval.question import MONEY_WORDS, MONTH_RE
from assistant.text import tokenize

NUMBER = "number"
DATE = "date"
GRADE = "grade"
REASON = "reason"
ACTION = "action"
MONEY = "money"
COUNT = "count"

ASKS_NUMBER = re.compile(
    r"\b(how (?:many|much|big|long|often|far)|by how|what (?:\w+ ){0,2}(?:percentage|proportion|"
    r"figures?|rate|amount|number|total|cost|fee|price|sum|size|budget|value|share|ratio|"
    r"targets?)|figures|cost|fees?|price|how much)\b",
    re.I,
)
# What 'how many' counts: the words after it, up to the verb ('how many libraries does').
COUNTED = re.compile(
    r"\bhow many\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)\s+(?:are|is|was|were|"
    r"do|does|did|have|has|had|will|would|can|could|in|of|on|at|for|to|that|"
    r"which|who)\b",
    re.I,
)
# A count is a number this many words from what is counted.
COUNT_WINDOW = 6
# 'How many potholes …' asks for a count: a percentage or a sum of money does not answer it.
ASKS_COUNT = re.compile(r"\bhow many\b(?! times)", re.I)
SHARE_OR_SUM = re.compile(
    r"[£$€]\s?\d[\d,.]*\s?(?:million|billion|bn|m|k)?|\d[\d,.]*\s?(?:%|per ?cent|percent)", re.I
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
ASKS_REASON = re.compile(
    r"^\s*why\b|\b(?:what|which) (?:were the )?reasons?\b|\bon what grounds\b", re.I
)
HOLDS_REASON = re.compile(
    r"\b(because|reasons?|grounds|due to|owing to|as a result|in order to|so that|would (?:cause|"
    r"result|lead|fail|harm|mean)|meaning)\b",
    re.I,
)
ASKS_ACTION = re.compile(
    r"\b(follow[- ]up|(?<!priority )actions?\b(?!\s+plan)|"
    r"asked (?:\w+ ){0,3}to (?:do|provide|bring|report)|asked for)\b",
    re.I,
)
# An action minuted: 'ACTION: Mr Marsh to bring …', '… agreed to provide …'.
HOLDS_ACTION = re.compile(
    r"^\W*action\b|\baction\s*[:–-]|\b(?:agreed|asked|requested|undertook) to\b|"
    r"\bto (?:bring|report back|provide|circulate|send|share|present)\b",
    re.I,
)
HOLDS_MONEY = re.compile(
    r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:million|billion|bn|pounds|euros?|dollars)\b", re.I
)
# A date in a sentence: '13 February 2025', 'February 13, 2025', 'March 2024', '12/02/2025', or
# when from now: 'within approximately three years'.
CALENDAR_DATE = (
    rf"\b(?:(?:\d{{1,2}}\s*[-–]\s*)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_RE})\b|"
    rf"(?:{MONTH_RE})\.?\s+\d{{1,2}}\b|(?:{MONTH_RE})\.?\s+(?:19|20)\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
HOLDS_DATE = re.compile(
    rf"{CALENDAR_DATE}|\bwithin (?:approximately |about |around )?\w+ (?:years?|months?|weeks?)",
    re.I,
)
# Ofsted and CQC judgement wording (ILACS grades, area SEND inspection outcomes).
HOLDS_GRADE = re.compile(
    r"\b(outstanding|requires improvement|inadequate|judged (?:to be |as )?(?:good|outstanding)|"
    r"overall effectiveness\W+good|"
    r"positive experiences and outcomes|inconsistent experiences and "
    r"outcomes|widespread and/or systemic failings|significant concerns about)\b",
    re.I,
)
QUANTITY = re.compile(
    r"[£$€]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|percent|million|m\b|bn|billion|k\b)|"
    r"\b\d+(?:[.,:]\d+)*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|thousand|half|third|quarter|dozen)\b",
    re.I,
)
# What is a number in form but not a quantity: list and paragraph numbers, dates, years.
NOT_QUANTITY = re.compile(
    rf"^\s*(?:\(?[a-z0-9]{{1,3}}[.)]|\d+(?:\.\d+)+)\s|{CALENDAR_DATE}|\b(?:19|20)\d{{2}}"
    rf"(?:[-/]\d{{2,4}})?\b|\b(?:item|items|paragraph|para|page|section|minute|appendix|annex|"
    rf"schedule|clause|chapter|part|table|figure|regulation|rule)\s+[“\"']?\d+[a-z]?\b",
    re.I,
)
LINK = re.compile(r"\(<?https?://[^)\s]*>?\)|<?https?://\S+")
INTERROGATIVE = re.compile(
    r"\s*(?:and\s+)?(?:what|when|where|which|who|whom|whose|why|how|whether|is|are|was|were|did|"
    r"does|do|has|have|had|can|could|will|would|should|give|tell|list|show|name|describe|"
    r"explain|summari[sz]e|from what|in what|on what|by what|at what|to what)\b",
    re.I,
)
# A question after a leading phrase: 'After the council's inspection, when will inspectors return'.
LATE_INTERROGATIVE = re.compile(r"[,;:]\s*(?:and\s+)?(?:what|when|where|which|who|why|how)\b", re.I)
# 'Which reports say …', 'What councils have …': the answer may be in several documents.
ASKS_LIST = re.compile(
    r"^\s*(?:which|what)\b(?:\s+[\w'’-]+){0,4}?\s+(?!(?:does|goes|has|was|is)\b)"
    r"[a-z]{2,}[^\Ws]s\s+(?:say|said|show|showed|mention\w*|"
    r"report\w*|have|had|were|are|did|do|does|found|find|describe\w*|raise\w*|include\w*)\b",
    re.I,
)


def asks(question: str) -> frozenset[str]:
    """The kinds of fact ``question`` asks for (none for an open question)."""
    found = {kind for kind, pattern in ASKS.items() if pattern.search(question)}
    if COUNT in found:  # a count is the number asked for
        found.discard(NUMBER)
    return frozenset(found)


ASKS = {
    COUNT: ASKS_COUNT,
    NUMBER: ASKS_NUMBER,
    DATE: ASKS_DATE,
    GRADE: ASKS_GRADE,
    REASON: ASKS_REASON,
    ACTION: ASKS_ACTION,
    MONEY: MONEY_WORDS,
}
HOLDS = {
    DATE: HOLDS_DATE,
    GRADE: HOLDS_GRADE,
    REASON: HOLDS_REASON,
    ACTION: HOLDS_ACTION,
    MONEY: HOLDS_MONEY,
}


def asked(parts: list[str]) -> list[bool]:
    """Which parts of a question ask something: a statement before the first question only sets
    the scene ('The report rates the scheme as red - what did the Cabinet Member say?'); what
    follows a question or a request is part of it ('Give me the verdicts: the ILACS grade …')."""
    first = next((i for i, part in enumerate(parts) if is_question(part)), 0)
    return [i >= first for i in range(len(parts))]


def is_question(part: str) -> bool:
    """Whether a part of a question asks something ('what did …', 'give me …') rather than
    setting the scene ('The report rates the scheme as red')."""
    return (
        bool(INTERROGATIVE.match(part))
        or part.rstrip().endswith("?")
        or bool(LATE_INTERROGATIVE.search(part))
    )


def asks_for_several(question: str) -> bool:
    """Whether the question asks which documents, areas or bodies say something (a list)."""
    return bool(ASKS_LIST.search(question))


# A judgement reported as an earlier one ('the predecessor authority was judged inadequate in
# 2019', 'at the previous inspection …'): the answer to a grade question only if it asks that.
EARLIER = re.compile(
    r"\b(?:previous(?:ly)?|predecessor|prior|earlier|last (?:full |standard )?inspection)\b", re.I
)

ASKS_EARLIER = re.compile(
    rf"{EARLIER.pattern}|\b(?:before|old|former|last|had been|used to be)\b", re.I
)

ASKS_FUTURE = re.compile(r"\b(?:will|next|come back|return\w*|due|upcoming|future)\b", re.I)


def holds_asked(kind: str, text: str, question: str) -> bool:
    """Whether ``text`` holds the fact of ``kind`` that ``question`` asks for: a grade must be
    the inspection's own unless the question asks about an earlier one."""
    if kind == GRADE and EARLIER.search(text) and not ASKS_EARLIER.search(question):
        return False
    if kind == DATE and EARLIER.search(text) and ASKS_FUTURE.search(question):
        return False  # 'Date of previous inspection: …' does not say when inspectors return
    if kind == COUNT:
        return counts(text, counted(question))
    return holds(kind, text)


def counted(question: str) -> set[str]:
    """The stemmed words of what 'how many …' counts ('how many home-educated pupils' →
    home, educat, pupil); empty when the question does not say."""
    found = COUNTED.search(question)
    return set(tokenize(found.group(1))) if found else set()


def counts(text: str, things: set[str]) -> bool:
    """Whether ``text`` gives a count of ``things``: a number within a few words of one of them
    ('around 100 potholes', 'monitors 1,700 home educated children'); any number when the
    question does not say what it counts."""
    if not holds(COUNT, text):
        return False
    if not things:
        return True
    tokens = [(t, bool(QUANTITY.fullmatch(raw))) for raw, t in _words(text)]
    numbers = [i for i, (_, number) in enumerate(tokens) if number]
    near = {t for i in numbers for t, _ in tokens[max(0, i - COUNT_WINDOW) : i + COUNT_WINDOW + 1]}
    return bool(near & things)


def _words(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` with its stemmed form (numbers as they are)."""
    raw = re.findall(r"[£$€]?\d[\d,.]*%?|[A-Za-z]+(?:[-'’][A-Za-z]+)*", SHARE_OR_SUM.sub(" ", text))
    return [(w, (tokenize(w) or [w.lower()])[0]) for w in raw]


def holds(kind: str, text: str) -> bool:
    """Whether ``text`` holds a fact of ``kind`` (a quantity, a date, a judgement)."""
    text = " ".join(text.split())
    if kind in HOLDS:
        return bool(HOLDS[kind].search(text))
    if kind == COUNT:
        text = SHARE_OR_SUM.sub(" ", text)
    text = LINK.sub(" ", text).lstrip("#* ")
    return bool(QUANTITY.search(NOT_QUANTITY.sub(" ", text)))
