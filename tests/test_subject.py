"""Named things in a question: passages that mention none of them are about something else."""

from __future__ import annotations

from assistant.answer.subject import (
    councils_not_found,
    date_not_held,
    on_subject,
    things_not_found,
    unknown_names,
    year_not_held,
    year_not_quoted,
)
from assistant.retrieval.names import Vocabulary, named_things
from assistant.retrieval.passages import Unit
from assistant.retrieval.question import Query, understand
from assistant.types import Passage


def test_named_things_are_capitalised_names_not_posts_months_or_first_words() -> None:
    assert named_things("What did Kent's Cabinet decide about the Winter Warmth Fund?") == [
        "Kent's Cabinet",
        "Winter Warmth Fund",
    ]
    assert named_things("What has the Cabinet Member for Highways told County Council?") == [
        "County Council"
    ]
    assert named_things("What was approved in March about HBC's Revised Code of Conduct?") == [
        "HBC's Revised Code of Conduct"
    ]
    assert named_things("Which reports say children wait two years?") == []
    assert named_things("What did officers say about Cllr Galvin's motion on road signs?") == []


def test_a_thing_no_passage_mentions_is_not_found() -> None:
    meta = {"council": "Kent County Council", "committee": "Cabinet"}
    business = Passage(
        "1",
        "The Holtby and Wenbury Business Fund had also approved loans of £1.27m.",
        "a.pdf",
        1,
        0.0,
        meta,
    )
    support = Passage(
        "2", "Mr Hale referred to the Winter Warmth Fund payments.", "b.pdf", 1, 0.0, meta
    )
    question = "What did Kent's Cabinet decide about the Winter Warmth Fund?"
    assert things_not_found(understand(question), [business]) == ["Winter Warmth Fund"]
    assert things_not_found(understand(question), [business, support]) == []


def _minutes(day: str, council: str = "Wenbury Borough Council") -> Passage:
    meta = {"council": council, "committee": "Cabinet", "date": day, "doc_kind": "minutes"}
    return Passage(day, "RESOLVED that the report be noted.", f"{day}.pdf", 1, 0.0, meta)


def test_a_meeting_day_or_month_no_passage_is_dated_is_named_back() -> None:
    from assistant.retrieval.names import Vocabulary
    from assistant.retrieval.question import understand

    vocabulary = Vocabulary(councils=("Wenbury Borough Council",), committees=("Cabinet",))
    asked = understand("What did Wenbury's Cabinet decide on 11 December 2014?", None, vocabulary)
    assert date_not_held(asked, [_minutes("2014-11-27")]) == "11 December 2014"
    assert date_not_held(asked, [_minutes("2014-11-27"), _minutes("2014-12-11")]) == ""
    # Another council's meeting that day does not hold it either.
    other = _minutes("2014-12-11", council="Holtby District Council")
    assert date_not_held(asked, [_minutes("2014-11-27"), other]) == "11 December 2014"
    month = understand("What did Wenbury's Cabinet decide in October 2022?", None, vocabulary)
    assert date_not_held(month, [_minutes("2022-11-02")]) == "October 2022"
    assert date_not_held(month, [_minutes("2022-10-19")]) == ""


def test_a_day_minutes_announce_is_not_held_but_one_they_look_back_on_is() -> None:
    from assistant.retrieval.names import Vocabulary
    from assistant.retrieval.question import understand

    vocabulary = Vocabulary(councils=("Wenbury Borough Council",), committees=("Cabinet",))
    asked = understand("What did Wenbury's Cabinet decide on 11 December 2014?", None, vocabulary)
    meta = {"council": "Wenbury Borough Council", "committee": "Cabinet", "doc_kind": "minutes"}
    text = "The next meeting will be held on 11 December 2014."
    before = Passage("b", text, "b.pdf", 1, 0.0, {**meta, "date": "2014-11-27"})
    assert date_not_held(asked, [before]) == "11 December 2014"
    text = "Members noted the decision of 11 December 2014 on parking charges."
    after = Passage("a", text, "a.pdf", 1, 0.0, {**meta, "date": "2015-01-08"})
    assert date_not_held(asked, [before, after]) == ""
    report = Passage(
        "r",
        "The value at 11 December 2014 was £3m.",
        "r.pdf",
        1,
        0.0,
        {**meta, "doc_kind": "report", "date": "2014-11-27"},
    )
    assert date_not_held(asked, [report]) == ""


