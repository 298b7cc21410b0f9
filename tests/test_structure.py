"""Structure: document metadata and sections, on small hand-written documents of each genre."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from assistant.errors import LoadError
from assistant.ingest.dates import parse_date
from assistant.ingest.guarded import load_files
from assistant.ingest.loaders import scan_corpus
from assistant.ingest.structure import parse_document
from assistant.types import LoadedDocument, Page, ParsedDocument, Section


def parse(source: str, *pages: str) -> ParsedDocument:
    doc = LoadedDocument(source=source, pages=[Page(i, t) for i, t in enumerate(pages, 1)])
    parsed = parse_document(doc)
    for section in parsed.sections:  # the contract every test relies on
        assert section.text and section.text in doc.pages[section.page - 1].text
    return parsed


def kinds(sections: list[Section]) -> list[str]:
    return [s.section_kind for s in sections]


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on Thursday, 30 January 2025.", dt.date(2025, 1, 30)),
        ("30th January 2025", dt.date(2025, 1, 30)),
        ("January 30, 2025, at 1:00 PM", dt.date(2025, 1, 30)),
        ("30/01/2025", dt.date(2025, 1, 30)),
        ("2025-01-30 1st Meeting", dt.date(2025, 1, 30)),
        ("Printed minutes 06th-Feb-2025 10.00 Cabinet", dt.date(2025, 2, 6)),
        ("ON TUESDAY, 9TH NOVEMBER, 2021, AT 2PM", dt.date(2021, 11, 9)),
        ("Inspection dates: 4 to 8 March 2024", dt.date(2024, 3, 4)),
        ("on 30 September and 1 October 2025.", dt.date(2025, 9, 30)),
        ("from 30 December to 3 January 2025", dt.date(2024, 12, 30)),
        ("CPP Minutes 10.12.24", dt.date(2024, 12, 10)),
        ("no date here, only 10.00 am", None),
        ("31 February 2025", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


# --- ModernGov minutes ---------------------------------------------------------------------

MODERNGOV_P1 = """1
EXAMPLESHIRE COUNTY COUNCIL

CABINET

MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall,
Exampleton on Thursday, 30 January 2025.

PRESENT: Mr A Smith (Chairman), Mrs B Jones and Mr C Patel

86. Minutes of the Meeting held on 9th January 2025
(Item 3)

RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record
and that they be signed by the Chair.

87. Adoption of the Active Travel delivery plan
(Item 4)

1. Mr Smith introduced the report, which set out the delivery plan for the
strategy and the funding attached to it.

2. Members asked about the cost of the plan and how it would be monitored.
The officer to circulate the monitoring framework to Members. ACTION

4. RESOLVED that Cabinet agree to:

(a) adopt the Active Travel delivery plan; and

(b) delegate authority to the Director of Highways to make minor changes"""

MODERNGOV_P2 = """2
(c) note the monitoring arrangements.

88. Review of School Transport
(Item 5)

The Director introduced the plan, which set out the need for school places."""


def test_moderngov_minutes_metadata_and_sections() -> None:
    parsed = parse("examples/cabinet/2025-01-30/originals/Printed minutes.pdf",
                   MODERNGOV_P1, MODERNGOV_P2)
    meta = parsed.meta
    assert (meta.doc_kind, meta.council, meta.committee, meta.date) == (
        "minutes", "Exampleshire County Council", "Cabinet",
        dt.date(2025, 1, 30))
    sections = parsed.sections
    assert [(s.section_kind, s.item_number, s.page) for s in sections] == [
        ("other", "", 1),
        ("resolution", "86", 1),
        ("discussion", "87", 1),
        ("action", "87", 1),
        ("resolution", "87", 1),
        ("resolution", "87", 2),  # clause (c) carries the resolution over the page break
        ("discussion", "88", 2),
    ]
    assert sections[2].item_title == "Adoption of the Active Travel delivery plan"
    assert sections[2].text.startswith("87. Adoption of the Active Travel")
    assert sections[3].text.endswith("monitoring framework to Members. ACTION")
    assert sections[4].text.startswith("4. RESOLVED that Cabinet agree to:")
    assert sections[4].text.endswith("to make minor changes")
    assert sections[5].text == "(c) note the monitoring arrangements."
    assert sections[5].item_title == sections[4].item_title
    assert "PRESENT:" in sections[0].text and "2" not in [s.text for s in sections]


def test_a_labelled_paragraph_run_on_after_a_resolution_is_not_part_of_it() -> None:
    page = MODERNGOV_P1 + """; and
