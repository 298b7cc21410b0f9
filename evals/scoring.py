"""Scoring of evaluation questions, exactly as ``shared/eval/README.md`` defines it.

Pure functions, no I/O: the harness (``evals.run``) asks a pipeline, turns what it returned into
an :class:`AnswerResult`, and hands it here with the :class:`Question`.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

# Every dash the README lists (‐ ‑ ‒ – — −) plus the horizontal bar and the small/full-width forms.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_TRANSLATE = str.maketrans(
    {
        **{c: "-" for c in _DASHES},
        **{c: "'" for c in "\u2018\u2019\u201a\u201b"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f"},
    }
)
# A hyphen ending a line, after a word character: "wait-\ning" -> "waiting". A dash after a
# space ("costs -\nsee") is punctuation, not a broken word, so it is left alone.
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[^\S\r\n]*(?:\r\n|\r|\n)\s*")
_SPACES = re.compile(r"\s+")

MRR_DEPTH = 10


def normalise(s: str) -> str:
    """N(s): NFKC, casefold, straight quotes, every dash to '-', line-end hyphens joined,
    whitespace runs to one space, stripped."""
    s = unicodedata.normalize("NFKC", s).casefold().translate(_TRANSLATE)
    s = _LINE_END_HYPHEN.sub("", s)
    return _SPACES.sub(" ", s).strip()


def contains(haystack: str, needle: str) -> bool:
    """The README's "contains": ``N(needle) in N(haystack)``."""
    return normalise(needle) in normalise(haystack)


def normalise_source(path: str) -> str:
    """Corpus-relative path as compared: forward slashes, no leading './', NFC."""
    path = unicodedata.normalize("NFC", path.replace("\\", "/"))
    while path.startswith("./"):
        path = path[2:]
    return path


@dataclass(frozen=True, slots=True)
class Question:
    """One line of a question file."""

    id: str
    question: str
    answerable: bool
    answer_contains: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    evidence: str = ""
    kind: str = "other"

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> Question:
        """Build from a parsed JSON line; ``id``, ``question`` and ``answerable`` are required."""
        missing = [key for key in ("id", "question", "answerable") if key not in row]
        if missing:
            raise ValueError(f"question {row.get('id', '?')}: missing {', '.join(missing)}")
        return cls(
            id=str(row["id"]),
            question=str(row["question"]),
            answerable=bool(row["answerable"]),
            answer_contains=tuple(str(s) for s in row.get("answer_contains") or ()),
            sources=tuple(normalise_source(str(s)) for s in row.get("sources") or ()),
            history=tuple(str(s) for s in row.get("history") or ()),
            evidence=str(row.get("evidence") or ""),
            kind=str(row.get("kind") or "other"),
        )


@dataclass(frozen=True, slots=True)
class Retrieved:
    """A passage as the scorer sees it: where it comes from and its text."""

    source: str
    text: str


@dataclass(slots=True)
class AnswerResult:
    """What a pipeline returned for one question. ``scored=False`` means the pipeline gives no
    answer (the naive retriever): answer metrics are then null, retrieval is still scored."""

    passages: list[Retrieved]
    text: str = ""
    citations: list[Retrieved] = field(default_factory=list)
    abstained: bool = False
    ms: float = 0.0
    scored: bool = True
    error: str = ""


@dataclass(slots=True)
class QuestionScore:
    """The per-question record of the JSON report."""

    id: str
    kind: str
    answerable: bool
    question: str
    hit: bool | None
    rank: int | None
    answer_recall: bool | None
    cites_support: bool | None
    citations: int | None
    supporting_citations: int | None
    abstained: bool | None
    answer_words: int | None
    answer: str
    ms: int
    top_sources: list[str] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def supports(
    passage_source: str, passage_text: str, question: Question, *, normalised: bool = False
) -> bool:
    """A passage supports a question when it comes from one of ``sources`` and contains at least
    one ``answer_contains`` string, or comes from any file and contains all of them.
    ``normalised``: ``passage_text`` is already ``N(text)`` (for labelling a whole index).

    A question without ``answer_contains`` strings (an unanswerable one) has no support: the
    README's "every string" would otherwise hold vacuously for any passage.
    """
    needles = _normalised(question.answer_contains)
    if not needles:
        return False
    text = passage_text if normalised else normalise(passage_text)
    found = [needle in text for needle in needles]
    if all(found):
        return True
    return any(found) and normalise_source(passage_source) in question.sources