def test_a_letter_dated_by_its_visit_is_held_by_the_day_its_file_name_gives() -> None:
    from assistant.retrieval.names import Vocabulary
    from assistant.retrieval.question import understand

    vocabulary = Vocabulary(councils=("Wenbury",))
    asked = understand("What did Ofsted's March 2022 letter to Wenbury say?", None, vocabulary)
    meta = {"council": "Wenbury", "date": "2022-01-26", "doc_kind": "inspection"}
    text = "Inspectors found that care leavers live in suitable homes."
    sent = Passage("s", text, "wenbury/focused visit - 18 march 2022.pdf", 1, 0.0, meta)
    assert date_not_held(asked, [sent]) == ""
    other = Passage("o", text, "wenbury/focused visit - 18 february 2022.pdf", 1, 0.0, meta)
    assert date_not_held(asked, [other]) == "March 2022"


def test_a_year_alone_or_an_undated_passage_is_not_a_missing_meeting() -> None:
    from assistant.retrieval.question import understand

    # A year may name the period a later paper covers.
    year = understand("What did the 2024 salary disclosure report say?")
    assert date_not_held(year, [_minutes("2025-03-03")]) == ""
    undated = Passage("u", "RESOLVED that the report be noted.", "u.pdf", 1, 0.0, {})
    day = understand("What was resolved on 11 December 2014?")
    assert date_not_held(day, [undated]) == ""
    assert date_not_held(day, []) == ""


def _inspection(day: str, council: str = "Wenbury") -> Passage:
    meta = {"council": council, "date": day, "doc_kind": "inspection"}
    text = "Inspectors found that children wait too long for assessments."
    return Passage(day, text, f"inspections/{day}.pdf", 1, 0.0, meta)


def test_another_years_inspection_does_not_answer_a_question_naming_the_year() -> None:
    vocab = Vocabulary(councils=("Wenbury",))
    question = "What did Ofsted find at its 2022 focused visit to Wenbury?"
    asked = understand(question, vocabulary=vocab)
    assert asked.years == (2022,)
    assert year_not_held(asked, [_inspection("2025-07-29")]) == "2022"
    # a visit late in the year is published early in the next
    assert year_not_held(asked, [_inspection("2025-07-29"), _inspection("2023-01-10")]) == ""
    # minutes about the body may discuss the year as a period a later paper covers
    minutes = _minutes("2025-03-03", "Wenbury")
    assert year_not_held(asked, [_inspection("2025-07-29"), minutes]) == ""
    since = understand("What has Ofsted found in Wenbury since 2022?", vocabulary=vocab)
    assert since.years == () and year_not_held(since, [_inspection("2025-07-29")]) == ""


def test_quotes_neither_dated_in_nor_mentioning_the_year_asked_about_do_not_answer() -> None:
    vocab = Vocabulary(councils=("Wenbury",))
    asked = understand("What did Wenbury spend on road repairs in 2021?", vocabulary=vocab)
    earlier = _minutes("2019-06-04", "Wenbury")
    assert year_not_quoted(asked, [earlier]) == "2021"
    assert year_not_quoted(asked, [earlier, _minutes("2021-09-14", "Wenbury")]) == ""
    writing = ("funding for 2021 was agreed", "the 2020-21 grant", "the 2020/21 grant")
    for text in (*writing, "the 2021-22 grant"):
        later = Passage("p", text, "a.pdf", 1, 0.0, {"date": "2018-01-01"})
        assert year_not_quoted(asked, [later]) == "", text
    for text in ("grant 20210 was paid", "the 2019-20 grant", "page 12021 of the register"):
        later = Passage("p", text, "a.pdf", 1, 0.0, {"date": "2018-01-01"})
        assert year_not_quoted(asked, [later]) == "2021", text
    both = understand("Compare Wenbury's 2022 and 2024 inspections.", vocabulary=vocab)
    assert year_not_quoted(both, [_inspection("2022-11-30")]) == ""
    undated = understand("What did Wenbury spend on road repairs?", vocabulary=vocab)
    assert year_not_quoted(undated, [earlier]) == ""


