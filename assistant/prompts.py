"""Every prompt and fixed answer sentence, in one place."""

from __future__ import annotations

CANNOT_ANSWER = "The documents do not answer this question."
CANNOT_ANSWER_DETAIL = (
    CANNOT_ANSWER + " The closest passages I found are listed below, but none of them says it."
)
NAMED_BUT_ABSENT = CANNOT_ANSWER + " None of the passages I found is about {names}."