@lru_cache(maxsize=256)
def _normalised(strings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise(s) for s in strings)


def first_supporting_rank(passages: Sequence[Retrieved], question: Question) -> int | None:
    """1-based rank of the first supporting passage, or None."""
    for rank, passage in enumerate(passages, start=1):
        if supports(passage.source, passage.text, question):
            return rank
    return None


def word_count(text: str) -> int:
    """Words in an answer: whitespace-separated tokens."""
    return len(text.split())


def score_question(question: Question, result: AnswerResult, k: int = 5) -> QuestionScore:
    """Score one answer. Retrieval and answer fields are None where they do not apply
    (retrieval and answer recall on unanswerable questions; every answer field when the
    pipeline gives no answer)."""
    rank = first_supporting_rank(result.passages, question) if question.answerable else None
    hit = (rank is not None and rank <= k) if question.answerable else None
    score = QuestionScore(
        id=question.id,
        kind=question.kind,
        answerable=question.answerable,
        question=question.question,
        hit=hit,
        rank=rank,
        answer_recall=None,
        cites_support=None,
        citations=None,
        supporting_citations=None,
        abstained=None,
        answer_words=None,
        answer=result.text,
        ms=round(result.ms),
        top_sources=[p.source for p in result.passages[:k]],
        cited_sources=[c.source for c in result.citations],
        error=result.error,
    )
    if not result.scored:
        return score
    supporting = sum(supports(c.source, c.text, question) for c in result.citations)
    score.citations = len(result.citations)
    score.supporting_citations = supporting
    score.abstained = result.abstained
    score.answer_words = word_count(result.text)
    if question.answerable:
        score.answer_recall = all(contains(result.text, s) for s in question.answer_contains)
        score.cites_support = supporting > 0
    return score


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _share(flags: Iterable[bool]) -> float | None:
    items = list(flags)
    return round(sum(items) / len(items), 3) if items else None


def summarise(records: Sequence[QuestionScore], k: int = 5) -> dict[str, Any]:
    """The report's ``summary``: the README's scores over these records (None where a score has
    no questions to be computed over, or the pipeline gives no answers)."""
    answerable = [r for r in records if r.answerable]
    unanswerable = [r for r in records if not r.answerable]
    scored = [r for r in records if r.abstained is not None]
    scored_answerable = [r for r in answerable if r.abstained is not None]
    scored_unanswerable = [r for r in unanswerable if r.abstained is not None]
    n_citations = sum(r.citations or 0 for r in scored_answerable)
    n_supporting = sum(r.supporting_citations or 0 for r in scored_answerable)
    ms = [float(r.ms) for r in records]
    return {
        "questions": len(records),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "k": k,
        f"hit@{k}": _share(bool(r.hit) for r in answerable),
        f"mrr@{MRR_DEPTH}": _mrr(answerable),
        "answer_recall": _share(bool(r.answer_recall) for r in scored_answerable),
        "citation_recall": _share(bool(r.cites_support) for r in scored_answerable),
        "citation_precision": round(n_supporting / n_citations, 3) if n_citations else None,
        "answered": _share(not r.abstained for r in scored_answerable),
        "abstained": _share(bool(r.abstained) and r.citations == 0 for r in scored_unanswerable),
        "answer_words": _median([r.answer_words or 0 for r in scored]),
        "p50_ms": round(percentile(ms, 50)) if ms else None,
        "p95_ms": round(percentile(ms, 95)) if ms else None,
    }


def _mrr(answerable: Sequence[QuestionScore]) -> float | None:
    if not answerable:
        return None
    total = sum(1 / r.rank for r in answerable if r.rank is not None and r.rank <= MRR_DEPTH)
    return round(total / len(answerable), 3)


def _median(values: Sequence[int]) -> float | int | None:
    if not values:
        return None
    middle = statistics.median(values)
    return int(middle) if float(middle).is_integer() else float(middle)


def by_kind(records: Sequence[QuestionScore], k: int = 5) -> dict[str, dict[str, Any]]:
    """The report's ``by_kind``: :func:`summarise` per question kind, kinds in first-seen order."""
    kinds: dict[str, list[QuestionScore]] = {}
    for record in records:
        kinds.setdefault(record.kind, []).append(record)
    out: dict[str, dict[str, Any]] = {}
    for kind, group in kinds.items():
        summary = summarise(group, k)
        del summary["k"]
        out[kind] = summary
    return out