(c) asks for a progress report to the Committee in January 2026.
Chair's summary: The Chair thanked officers and said the plan would return in the autumn.

88. Review of School Transport
(Item 5)"""
    sections = parse("examples/cabinet/2025-01-30/originals/Printed minutes.pdf", page).sections
    resolution, after = sections[4], sections[5]
    assert resolution.section_kind == "resolution"
    assert resolution.text.endswith("in January 2026.")
    assert (after.section_kind, after.item_number) == ("discussion", "87")
    assert after.text.startswith("Chair's summary: The Chair thanked officers")


def test_corporate_parenting_style_items_without_minute_numbers() -> None:
    text = ("CORPORATE PARENTING PANEL – 15 October 2024\n\n"
            "MINUTES of the meeting held in the Holtby Room, Shire Hall.\n\n"
            "Apologies and Substitutes\n(Item 1)\nApologies were received from Mr Love.\n\n"
            "Chairman's Announcements\n(Item 2)\n"
            "1. RESOLVED that Mrs D Okafor be duly elected Vice Chair of the Panel.\n\n"
            "2. The Chair agreed to write to the care leavers' forum about the new housing offer.")
    parsed = parse("examples/CPP Minutes.pdf", text)
    assert (parsed.meta.committee, parsed.meta.date) == (
        "Corporate Parenting Panel", dt.date(2024, 10, 15))
    assert [(s.section_kind, s.item_number, s.item_title) for s in parsed.sections] == [
        ("other", "", ""),
        ("discussion", "1", "Apologies and Substitutes"),
        ("resolution", "2", "Chairman's Announcements"),
        ("discussion", "2", "Chairman's Announcements"),
    ]


# --- inspection reports and letters --------------------------------------------------------

SEND_P1 = """Local area partnership report

Area SEND inspection of Exampleton Local Area
Partnership

Inspection dates: 4 to 8 March 2024
Dates of previous inspection: 10 to 12 June 2018

Inspection outcome

Inspectors found widespread and/or systemic failings, and there are significant concerns
about how well Exampleton supports young people with SEND.

Information about the local area partnership

Exampleton Council and the local NHS board share the work of planning and buying
services for pupils with SEND."""

SEND_P2 = """Inspection report: Exampleton Local Area Partnership
4 to 8 March 2024 2

What is it like to be a child or young person with SEND in this area?

Some families in Exampleton wait many months for a wheelchair assessment. The
typical wait is 38 weeks from the date of referral.

Areas for improvement

Leaders should explain the local offer more clearly to parents and carers."""

SEND_P3 = """Inspection report: Exampleton Local Area Partnership
4 to 8 March 2024 3

