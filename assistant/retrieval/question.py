"""Question understanding without an LLM: which body, committee, date and kind of passage.

What the question names (or, for a follow-up, what the earlier questions named) becomes a boost
in retrieval and is added to the retrieval text. Names are matched against what the index
actually holds, so the rules work for any council's documents.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.text import stem, tokenize

# Words that say how a question is asked, not what it is about.
QUESTION_WORDS = frozenset(
    """according actually agree back big came come current currently decide did do does down get
    give given going got happen have how key main many much one part put said
    say see summary summarise tell thing think told turn want went""".split()
)


def content_terms(question: str) -> set[str]:
    """The stemmed terms of a question that name what it is about."""
    return set(tokenize(question)) - {stem(w) for w in QUESTION_WORDS}


GENERIC_WORDS = frozenset(
    "the of and for a an council county city borough district committee meeting local "
    "authority area partnership metropolitan municipal parish town full special monthly".split()
)
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
DAY_MONTH_YEAR = re.compile(rf"\b{ORDINAL}\s+({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+{ORDINAL},?\s+(\d{{4}})\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
# 'in 2024' dates a meeting; 'for 2022 to 2026' or 'in 2024-25' names a plan's or budget's
# period, which meetings years before may discuss.
YEAR = re.compile(
    r"\b(?:in|during|for)\s+((?:19|20)\d{2})\b(?!\s*(?:[-–/]|to\b|until\b)\s*\d{2})", re.I
)
RESOLUTION_WORDS = re.compile(
    r"\b(resolv\w*|resolution\w*|decid\w*|decision\w*|agree\w*|approv\w*|recommend\w*|"
    r"voted?|motion)\b",
    re.I,
)
ACTION_WORDS = re.compile(r"\b(action\w*|follow[- ]up|asked to|agreed to provide)\b", re.I)
NUMBER_WORDS = re.compile(
    r"\b(how (?:many|much|long|often)|what (?:date|percentage|proportion|figure|rate|amount)|"
    r"when|which date|how big|what size|by how)\b",
    re.I,
)
# "What did we last decide about X?": the newest decision first (views.latest_answer).
_LATEST = r"(?:last|latest|most recent(?:ly)?)"
_DECIDED = r"(?:decid\w*|decision\w*|resol\w*|agreed)"
LATEST_DECISION = re.compile(
    rf"\b{_LATEST}\s+(?:\w+\s+)?{_DECIDED}\b|\b{_DECIDED}\s+(?:\w+\s+)?{_LATEST}\b", re.I
)
ABOUT_TOPIC = re.compile(r"\b(?:about|on|regarding|concerning|over)\s+(.+?)\s*[?.!]*$", re.I)
INSPECTION_KIND_SLACK = dt.timedelta(days=120)
VISIT_DAYS = dt.timedelta(days=14)
IMPROVE_BOOST = 1.0
# A follow-up that points back at what an earlier question named.
REFERS_BACK = re.compile(
    r"\b(?:that|this|those|these)\s+(?!is\b|was\b|are\b|were\b|the\b|a\b|an\b)[a-z]+", re.I
)
# Asked how something is paid for or what it costs: the answer holds a sum of money.
MONEY_WORDS = re.compile(
    r"\b(?:(?:paid|pay(?:ing)?) for|funded|financed|costs?|costing|money|budget\w*|spend\w*|"
    r"spent)\b",
    re.I,
)
MONEY = re.compile(r"[£$€]\s?\d")
MONEY_BOOST = 0.5
# Asked what must get better: inspection letters answer under headings such as "What needs to
# improve in this area of social work practice?", "Areas for priority action" or "What does the
# area partnership need to do better?" (not a judgement such as "requires improvement to be good").
IMPROVE_WORDS = re.compile(
    r"\b(?:to improve|improvements? (?:are |is )?(?:needed|required)|areas? (?:for|of) "
    r"improvement|(?:do|get) better|priority actions?\b(?!\s+plan)|weakness(?:es)?)\b",
    re.I,
)
IMPROVE_HEADING = re.compile(
    r"(?<!requires )\bimprove(?:ment)?s?\b|\bdo better\b|\bpriority action|\bweakness", re.I
)
# A clause ends at a sentence mark, a colon or semicolon, or a spaced dash ("… red - what …").
CLAUSE_BREAK = re.compile(r"(?<=[?.!;:])\s+|\s+[-\u2013\u2014]\s+")
# "…, and how did it …", "… and the outcome of …": a second question joined by "and" (not the
# "and" of "between X and the Y" or "both X and the Y", which name one thing).
AND_BREAK = re.compile(
    r",?\s+and\s+(?=(?:how|when|what|which|who|whom|whose|why|where|whether|is|are|was|were|"
    r"did|does|do|has|have|had|the)\b)",
    re.I,
)
CLAUSE_WORD = re.compile(r"[A-Za-z0-9£%]+")
CLAUSE_STOPWORDS = frozenset(
    "a an and are as at be by did do does for from give had has have how i in is it its me of on "
    "or please show tell that the their them they this to us was were what when where which who "
    "why with".split()
)
MIN_CLAUSE_WORDS = 2
PAIRED = re.compile(r"\b(?:between|both)\b(?:(?!\band\b)[^?.!;:])*$", re.I)
# A committee's name used as a title of a person: "Cabinet Member for …", "Panel members".
ROLE = re.compile(r"\b[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*\s+(?i:member|chair|chairman|leader)s?\b")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The bodies and committees the index holds, for matching names in questions."""

    councils: tuple[str, ...] = ()
    committees: tuple[str, ...] = ()

    @classmethod
    def from_metadata(cls, metadatas: Iterable[dict[str, Any]]) -> Vocabulary:
        councils: set[str] = set()
        committees: set[str] = set()
        for meta in metadatas:
            if meta.get("council"):
                councils.add(str(meta["council"]))
            if meta.get("committee"):
                committees.add(str(meta["committee"]))
        return cls(tuple(sorted(councils)), tuple(sorted(committees)))