def test_quotes_neither_of_nor_mentioning_the_financial_year_asked_about_do_not_answer() -> None:
    vocab = Vocabulary(councils=("Wenbury",))
    asked = understand("What did Wenbury set aside for libraries in 2017/18?", vocabulary=vocab)
    assert asked.financial_years == (2017,)
    before = _minutes("2015-11-02", "Wenbury")
    assert year_not_quoted(asked, [before]) == "2017-18"
    for date in ("2017-02-06", "2018-07-09"):  # the budget set, the outturn reported
        assert year_not_quoted(asked, [_minutes(date, "Wenbury")]) == "", date
    writing = ("the 2017-18 budget", "in 2017/2018", "for 2017 to 2018")
    assert _not_quoted(asked, writing, "2020-01-01") == ["", "", ""]
    other = ("the 2016-17 budget", "the 2017-19 plan", "funding for 2018")
    assert _not_quoted(asked, other, "2020-01-01") == ["2017-18"] * 3
    named = Passage("p", "the budget", "Wenbury budget 2017-18.pdf", 1, 0.0, {"date": "2020-01-01"})
    assert year_not_quoted(asked, [named]) == ""
    plan = understand("What does Wenbury's 2019-23 plan say?", vocabulary=vocab)
    assert plan.financial_years == () and year_not_quoted(plan, [before]) == ""


def _not_quoted(asked: Query, texts: tuple[str, ...], date: str) -> list[str]:
    """What ``year_not_quoted`` says of each text quoted alone from a paper dated ``date``."""
    return [
        year_not_quoted(asked, [Passage("p", t, "a.pdf", 1, 0.0, {"date": date})]) for t in texts
    ]


def test_quotes_from_before_a_season_asked_about_that_do_not_mention_it_do_not_answer() -> None:
    vocab = Vocabulary(councils=("Wenbury",))
    asked = understand("What did Wenbury borrow in its spring 2019 bond issue?", vocabulary=vocab)
    assert asked.seasons == (("spring", 2019),)
    assert year_not_quoted(asked, [_minutes("2019-01-14", "Wenbury")]) == "spring 2019"
    for date in ("2019-03-04", "2019-11-20"):  # in the season, or later that year looking back
        assert year_not_quoted(asked, [_minutes(date, "Wenbury")]) == "", date
    assert year_not_quoted(asked, [_minutes("2020-04-01", "Wenbury")]) == "spring 2019"
    writing = ("a bond issue planned for spring 2019", "issued on 2 April 2019", "in May 2019")
    assert _not_quoted(asked, writing, "2019-01-14") == ["", "", ""]
    other = ("issued in autumn 2019", "in September 2019", "in spring 2018")
    assert _not_quoted(asked, other, "2019-01-14") == ["spring 2019"] * 3
    fall = understand("What did Wenbury agree in the fall of 2019?", vocabulary=vocab)
    autumn = Passage("p", "agreed in autumn 2019", "a.pdf", 1, 0.0, {"date": "2019-01-14"})
    assert fall.seasons == (("fall", 2019),) and year_not_quoted(fall, [autumn]) == ""


def test_a_paper_early_the_next_year_looks_back_on_the_autumn() -> None:
    vocab = Vocabulary(councils=("Wenbury",))
    asked = understand("How many Wenbury families were helped in autumn 2019?", vocabulary=vocab)
    for date in ("2019-10-02", "2020-01-20", "2020-02-27"):  # a report early next year looks back
        assert year_not_quoted(asked, [_minutes(date, "Wenbury")]) == "", date
    for date in ("2019-08-30", "2020-03-02"):
        assert year_not_quoted(asked, [_minutes(date, "Wenbury")]) == "autumn 2019", date