the partnership should also improve the timeliness of assessments for families."""


def test_send_inspection_report() -> None:
    parsed = parse("ofsted-send/10001_exampleton/area send full inspection - 03 may 2024.pdf",
                   SEND_P1, SEND_P2, SEND_P3)
    meta = parsed.meta
    assert (meta.doc_kind, meta.council, meta.committee, meta.date) == (
        "inspection", "Exampleton", "", dt.date(2024, 3, 4))
    assert meta.title == "Area SEND inspection of Exampleton Local Area Partnership"
    got = [(s.section_kind, s.heading, s.page) for s in parsed.sections]
    assert got == [
        ("discussion", "Local area partnership report", 1),
        ("summary", "Inspection outcome", 1),
        ("discussion", "Information about the local area partnership", 1),
        ("discussion", "What is it like to be a child or young person with SEND in this area?", 2),
        ("discussion", "Areas for improvement", 2),
        ("discussion", "Areas for improvement", 3),
    ]
    outcome = parsed.sections[1]
    assert outcome.text.startswith("Inspection dates:") is False
    assert outcome.text.endswith("young people with SEND.")
    assert parsed.sections[5].text.startswith("the partnership")  # running header left out


def test_focused_visit_letter() -> None:
    text = """Ofsted
Piccadilly Gate
Manchester

9 May 2023

Jane Doe
Exampleton Council

Dear Jane Doe,

Focused visit to Exampleton children’s services

This letter summarises the findings of a focused visit to Exampleton children’s services
on 14 and 15 March 2023. His Majesty’s inspectors for this visit were A Person and B Person.

Overview

Leaders in Exampleton have made support for care leavers a clear priority, and it has
got better since the previous visit.

What needs to improve in this area of social work practice

◼ Help with driving lessons for care leavers.

Yours sincerely

A Person
His Majesty’s Inspector"""
    parsed = parse("ofsted-fv/10002_exampleton/children's services focused visit - 09 may 2023.pdf",
                   text)
    assert (parsed.meta.doc_kind, parsed.meta.council, parsed.meta.date) == (
        "inspection", "Exampleton", dt.date(2023, 3, 14))
    by_heading = {s.heading: s.section_kind for s in parsed.sections}
    assert by_heading["Overview"] == "summary"
    assert by_heading["What needs to improve in this area of social work practice"] == "discussion"
    improve = [s for s in parsed.sections if s.heading.startswith("What needs")][0]
    assert improve.text.endswith("◼ Help with driving lessons for care leavers.")


def test_ilacs_judgement_headings() -> None:
    text = """Inspection of Exampleton local authority children’s services
Inspection dates: 5 to 16 September 2022
Judgement Grade
The impact of leaders on social work
practice with children and families

Requires improvement to be good
Overall effectiveness Requires improvement to be good

Children who need help and protection in Exampleton are now better supported than at
the previous inspection, and leaders understand where more work is needed.
What needs to improve?
◼ How consistently managers supervise social workers.
The experiences and progress of children who need help and
protection: requires improvement to be good
1. Early help in Exampleton is stronger and families are offered support sooner when they
need it."""
    parsed = parse("ilacs/1_exampleton/children's services inspection - 11 november 2022.pdf",
                   text)
    assert (parsed.meta.council, parsed.meta.date) == ("Exampleton", dt.date(2022, 9, 5))
    got = [(s.section_kind, s.heading) for s in parsed.sections]
    assert got == [
        ("discussion", ""),
        ("summary", "Judgement Grade"),
        ("summary", "Overall effectiveness Requires improvement to be good"),
        ("discussion", "What needs to improve?"),
        ("discussion", "The experiences and progress of children who need help and protection: "
                       "requires improvement to be good"),
    ]
    assert parsed.sections[1].text.endswith("\n\nRequires improvement to be good")


# --- eScribe Markdown ----------------------------------------------------------------------

ESCRIBE = """---
title: 7th Meeting of the Finance and Growth Committee
date: 2025-05-20
---
May 20, 2025, at 1:00 PM

> [!abstract]- Present:
> A. Fenwick, R. Osei

The meeting is called to order at 1:03 PM.

# 2.&nbsp;&nbsp;&nbsp;Consent

## 2.1&nbsp;&nbsp;&nbsp;Visitor Levy - Amended By-law