@dataclass(slots=True)
class QueryPlan:
    """What retrieval and answering need to know about a question."""

    question: str
    text: str
    councils: set[str] = field(default_factory=set)
    committees: set[str] = field(default_factory=set)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    wants_resolution: bool = False
    wants_action: bool = False
    wants_number: bool = False
    wants_improvement: bool = False
    wants_money: bool = False
    carried: list[str] = field(default_factory=list)
    # The earlier question a follow-up points back to ('that contract', 'it'), if it does.
    topic: str = ""
    # What a "what did we last decide about X" question is about ("" for other questions).
    latest_topic: str = ""
    parts: list[QueryPlan] = field(default_factory=list)

    def named_fits(self, meta: dict[str, Any]) -> list[bool | None]:
        """For the council, committee and date the question names: whether a chunk's metadata
        has it (None where the question names none)."""
        return [
            meta.get("council") in self.councils if self.councils else None,
            meta.get("committee") in self.committees if self.committees else None,
            self.date_fits(meta) if self.date_from else None,
        ]

    def kind_fits(self, meta: dict[str, Any]) -> bool:
        """A resolution (an action) when the question asks what was decided (actioned)."""
        kind = meta.get("section_kind")
        return (self.wants_resolution and kind == "resolution") or (
            self.wants_action and kind == "action"
        )

    def metadata_match(self, meta: dict[str, Any]) -> float:
        """How well a chunk's metadata fits what the question names (0 = nothing named fits)."""
        score = float(sum(fits is True for fits in self.named_fits(meta)))
        if self.kind_fits(meta):
            score += 0.5
        if self.wants_improvement and IMPROVE_HEADING.search(str(meta.get("heading") or "")):
            score += IMPROVE_BOOST
        return score

    def text_match(self, text: str) -> float:
        """How well a passage's text fits the kind of answer asked for (a sum of money)."""
        return MONEY_BOOST if self.wants_money and MONEY.search(text) else 0.0

    def date_fits(self, meta: dict[str, Any]) -> bool:
        """Whether a chunk's meeting (or inspection) date is in the range the question names."""
        if not meta.get("date") or self.date_from is None or self.date_to is None:
            return False
        day = dt.date.fromisoformat(str(meta["date"]))
        if meta.get("doc_kind") != "inspection":
            return self.date_from <= day <= self.date_to
        # An inspection is dated by the first day of a visit of up to two weeks (a question may
        # name the month it ended in), and its report is published weeks after it.
        return self.date_from - VISIT_DAYS <= day <= self.date_to + INSPECTION_KIND_SLACK


def distinctive_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in GENERIC_WORDS]