def test_the_owner_a_things_name_opens_with_is_not_looked_for() -> None:
    vocab = Vocabulary(councils=("Holtby Borough Council",))
    meta = {"council": "Holtby Borough Council", "committee": "Licensing Panel"}
    panel = Passage("1", "The Licensing Panel granted the licence.", "a.pdf", 1, 0.0, meta)
    # the area the body is in, written as the owner of the committee's name
    asked = understand("What did Holtby, Wenshire's Licensing Panel decide?", vocabulary=vocab)
    assert asked.things == ("Wenshire's Licensing Panel",)
    assert things_not_found(asked, [panel]) == []
    other = understand("What did Holtby's Taxi Panel decide?", vocabulary=vocab)
    assert things_not_found(other, [panel]) == ["Holtby's Taxi Panel"]


def test_a_body_named_by_its_acronym_and_things_joined_by_and_are_found() -> None:
    vocab = Vocabulary(councils=("Kent County Council",))
    meta = {"council": "Kent County Council", "committee": "Scrutiny Committee"}
    call_in = Passage("1", "The Scrutiny Committee considered a call-in.", "a.pdf", 1, 0.0, meta)
    asked = understand("When did KCC's Scrutiny Committee consider the call-in?", vocabulary=vocab)
    assert things_not_found(asked, [call_in]) == []
    north = Passage("2", "In North Yorkshire, children wait up to four years.", "n.pdf", 1, 0.0, {})
    south = Passage("3", "In Darlington, children wait up to 42 months.", "d.pdf", 1, 0.0, {})
    both = understand("What are the longest waits in North Yorkshire and Darlington?")
    assert things_not_found(both, [north, south]) == []
    assert things_not_found(both, [north]) == ["North Yorkshire and Darlington"]


def test_a_date_a_passage_writes_is_held_though_the_paper_is_dated_later() -> None:
    vocabulary = Vocabulary(councils=("Wenbury Borough Council",), committees=("Cabinet",))
    day = understand("What was Wenbury's reserve worth on 31 October 2023?", None, vocabulary)
    later = _minutes("2024-02-01")
    assert date_not_held(day, [later]) == "31 October 2023"
    later.text = "The reserve stood at £4.1m on 31st October 2023."
    assert date_not_held(day, [later]) == ""
    month = understand("What grant did Wenbury receive in May 2023?", None, vocabulary)
    assert date_not_held(month, [_minutes("2024-02-01")]) == "May 2023"
    later.text = "The grant letter of May 2023 allocated £250,000."
    assert date_not_held(month, [later]) == ""


def test_a_day_written_without_its_year_or_with_two_digits_is_held() -> None:
    vocabulary = Vocabulary(councils=("Wenbury Borough Council",), committees=("Cabinet",))
    week = understand("How many families did Wenbury house by 20 March 2023?", None, vocabulary)
    later = _minutes("2023-04-12")
    later.text = "In the week of the 14th to 20th March 140 families were housed."
    assert date_not_held(week, [later]) == ""
    # Read as the last such day by the meeting: a year before, it would be a later March.
    assert date_not_held(week, [_with(later, date="2024-04-10")]) == "20 March 2023"
    # 'item 3 may be' names no day; a day written with its year is that year's.
    later.text = "Item 3 may be deferred. Families housed in 20 March 2022: 120."
    assert date_not_held(week, [later]) == "20 March 2023"
    day = understand("What was Wenbury's reserve worth at 31 March 2025?", None, vocabulary)
    table = _with(_minutes("2025-07-10"), doc_kind="report")
    table.text = "Reserve | Balance at 31-March-25 | Balance at 31-March-24"
    assert date_not_held(day, [table]) == ""
    table.text = "Reserve | Balance | Movement"
    assert date_not_held(day, [table]) == "31 March 2025"
    table.metadata["heading"] = "Reserves as at 31 March 2025"
    assert date_not_held(day, [table]) == ""


def _with(passage: Passage, **meta: str) -> Passage:
    return Passage(passage.id, passage.text, passage.source, 1, 0.0, {**passage.metadata, **meta})


def test_one_of_several_councils_named_may_be_missing_but_not_all() -> None:
    vocabulary = Vocabulary(
        councils=("Wenbury Borough Council", "Holtby District Council"), committees=()
    )
    both = understand("Which of Wenbury and Holtby closed a library?", None, vocabulary)
    assert both.councils == {"Wenbury Borough Council", "Holtby District Council"}
    wenbury = _minutes("2024-02-01")
    assert councils_not_found(both, [wenbury]) == []
    other = _minutes("2024-02-01", council="Ashdown Council")
    assert councils_not_found(both, [other]) == sorted(both.councils)
    one = understand("Did Holtby close a library?", None, vocabulary)
    assert councils_not_found(one, [wenbury]) == ["Holtby District Council"]


