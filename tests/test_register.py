"""The decisions register's rows, filters and file, and the views' verbatim line pickers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from assistant.ingest.structure import parse_document
from assistant.retrieval.question import latest_topic
from assistant.types import Decision, Filters, LoadedDocument, Page
from assistant.views.briefing import same_area
from assistant.views.export import register_csv, register_markdown
from assistant.views.latest import short_quote
from assistant.views.register import (
    decisions_of,
    load_register,
    names_topic,
    save_register,
    select,
    sort_rows,
)
from assistant.views.timeline import best_line

MINUTES = """MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025.

PRESENT: Mr A Smith (Chairman), Mrs B Jones and Mr C Patel

87. Library opening hours
(Item 4)

The Cabinet Member introduced the review of library opening hours across the county.

RESOLVED that the rural mobile library service be kept for two more years.

ACTION: Ms Grey to publish the new opening hours of every library by 1 March 2025.

88. Highways maintenance
(Item 5)

Members discussed the backlog of pothole repairs.

RESOLVED that the additional £2 million for pothole repairs be approved.
"""


def _rows() -> list[Decision]:
    doc = LoadedDocument(source="cabinet/2025-01-30.txt", pages=[Page(1, MINUTES)])
    return decisions_of(parse_document(doc))


def test_every_resolution_and_action_is_one_verbatim_row() -> None:
    rows = _rows()
    assert [r.kind for r in rows] == ["resolution", "action", "resolution"]
    assert all(r.text in MINUTES for r in rows)
    assert rows[0].text.startswith("RESOLVED that the rural mobile library")
    assert rows[1].text.startswith("ACTION: Ms Grey")
    assert {r.committee for r in rows} == {"Cabinet"}
    assert {r.date for r in rows} == {"2025-01-30"}
    assert rows[2].item_number == "88" and rows[2].item == "88 Highways maintenance"


def test_inspection_letters_give_no_rows() -> None:
    doc = LoadedDocument(source="x.txt", pages=[Page(1, MINUTES)])
    parsed = parse_document(doc)
    parsed.meta.doc_kind = "inspection"
    assert decisions_of(parsed) == []


def test_select_filters_by_committee_dates_kind_and_topic() -> None:
    rows = _rows()
    other = Decision("resolution", "RESOLVED that the library strategy be adopted.", "b.txt", 1,
                     committee="Scrutiny", date="2024-05-01")
    everything = [*rows, other]
    assert select(everything, Filters(committee="Scrutiny")) == [other]
    assert select(everything, Filters(date_from=dt.date(2025, 1, 1))) == rows
    assert select(everything, Filters(date_to=dt.date(2024, 12, 31))) == [other]
    assert [r.kind for r in select(everything, kind="action")] == ["action"]
    assert select(everything, topic="pothole repairs") == [rows[2]]
    # Every row naming the topic's one word, whatever its form ('libraries' → 'library').
    assert set(select(everything, topic="libraries")) == {rows[0], rows[1], other}


def test_names_topic_needs_short_topics_whole_and_long_ones_mostly() -> None:
    text = "the rural mobile library service"
    assert names_topic({"rural", "library"}, text)
    assert not names_topic({"rural", "museum"}, text)
    assert names_topic({"rural", "mobil", "library"}, text)
    assert not names_topic({"rural", "mobil", "museum"}, text)
    assert names_topic({"rural", "mobil", "library", "museum"}, text)
    assert not names_topic({"rural", "museum", "theatre", "opera"}, text)


def test_register_file_round_trips_and_sorts_oldest_first(tmp_path: Path) -> None:
    rows = _rows()
    old = Decision("action", "ACTION: clerk to write.", "a.txt", 2, date="2023-01-01")
    undated = Decision("resolution", "RESOLVED that it be noted.", "c.txt", 1)
    save_register(tmp_path, [undated, *rows, old])
    loaded = load_register(tmp_path)
    assert loaded == [old, *rows, undated]
    assert sort_rows(loaded, newest_first=True)[0].date == "2025-01-30"
    assert load_register(tmp_path / "nowhere") == []


def test_csv_keeps_each_text_verbatim() -> None:
    rows = _rows()
    parsed = list(csv.DictReader(io.StringIO(register_csv(rows))))
    assert [r["text"] for r in parsed] == [r.text for r in rows]
    assert parsed[0]["committee"] == "Cabinet" and parsed[0]["page"] == "1"


def test_markdown_numbers_rows_and_writes_out_their_sources() -> None:
    markdown = register_markdown(_rows())
    assert "3 rows." in markdown
    assert "[3] Cabinet, 30 January 2025, item 88" in markdown
    assert "(cabinet/2025-01-30.txt)" in markdown


def test_latest_topic_reads_what_the_question_is_about() -> None:
    assert latest_topic("What did we last decide about the mobile library?") == "the mobile library"
    assert latest_topic("What was the most recent decision on potholes") == "potholes"
    assert latest_topic("What was decided at the last meeting about potholes?") == ""
    assert latest_topic("What did Cabinet decide about potholes?") == ""


def test_best_line_is_the_sentence_naming_most_topic_words() -> None:
    text = ("Members met in the chamber. The pothole backlog grew again. "
            "Pothole repairs on rural roads were funded.")
    terms = {"pothole", "repair", "rural"}
    assert best_line(text, terms) == "Pothole repairs on rural roads were funded."
    assert best_line(text, {"museum"}) == ""


def test_short_quote_stops_at_a_sentence_end_near_the_word_limit() -> None:
    text = "One two three four. Five six seven eight. Nine ten eleven twelve."
    assert short_quote(text, max_words=8) == "One two three four. Five six seven eight."
    assert short_quote(text, max_words=2) == "One two three four."


def test_minutes_sentences_recording_an_agreement_are_rows() -> None:
    text = (
        "Minutes of Example Parish Council Meeting\n\nHeld in the Village Hall on Monday 24 "
        "February 2020\n\nPresent: Councillors A, B and C\n\nPlay area: The clerk reported on "
        "the swings. It was agreed that the clerk would order two new swing seats. The "
        "council discussed the bench by the pond. The cost would be capped unless the council "
        "agreed otherwise.\n"
    )
    doc = LoadedDocument(source="parish/feb-2020.txt", pages=[Page(1, text)])
    rows = decisions_of(parse_document(doc))
    agreed = "It was agreed that the clerk would order two new swing seats."
    assert [r.text for r in rows] == [agreed]
    assert rows[0].kind == "resolution" and rows[0].date == "2020-02-24"


def test_committee_spellings_that_differ_in_punctuation_become_one() -> None:
    from assistant.ingest.pipeline import unify_committees
    from assistant.types import DocMeta, ParsedDocument

    docs = [
        ParsedDocument(DocMeta(source=f"{i}.txt", committee=name), [])
        for i, name in enumerate(
            ["Children and Young Peoples Committee", "Children and Young People's Committee",
             "Children and Young Peoples Committee", "Cabinet"]
        )
    ]
    unify_committees(docs)
    assert [d.meta.committee for d in docs] == [
        "Children and Young People's Committee", "Children and Young People's Committee",
        "Children and Young People's Committee", "Cabinet",
    ]


def test_council_names_of_one_area_match() -> None:
    assert same_area("Kent", "Kent County Council")
    assert same_area("Limerick City and County Council", "City of Limerick")
    assert not same_area("Kent", "Medway Council")
    assert not same_area("", "Kent County Council")


def test_a_row_of_markdown_converted_from_pdf_gives_its_printed_page() -> None:
    text = (
        "MINUTES of the Housing Committee\n\n1. Minutes\n\nThe minutes were noted.\n---\n2\n\n"
        "2. Rents\n\nRESOLVED that the rent review be approved.\n"
    )
    page = Page(1, text, (text.index("---"),))
    doc = LoadedDocument("housing/minutes.md", [page], title="Minutes", format="markdown")
    rows = decisions_of(parse_document(doc), doc.pages)
    assert [(r.text.endswith("rent review be approved."), r.page) for r in rows] == [(True, 2)]