[Staff Report](<https://example.org/report>)

> Moved by L. Brandt

> Seconded by M. Duval

That, on the advice of the Director of Finance, the amended by-law BE INTRODUCED
at the Council meeting to be held on June 17, 2025.

> [!abstract]- Vote:
> |Yeas:|Absent:|
> |-|-|
> |K. Soto|T. Greer|

> **Motion Passed (12 to 0)**

****

## 2.2&nbsp;&nbsp;&nbsp;Riverside Gallery Board

> Moved by P. Ng

> Seconded by K. Soto

That the following steps be taken on the Riverside Gallery by-law update:

a)    the proposed by-law BE INTRODUCED; and

b)    the report BE RECEIVED.

> **Motion Passed**

# 3.&nbsp;&nbsp;&nbsp;Adjournment

The meeting adjourned at 4:12 PM."""


def test_escribe_markdown_minutes() -> None:
    import html

    text = html.unescape(ESCRIBE).replace("\xa0", " ")  # as the Markdown loader gives it
    parsed = parse("examples/content/2025-05/2025-05-20 7th Meeting of the FGC.md", text)
    meta = parsed.meta
    assert (meta.doc_kind, meta.committee, meta.date, meta.title) == (
        "minutes", "Finance and Growth Committee", dt.date(2025, 5, 20),
        "7th Meeting of the Finance and Growth Committee")
    got = [(s.section_kind, s.item_number, s.item_title) for s in parsed.sections]
    assert got == [
        ("other", "", ""),
        ("discussion", "2.1", "Visitor Levy - Amended By-law"),
        ("resolution", "2.1", "Visitor Levy - Amended By-law"),
        ("resolution", "2.2", "Riverside Gallery Board"),
        ("discussion", "3", "Adjournment"),
    ]
    first = parsed.sections[0].text
    assert first.startswith("May 20, 2025") and "title:" not in first  # front matter left out
    motion = parsed.sections[2].text
    assert motion.startswith("> Moved by L. Brandt") and motion.endswith("(12 to 0)**")
    assert parsed.sections[3].text.endswith("b)    the report BE RECEIVED.\n\n> **Motion Passed**")


# --- Irish and parish minutes, seeds, unstructured text ------------------------------------


def test_limerick_style_minutes() -> None:
    text = """[Original file](https://example.org/minutes.pdf)

---
MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT
OF ARDCASHEL HELD IN THE DISTRICT OFFICE, CO. LIMERICK, ON WEDNESDAY, 8TH
OCTOBER, 2014, AT 11.00 A.M.

1. Adoption of Minutes:

Circulated, copy of draft Minutes of Meeting held on 10th September, 2014.

Proposed by Councillor Dunne;
Seconded by Councillor Hartigan;
And Resolved:

“That, the draft Minutes, as circulated, be confirmed, adopted and signed.”

2. Corporate Services:

The Director outlined the roads programme for the District."""
    parsed = parse("limerick/meetings/2014/10/20-Monthly Meeting of Municipal District of "
                   "Ardcashel/Minutes - 8th October 2014.md", text)
    assert (parsed.meta.committee, parsed.meta.date) == (
        "Municipal District of Ardcashel", dt.date(2014, 10, 8))
    got = [(s.section_kind, s.item_number, s.item_title) for s in parsed.sections]
    assert got == [("other", "", ""), ("discussion", "1", "Adoption of Minutes"),
                   ("resolution", "1", "Adoption of Minutes"),
                   ("discussion", "2", "Corporate Services")]
    assert parsed.sections[2].text.startswith("Proposed by Councillor Dunne;")
    assert parsed.sections[2].text.endswith("adopted and signed.”")


def test_parish_minutes_with_labelled_items() -> None:
    text = ("Minutes of Wenbury Parish Council Meeting\n\n"
            "Held in the Village Hall on Monday 20th January 2020\n\n"
            "Apologies:  Cllr Thorpe\n\n"
            "Drainage:  Councillors discussed the blocked ditch by the church.\n\n"
            "Highways are to be contacted about repairs.\n\n"
            "Finance & Clerks Report: Councillors approved a rise of 12% in the precept.")
    parsed = parse("wenbury-pc/Jan 2020 Minutes final.docx", text)
    meta = parsed.meta
    assert (meta.doc_kind, meta.council, meta.committee, meta.date) == (
        "minutes", "Wenbury Parish Council", "Wenbury Parish Council",
        dt.date(2020, 1, 20))
    assert [s.item_title for s in parsed.sections] == [
        "Apologies", "Drainage", "Finance & Clerks Report"]
    assert parsed.sections[1].text.endswith("contacted about repairs.")


def test_seed_extract_with_bullets_actions_summary_and_resolution() -> None:
    text = """Agenda item

Local Transport Plan Progress Report

Minutes:

The Committee discussed the report and comments were made, including:

  • The Chair asked about links between the bus operators.
  • The Chair asked whether the coproduction work could be shared. ACTION
  • Members noted that around 170 survey responses had been received.

The Chair summarised the discussion as follows:

  • Growth in concessionary fares and the reasons for that
  • Draft KPIs

RESOLVED that

(a)     the current progress be approved;

(b)     the open risks be noted.

Supporting documents:"""
    parsed = parse("seeds/000.txt", text)
    assert parsed.meta.doc_kind == "minutes"
    assert kinds(parsed.sections) == [
        "discussion", "action", "discussion", "summary", "resolution", "discussion"]
    titles = {s.item_title for s in parsed.sections}
    assert titles == {"Local Transport Plan Progress Report"}
    assert parsed.sections[1].text == (
        "• The Chair asked whether the coproduction work could be shared. ACTION")
    assert parsed.sections[4].text.endswith("(b)     the open risks be noted.")


def test_report_header_fields() -> None:
    text = """From: Roger Smith – Leader of the Council
To: Cabinet – 11 March 2025
Subject: Quarterly Performance Report, Quarter 3
Classification: Unrestricted
Summary: The report sets out results for the three months to December 2024.
Recommendation(s): Cabinet is asked to NOTE the Quarter 3 Performance Report.

1. Introduction

1.1. The quarterly report is one of the ways the council tracks its plan."""
    parsed = parse("council/cabinet/2025-03-11/originals/QPR Cover.pdf", text)
    meta = parsed.meta
    assert (meta.doc_kind, meta.committee, meta.date, meta.title) == (
        "report", "Cabinet", dt.date(2025, 3, 11), "Quarterly Performance Report, Quarter 3")
    assert kinds(parsed.sections) == ["discussion", "summary", "resolution", "discussion"]
    assert parsed.sections[3].heading == "1. Introduction"


def test_metadata_from_the_path_when_the_text_has_none() -> None:
    parsed = parse("examples/cabinet/2025-02-06/originals/Printed minutes 06th-Feb-2025 10.00 "
                   "Cabinet.pdf", "Apologies were received from two members.")
    assert (parsed.meta.doc_kind, parsed.meta.committee, parsed.meta.date) == (
        "minutes", "Cabinet", dt.date(2025, 2, 6))
    parsed = parse("examples/2025-02-12 1st Meeting of the Parks Committee.md", "Text.")
    assert (parsed.meta.committee, parsed.meta.date) == ("Parks Committee", dt.date(2025, 2, 12))


def test_unstructured_text_degrades_to_paragraph_groups() -> None:
    text = "some notes without any structure at all\nwritten in lower case\n\nmore notes here"
    parsed = parse("notes.txt", text, "a second page of notes")
    assert parsed.meta.doc_kind == "other"
    assert [(s.section_kind, s.page) for s in parsed.sections] == [
        ("discussion", 1), ("discussion", 2)]
    assert parsed.sections[0].text == text


def test_empty_pages_give_no_sections() -> None:
    assert parse("x.txt", "", "   ").sections == []


# --- every real document (skipped when ../shared is absent) --------------------------------

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
DEMO = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def shared_corpus() -> dict[str, tuple[LoadedDocument, ParsedDocument]]:
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is absent")
    return _load_and_parse(SHARED)


def _load_and_parse(root: Path) -> dict[str, tuple[LoadedDocument, ParsedDocument]]:
    supported, _ = scan_corpus(root)
    parsed: dict[str, tuple[LoadedDocument, ParsedDocument]] = {}
    for path, result in load_files(supported, root, timeout=120, memory_mb=2048, workers=2):
        assert not isinstance(result, LoadError), f"{path}: {result.reason}"
        parsed[result.source] = (result, parse_document(result))
    return parsed


def _check_sections_quote_their_pages(docs: dict[str, tuple[LoadedDocument, ParsedDocument]],
                                      ) -> None:
    for source, (doc, parsed) in docs.items():
        pages = {p.number: p.text for p in doc.pages}
        assert parsed.sections, source
        for section in parsed.sections:
            assert section.text.strip() == section.text and section.text, source
            assert section.text in pages[section.page], (source, section.page, section.text[:80])


@pytest.mark.shared
def test_shared_corpus_sections_are_verbatim_page_substrings(shared_corpus: dict) -> None:
    assert len(shared_corpus) >= 200
    _check_sections_quote_their_pages(shared_corpus)
    counts = Counter(s.section_kind for _, p in shared_corpus.values() for s in p.sections)
    assert min(counts[k] for k in ("discussion", "resolution", "summary", "action")) > 0


@pytest.mark.shared
def test_shared_corpus_metadata(shared_corpus: dict) -> None:
    metas = {source: parsed.meta for source, (_, parsed) in shared_corpus.items()}
    kent_minutes = [m for s, m in metas.items()
                    if s.startswith("kent-council-assistant/") and "minutes" in s.lower()]
    assert len(kent_minutes) >= 6
    good = [m for m in kent_minutes if m.committee and m.date and m.doc_kind == "minutes"]
    assert len(good) >= 0.8 * len(kent_minutes)
    ofsted = [m for s, m in metas.items() if s.startswith("ofsted-") and s.endswith(".pdf")]
    assert len(ofsted) >= 100
    for meta in ofsted:
        assert meta.doc_kind == "inspection" and meta.council and meta.date, meta
        assert meta.committee == ""
    bury = metas["ofsted-send-scrape-tool/80443_bury/area send full inspection - 07 may 2024.pdf"]
    assert (bury.council, bury.date) == ("Bury", dt.date(2024, 2, 12))
    cabinet = metas["kent-council-assistant/cabinet/2025-01-30/originals/"
                    "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"]
    assert (cabinet.committee, cabinet.date, cabinet.council) == (
        "Cabinet", dt.date(2025, 1, 30), "Kent County Council")
    for source, meta in metas.items():  # eScribe files are named "<ISO date> <meeting>.md"
        if source.startswith("open-council/content/"):
            assert meta.date == dt.date.fromisoformat(source.rsplit("/", 1)[1][:10]), source
            assert meta.committee and meta.doc_kind == "minutes", source


@pytest.mark.shared
def test_shared_minutes_have_numbered_items_and_resolutions(shared_corpus: dict) -> None:
    _, parsed = shared_corpus["kent-council-assistant/cabinet/2025-01-30/originals/"
                              "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"]
    resolutions = [s for s in parsed.sections if s.section_kind == "resolution"]
    assert len(resolutions) >= 5
    assert all(s.item_number.isdigit() and s.item_title for s in resolutions)


def test_demo_corpus_sections_are_verbatim_page_substrings() -> None:
    if not DEMO.is_dir() or not scan_corpus(DEMO)[0]:
        pytest.skip("the demo corpus is empty")
    _check_sections_quote_their_pages(_load_and_parse(DEMO))
