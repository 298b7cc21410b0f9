"""What a question asks for, whether a sentence holds it, and a question's parts."""

from __future__ import annotations

import pytest

from assistant.retrieval.asks import asked, asks, is_question
from assistant.retrieval.facts import (
    COUNT,
    DATE,
    GRADE,
    NUMBER,
    SUM,
    figures,
    holds,
)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("How many allotment plots did the council have?", {COUNT}),
        ("How many times the lowest wage is the chief executive paid?", {NUMBER}),
        ("What housing delivery target does the plan set?", {NUMBER}),
        ("What audit fee did the auditor propose?", {SUM}),
        ("How much did the council agree to pay for the vehicle?", {SUM}),
        ("What share of the budget goes on transport?", {SUM}),  # a share of a sum
        ("How many homes will the housing grant fund?", {COUNT}),
        ("What is the average wait for a school transport appeal?", {NUMBER}),
        ("How many weeks did the consultation run?", {NUMBER}),
        ("When is Holtby's next school inspection expected?", {DATE}),
        ("What deadlines apply to tree planting bids?", {DATE}),
        ("How had children's services been rated before that?", {GRADE}),
        ("What did Cabinet agree about the library?", set()),
        # A frequency is often said in words ('weekly', 'every other month').
        ("How often are the Wenbury play areas inspected?", set()),
        ("What scores did the Holtby in Bloom entries get?", {NUMBER}),
        ("What weight limit applies on the Wenbury bridge?", {NUMBER}),
        ("When did Holtby's Cabinet meet, and what did it ask officers to do?", {DATE}),
    ],
)
def test_asks(question: str, kinds: set[str]) -> None:
    assert asks(question) == kinds


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (NUMBER, "Band D households in Holtby will pay £37 per annum for 2021/22.", True),
        (NUMBER, "The current pay multiple is 7.4:1.", True),
        (
            NUMBER,
            "Holtby's next youth service review should come within approximately five years.",
            True,
        ),
        (NUMBER, "7) Mr Hale referred to the Winter Warmth Fund.", False),
        (NUMBER, "8) Operation Holly from 12 – 19 December would cover the busiest days.", False),
        (
            NUMBER,
            "That the Cycle Lanes Report for the year ending March 31, 2023, BE APPROVED.",
            False,
        ),
        (NUMBER, "The report was noted at item 12 of the agenda.", False),
        (NUMBER, "Holtby families wait twice as long as the guidance allows.", True),
        (DATE, "Proposals are due by 14 October 2026.", True),
        (DATE, "Proposals are due soon.", False),
        (GRADE, "Children’s services were judged\ninadequate in 2017.", True),
        (
            GRADE,
            "Wenbury’s arrangements typically lead to positive experiences and\noutcomes",
            True,
        ),
        (GRADE, "Services were judged to require improvement to be good.", True),
        (GRADE, "The council held a good meeting.", False),
        (COUNT, "The Council had 1,100 foster households.", True),
        (COUNT, "Funding for the blitz had increased by almost 70% to £4.2m.", False),
        (COUNT, "The project was approved for Year 6 funding.", False),
        (COUNT, "More plans were completed within the 20-week timescale.", False),
        (COUNT, "A 6 month pilot began with 40 volunteers.", True),
        (SUM, "The tender was accepted at a price of $650,000, excluding HST.", True),
        (SUM, "A grant of 5,000 euro was approved.", True),
        (SUM, "The purchase of one (1) rescue vehicle under Section 14.4 was approved.", False),
    ],
)
def test_holds(kind: str, text: str, expected: bool) -> None:
    assert holds(kind, text) is expected


def test_a_figure_the_question_gives_does_not_answer_it() -> None:
    question = "How many homes will the scheme at 12-18 Mill Lane provide?"
    sentence = "The scheme at 12-18 Mill Lane was approved for funding."
    assert holds(COUNT, sentence)
    assert not holds(COUNT, sentence, figures(question))
    assert holds(COUNT, f"{sentence} It will provide 61 homes.", figures(question))


def test_a_statement_before_the_first_question_only_sets_the_scene() -> None:
    assert asked(
        ["Wenbury's report rates roads as amber", "what did the Portfolio Holder say about it?"]
    ) == [False, True]
    assert asked(
        ["Give me the auditor's findings on Wenbury", "the audit opinion", "the fee."]
    ) == [True, True, True]
    assert asked(["What rate did it set", "how did it justify the rise?"]) == [True, True]
    assert asked(["A statement", "another statement"]) == [True, True]  # nothing asks: keep all


def test_is_question() -> None:
    assert is_question("what did the Portfolio Holder tell Full Council")
    assert is_question("Give me the auditor's main findings on Wenbury")
    assert not is_question("Holtby's Quarter 2 monitoring report rates pothole repairs as amber")


def test_inspection_outcomes_and_next_inspection_timing() -> None:
    assert GRADE in asks("What is the outcome of Holtby's youth justice inspection?")
    assert holds(DATE, "Wenbury’s youth service is reviewed within approximately three years.")


def test_a_count_is_a_number_that_is_not_a_share_or_a_sum() -> None:
    # What is counted is the sentence model's call: a count need not name it ('Of these, …').
    assert COUNT in asks("How many potholes did the council repair in its blitz?")
    assert holds(COUNT, "Crews repaired around 1,200 potholes in six weeks.")
    assert holds(COUNT, "Of these, 1,432 have an education, health and care plan.")
    assert not holds(COUNT, "Funding rose by 70% to £4.2m for the blitz.")
    # a number in a reference is not a count
    assert not holds(COUNT, "The agreement appended as Schedule “1” BE APPROVED.")


def test_a_question_after_a_leading_phrase_asks() -> None:
    assert is_question(
        "After Wenbury's inspection in November 2023, when will inspectors come back"
    )
    assert not is_question("Holtby's Quarter 2 report rates repairs done within 28 days as red")
    assert is_question("In March 2022, for what sum did Wenbury sell the depot")


def test_the_days_of_a_visit_are_a_date_not_a_count() -> None:
    opening = "The focused visit to Holtby children’s services took place on 4 and 5 March 2019."
    assert not holds(COUNT, opening)
    assert holds(DATE, opening)
    assert holds(COUNT, "Over 200 children are benefiting from this service.")