def acronym(name: str) -> str:
    """'Kent County Council' → 'KCC' (only for names of three words or more)."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def names_in(text: str, names: Iterable[str]) -> set[str]:
    """The names whose distinctive words (or acronym) all occur in ``text``."""
    lowered = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "
    found: set[str] = set()
    for name in names:
        words = distinctive_words(name)
        if words and all(f" {w} " in lowered for w in words):
            found.add(name)
        elif not words and f" {' '.join(re.findall(r'[a-z0-9]+', name.lower()))} " in lowered:
            found.add(name)
        elif (abbr := acronym(name)) and re.search(rf"\b{abbr}\b", text):
            found.add(name)
    return _most_specific(found)


def _most_specific(found: set[str]) -> set[str]:
    """Drop a name whose words are all inside another match ('Cabinet' vs 'Shadow Cabinet',
    'Council' vs 'County Council')."""
    keep = set(found)
    for a in found:
        for b in found:
            words_a = set(distinctive_words(a)) or set(_words(a))
            words_b = set(distinctive_words(b)) or set(_words(b))
            if a != b and words_a and words_a < words_b:
                keep.discard(a)
    return keep


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.lower())


def committees_in(text: str, committees: Iterable[str], councils: Iterable[str]) -> set[str]:
    """The committees ``text`` names as meetings: not inside a body's name ('Kent County Council'
    is no 'County Council' meeting) nor as a role ('the Cabinet Member for Education')."""
    for council in sorted(councils, key=len, reverse=True):
        text = re.sub(re.escape(council), " ", text, flags=re.I)
    text = ROLE.sub(" ", text)
    return names_in(text, committees)


def date_range(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The day, month or year a question names, as an inclusive range."""
    for pattern, order in ((DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy")):
        if m := pattern.search(text):
            parts = dict(zip(order, m.groups(), strict=True))
            try:
                day = dt.date(int(parts["y"]), MONTHS[parts["m"].lower()], int(parts["d"]))
            except ValueError:
                continue
            return day, day
    if m := MONTH_YEAR.search(text):
        year, month = int(m.group(2)), MONTHS[m.group(1).lower()]
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := YEAR.search(text):
        year = int(m.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None, None


def plan_query(
    question: str, history: list[str] | None = None, vocabulary: Vocabulary | None = None
) -> QueryPlan:
    """Read a question (and the conversation before it) into a ``QueryPlan``."""
    vocab = vocabulary or Vocabulary()
    plan = _read(question, history or [], vocab)
    if history and REFERS_BACK.search(question):
        # 'How much is that contract worth?': the thing referred to is named only earlier.
        plan.topic = history[-1]
        plan.text = f"{history[-1]} {plan.text}"
    clauses = split_clauses(question)
    if len(clauses) > 1:
        plan.parts = [_plan_part(i, clauses, history or [], vocab) for i in range(len(clauses))]
    return plan


def split_clauses(question: str) -> list[str]:
    """The questions a multi-part question asks, each a clause of a few content words.

    "The report rates the scheme as red - what did the Cabinet Member say?" and "What grade did
    it give, and how did it describe the trend?" are two questions each; a clause too short to be
    searched on its own ("and are they helping?") stays joined to the one before it (or after).
    """
    text = question.strip()
    cuts = sorted(
        {m.span() for m in CLAUSE_BREAK.finditer(text)}
        | {m.span() for m in AND_BREAK.finditer(text) if not PAIRED.search(text[: m.start()])}
    )
    spans: list[tuple[int, int]] = []
    start = 0
    for cut_start, cut_end in cuts:
        if cut_start > start:
            spans.append((start, cut_start))
        start = max(start, cut_end)
    spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for begin, end in spans:
        begin = begin if pending is None else pending
        if _clause_words(text[begin:end]) < MIN_CLAUSE_WORDS:
            pending = begin
            continue
        merged.append((begin, end))
        pending = None
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(text))
        else:
            merged.append((pending, len(text)))
    return [text[begin:end].strip(" ,;:-") for begin, end in merged]


def _clause_words(text: str) -> int:
    return sum(1 for w in CLAUSE_WORD.findall(text) if w.lower() not in CLAUSE_STOPWORDS)


def _plan_part(index: int, clauses: list[str], history: list[str], vocab: Vocabulary) -> QueryPlan:
    """One clause planned alone, keeping the subject (body, committee, date) of the others and
    of the conversation: the nearest clause before it first, then the ones after it."""
    others = [*history, *clauses[index + 1 :][::-1], *clauses[:index]]
    return _read(clauses[index], others, vocab)


def _read(question: str, earlier: list[str], vocab: Vocabulary) -> QueryPlan:
    """What ``question`` names, then the subject of ``earlier`` text (latest first) it lacks."""
    plan = QueryPlan(question=question, text=question)
    plan.councils = names_in(question, vocab.councils)
    plan.committees = committees_in(question, vocab.committees, vocab.councils)
    plan.date_from, plan.date_to = date_range(question)
    plan.wants_resolution = bool(RESOLUTION_WORDS.search(question))
    plan.wants_action = bool(ACTION_WORDS.search(question))
    plan.wants_number = bool(NUMBER_WORDS.search(question))
    plan.wants_improvement = bool(IMPROVE_WORDS.search(question))
    plan.wants_money = bool(MONEY_WORDS.search(question))
    plan.latest_topic = latest_topic(question)
    for text in reversed(earlier):
        _carry_subject(plan, text, vocab)
    if plan.carried:
        plan.text = " ".join(plan.carried) + " " + question
    return plan


def latest_topic(question: str) -> str:
    """X of a question asking for the latest decision about X, else ""."""
    if not LATEST_DECISION.search(question):
        return ""
    about = ABOUT_TOPIC.search(question)
    return about.group(1).strip() if about else ""


def _carry_subject(plan: QueryPlan, earlier: str, vocab: Vocabulary) -> None:
    """A follow-up keeps the body, committee and date of earlier questions it does not replace."""
    if not plan.councils and (councils := names_in(earlier, vocab.councils)):
        plan.councils = councils
        plan.carried.extend(sorted(councils))
    committees = committees_in(earlier, vocab.committees, vocab.councils)
    if not plan.committees and committees:
        plan.committees = committees
        plan.carried.extend(sorted(committees))
    if plan.date_from is None:
        start, end = date_range(earlier)
        if start is not None and end is not None:
            plan.date_from, plan.date_to = start, end
            plan.carried.append(_describe_range(start, end))


def _describe_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if start.month == end.month:
        return f"{start:%B %Y}"
    return str(start.year)