def test_a_word_of_a_hyphenated_term_is_not_an_unknown_name() -> None:
    asked = understand("What did the Wenbury Parking By-law and Zorvex say?")
    assert unknown_names(asked, lambda term: term != "zorvex") == ["Zorvex"]
    assert unknown_names(asked, lambda term: True) == []


def test_an_area_named_in_a_longer_form_is_found_by_its_words_and_its_documents_path() -> None:
    vocab = Vocabulary(councils=("Wenbury", "Holtby Vale"))
    report = Passage(
        "1",
        "Fifteen family hubs in Wenbury host drop-in sessions.",
        "ofsted/80001_wenbury/area send inspection.pdf",
        1,
        0.0,
        {"council": "Wenbury", "doc_kind": "inspection"},
    )
    longer = understand("How many family hubs in County Wenbury host sessions?", vocabulary=vocab)
    assert things_not_found(longer, [report]) == []
    visit = Passage(
        "2",
        "Care leavers in Holtby Vale are allocated a personal adviser at 16.",
        "ofsted/80002_holtby vale of marshire/focused visit.pdf",
        1,
        0.0,
        {"council": "Holtby Vale", "doc_kind": "inspection"},
    )
    in_full = understand(
        "When do care leavers in Holtby Vale of Marshire get an adviser?", vocabulary=vocab
    )
    assert things_not_found(in_full, [visit]) == []
    # the same words in neither a passage nor its path: still not found
    assert things_not_found(in_full, [report]) == ["Holtby Vale of Marshire"]


def _units_of(passages: list[Passage]) -> list[Unit]:
    return [Unit(rank, 0, len(p.text), p.text, score=1.0) for rank, p in enumerate(passages)]


def test_a_date_that_sets_the_scene_does_not_date_the_answer_to_an_undated_part() -> None:
    vocabulary = Vocabulary(councils=("Wenbury Borough Council",), committees=("Cabinet",))
    june, november = _minutes("2024-06-12"), _minutes("2024-11-20")
    passages = [june, november]

    def kept_days(question: str) -> list[object]:
        plan = understand(question, None, vocabulary)
        units = on_subject(plan, _units_of(passages), passages)
        return [passages[u.passage_rank].date for u in units]

    scene = "Wenbury's Cabinet put the depot sale on hold in June 2024 - who bought the depot?"
    assert kept_days(scene) == ["2024-06-12", "2024-11-20"]
    # A date the question asks about still dates its answer, part by part.
    assert kept_days("What did Wenbury's Cabinet decide in June 2024?") == ["2024-06-12"]
    both = "What did Wenbury's Cabinet agree in June 2024, and what did it agree in November 2024?"
    assert kept_days(both) == ["2024-06-12", "2024-11-20"]
    neither = "What did Wenbury's Cabinet agree in March 2024, and what did it agree in May 2024?"
    assert kept_days(neither) == ["2024-06-12", "2024-11-20"]  # nothing dated: all stay
    one = "What did Wenbury's Cabinet agree in June 2024, and what did it agree in May 2024?"
    assert kept_days(one) == ["2024-06-12"]


def test_a_question_of_one_part_naming_two_dates_is_answered_at_either() -> None:
    vocabulary = Vocabulary(councils=("Wenbury Borough Council",), committees=("Cabinet",))
    passages = [_minutes("2024-06-12"), _minutes("2024-11-20"), _minutes("2024-03-06")]
    question = (
        "After Wenbury's Cabinet put the depot sale on hold in June 2024, who did it sell the "
        "depot to on 20 November 2024?"
    )
    plan = understand(question, None, vocabulary)
    assert not any(part.own_dates[0] for part in plan.parts)
    units = on_subject(plan, _units_of(passages), passages)
    assert [passages[u.passage_rank].date for u in units] == ["2024-06-12", "2024-11-20"]
