"""The extractive answer with the real model: verbatim quotes, [n] that resolve, no repeats,
no headings quoted, abstention when the passages do not hold the question's words."""

from __future__ import annotations

import re

import pytest

from assistant.extractive import ExtractiveAnswerer
from assistant.keyword import KeywordIndex
from assistant.prompts import CANNOT_ANSWER
from assistant.query import plan_query
from assistant.settings import Settings
from assistant.types import Passage

RESOLUTION = (
    "RESOLVED that Cabinet: (a) adopts the Integrated Transport Plan; and (b) approves the "
    "first phase at a cost of £48.6 million."
)
FINDING = (
    "Item 87 Integrated Transport Plan\nThe Cabinet Member introduced the plan. Members asked "
    "about rural buses and were told that the Route 47 Sunday service would be restored."
)


def _passage(pid: str, text: str, kind: str, source: str = "cabinet/minutes.pdf") -> Passage:
    meta = {
        "committee": "Cabinet",
        "date": "2024-03-14",
        "doc_kind": "minutes",
        "item_number": "87",
        "item_title": "Integrated Transport Plan",
        "section_kind": kind,
        "source": source,
    }
    return Passage(pid, text, source, 3, 0.5, meta)


@pytest.fixture(scope="module")
def answerer(embeddings) -> ExtractiveAnswerer:
    texts = [RESOLUTION, FINDING, "The committee discussed library opening hours."]
    terms = KeywordIndex(["a", "b", "c"], texts, [{}, {}, {}])
    return ExtractiveAnswerer(embeddings, Settings(_env_file=None), terms=terms)


def test_quotes_are_verbatim_and_cited_once(answerer) -> None:
    passages = [
        _passage("1", RESOLUTION, "resolution"),
        _passage("2", RESOLUTION, "resolution", "cabinet/printed-minutes.pdf"),  # same text again
        _passage("3", FINDING, "discussion"),
    ]
    plan = plan_query("What did Cabinet resolve about the cost of the transport plan?")
    answer = answerer.answer(plan, passages)
    assert not answer.abstained
    assert "£48.6 million" in answer.text
    assert answer.text.startswith("Cabinet, 14 March 2024, item 87: “")
    assert answer.text.count("£48.6 million") == 1  # the repeated text is quoted once
    for citation in answer.citations:
        assert citation.quote in citation.passage.text
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert cited == {c.n for c in answer.citations}
    assert all(not c.quote.startswith("Item 87") for c in answer.citations)


def test_abstains_when_no_passage_holds_the_question(answerer) -> None:
    plan = plan_query("How many electric vehicle chargers were installed in car parks?")
    answer = answerer.answer(plan, [_passage("3", FINDING, "discussion")])
    assert answer.abstained and answer.citations == []
    assert answer.text.startswith(CANNOT_ANSWER)
