"""Which passages are about what a question names: the council or area, the meeting's date,
the agenda item."""

from __future__ import annotations

from dataclasses import replace

from assistant.query import QueryPlan, acronym, date_range, distinctive_words
from assistant.types import Passage
from assistant.units import Unit


def on_subject(plan: QueryPlan, units: list[Unit], passages: list[Passage]) -> list[Unit]:
    """The units of passages from documents about the council or area the question names, and
    from the meeting or inspection it dates (when any passage is)."""
    named = (
        {p.source for p in passages if any(about(p, name) for name in plan.councils)}
        if plan.councils
        else {p.source for p in passages}
    )
    kept = [u for u in units if passages[u.passage_rank].source in named]
    ranges = [r for r in map(date_range, (part.question for part in plan.parts)) if r[0]] or [
        (plan.date_from, plan.date_to)
    ]
    plans = [replace(plan, date_from=start, date_to=end) for start, end in ranges]
    dated = [u for u in kept if any(p.date_fits(passages[u.passage_rank].metadata) for p in plans)]
    return dated or kept


def about(passage: Passage, name: str) -> bool:
    """Whether the passage is from, or mentions, the body called ``name``."""
    meta = passage.metadata
    context = " ".join(
        str(meta.get(key, "")) for key in ("council", "committee", "doc_title", "source")
    )
    haystack = f"{context} {passage.text}".lower()
    words = distinctive_words(name)
    abbr = acronym(name)
    return bool(words) and all(w in haystack for w in words) or bool(abbr and abbr in passage.text)


def item_of(passage: Passage) -> tuple[str, str] | None:
    """The agenda item (or report section) a passage is part of, if it is known."""
    meta = passage.metadata
    item = str(meta.get("item_number") or meta.get("heading") or "")
    return (passage.source, item) if item else None
