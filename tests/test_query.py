"""Question understanding: names, dates, kinds, and follow-ups carrying the subject."""

from __future__ import annotations

import datetime as dt

from assistant.retrieval.dates import date_range
from assistant.retrieval.facts import NUMBER
from assistant.retrieval.names import Vocabulary, acronym
from assistant.retrieval.question import understand

VOCAB = Vocabulary(
    councils=("Holtby", "Kent County Council", "West Northamptonshire", "Wenbury"),
    committees=("Audit Committee", "Cabinet", "County Council"),
)


def test_dates_in_questions() -> None:
    assert date_range("at its meeting on 12 March 2025?") == (
        dt.date(2025, 3, 12),
        dt.date(2025, 3, 12),
    )
    assert date_range("the 30th January 2025 meeting") == (dt.date(2025, 1, 30),) * 2
    assert date_range("on January 30, 2025") == (dt.date(2025, 1, 30),) * 2
    assert date_range("inspection in March 2024") == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert date_range("what happened in 2023") == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    # a plan's or budget's period is not the date of a meeting
    assert date_range("the target the plan sets for 2022 to 2026") == (None, None)
    assert date_range("the overspend in 2024-25") == (None, None)
    assert date_range("what did the committee say") == (None, None)


def test_names_kinds_and_figures() -> None:
    plan = understand("What did Kent's Cabinet resolve on 16 January 2025?", vocabulary=VOCAB)
    assert plan.councils == {"Kent County Council"}
    assert plan.committees == {"Cabinet"}
    assert plan.wants_resolution
    assert understand("How many panels does KCC run?", vocabulary=VOCAB).councils == {
        "Kent County Council"
    }
    assert NUMBER in understand("How long do children wait?", vocabulary=VOCAB).wanted


def test_follow_up_carries_the_subject() -> None:
    history = ["What did the report say about libraries in Wenbury in June 2023?"]
    plan = understand("How many mobile libraries are there in the area?", history, VOCAB)
    assert plan.councils == {"Wenbury"}
    assert plan.date_from == dt.date(2023, 6, 1)
    assert plan.text.startswith("Wenbury June 2023 ")
    own = understand("And what about Holtby?", history, VOCAB)
    assert own.councils == {"Holtby"}  # a name in the question replaces the carried one


def test_metadata_match_scores_named_things() -> None:
    plan = understand("What did the Cabinet decide in January 2025?", vocabulary=VOCAB)
    meeting = {"committee": "Cabinet", "date": "2025-01-30", "section_kind": "resolution"}
    other = {"committee": "Audit Committee", "date": "2024-06-01", "section_kind": "discussion"}
    assert plan.metadata_match(meeting) == 2.5
    assert plan.metadata_match(other) == 0.0


def test_inspection_dates_allow_publication_after_the_visit() -> None:
    plan = understand("the youth justice inspection in May 2024", vocabulary=VOCAB)
    report = {"doc_kind": "inspection", "date": "2024-07-15"}
    minutes = {"doc_kind": "minutes", "date": "2024-07-15"}
    assert plan.metadata_match(report) == 1.0
    assert plan.metadata_match(minutes) == 0.0


def test_acronym() -> None:
    assert acronym("Kent County Council") == "KCC"
    assert acronym("Bury") == ""


def test_inspection_dates_allow_a_visit_that_began_the_month_before() -> None:
    plan = understand("What rating did the June 2021 inspection award?", [], VOCAB)
    began = {"doc_kind": "inspection", "date": "2021-05-31"}
    assert plan.metadata_match(began) == 1.0
    assert plan.metadata_match({**began, "date": "2021-05-01"}) == 0.0
    assert plan.metadata_match({"doc_kind": "minutes", "date": "2021-05-31"}) == 0.0


def test_a_follow_up_pointing_back_is_searched_with_the_question_it_points_to() -> None:
    earlier = (
        "Who did the committee pick in April 2025 to develop the Economic Development Strategy?"
    )
    plan = understand("How much is that contract worth?", [earlier], VOCAB)
    assert plan.topic == earlier and earlier in plan.text
    # a pronoun inside the question itself ('are they working') points at its own words
    own = understand("How many school crossing patrols are there, and are they working?", [earlier])
    assert own.topic == "" and earlier not in own.text
