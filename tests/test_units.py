"""Quotable units: headings, letterheads and report cover fields are not answers; a sentence
completed by a short line after it is quoted with it."""

from __future__ import annotations

from assistant.answer.units import (
    with_completions,
    with_context,
    with_neighbours,
    with_vote_records,
)
from assistant.retrieval.passages import (
    Unit,
    has_content,
    is_furniture,
    is_title,
    units_of,
)
from assistant.retrieval.question import understand
from assistant.types import Passage


def test_cover_fields_and_address_blocks_are_furniture() -> None:
    cover = (
        "From:   Roger Smith – Leader of the Council\nTo:   Cabinet – 11 March 2025\n"
        "Decision No: n/a Subject: Quarterly Performance Report"
    )
    address = "16 May 2024\nJane Smith\nDirector of Children’s Services\nCouncil House\nWenbury"
    assert is_furniture(cover) and is_furniture(address)
    assert not is_furniture("RESOLVED that Cabinet: (a) adopts the plan; and (b) approves it.")
    assert not is_furniture("Summary: the report informs Cabinet. Recommendation: note it.")


def test_headings_and_item_titles_are_titles() -> None:
    meta: dict[str, object] = {"item_title": "Integrated Transport Plan", "heading": ""}
    assert is_title("Integrated Transport Plan", meta)
    assert is_title("Item 3: Ofsted focused visit – care leavers.", {})
    long_heading = "## 2.5 12 Mill Lane - Approval of Contribution Agreement with Ash Homes Inc."
    assert is_title(long_heading, {})
    assert not is_title("The plan was adopted at a cost of £48.6 million.", meta)


def test_a_quoted_line_is_not_a_title() -> None:
    # Markdown minutes quote a vote's outcome as a short line without a full stop.
    assert not is_title("> **Motion Passed (9 to 4)**", {})
    assert is_title("**Motion Passed (9 to 4)**", {})


def test_context_adds_a_short_trailer() -> None:
    text = (
        "Councillors approved a rise of 12% in the precept. This means Band D will pay £52 a "
        "year. The Chair thanked the Clerk for preparing the annual accounts and the budget "
        "papers so promptly. ACTION – publish the new rate."
    )
    units = units_of(0, Passage("p", text, "a.docx", 1, 0.0, {}))
    by_start = {u.text.split()[0]: u for u in units}
    assert [u.text.split()[0] for u in with_context(by_start["This"], units)] == ["This"]
    assert [u.text.split()[0] for u in with_context(by_start["The"], units)] == ["The", "ACTION"]


def test_a_title_line_above_cover_fields_is_its_own_unit() -> None:
    title = "Area SEND inspection of Wenbury Local Area Partnership"
    text = f"{title}\nInspection dates: 10 to 14 July 2023\nDates of previous inspection: 2019"
    passage = Passage("p", text, "a.pdf", 1, 0.0, {"doc_title": title})
    units = units_of(0, passage)
    assert units[0].text == title
    assert units[1].text.startswith("Inspection dates: 10 to 14 July 2023")
    for unit in units:
        assert text[unit.start : unit.end] == unit.text
    # without the title set above them, the lines are one unit as before
    plain = units_of(0, Passage("p", text, "a.pdf", 1, 0.0, {"doc_title": "Other"}))
    assert plain[0].text.startswith(title + "\n")


def test_a_list_of_attachments_is_furniture() -> None:
    attachments = (
        "Report (PDF 412 KB); Appendix A – Policy (PDF 1 MB); Record of Decision (PDF 98 KB)"
    )
    assert is_furniture(attachments)


def test_fields_that_give_dates_are_furniture_not_titles() -> None:
    fields = "Publication date: 17/03/2025\nDecision made: 13/03/2025\nEffective from: 25/03/2025"
    assert is_furniture(fields)
    assert not is_title("Date of decision: 13/03/2025", {})


def test_a_heading_in_capitals_is_a_title() -> None:
    heading = "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT HELD ON 20TH OCTOBER."
    assert is_title(heading, {})
    assert not is_title("The SEND Priority Action Plan was approved by Cabinet in 2024.", {})


def test_a_passage_that_is_only_a_heading_has_no_content() -> None:
    heading = "What is the area partnership doing that is effective?"
    meta: dict[str, object] = {"heading": heading}
    assert not has_content(Passage("p", heading, "a.pdf", 1, 0.0, meta))
    grade = "Overall effectiveness Requires improvement to be good"
    assert has_content(Passage("p", grade, "a.pdf", 1, 0.0, {"heading": grade}))
    text = f"{heading}\n\nLeaders have improved the timeliness of EHC plans since 2023."
    assert has_content(Passage("p", text, "a.pdf", 1, 0.0, meta))


def test_the_best_quote_comes_with_the_sentences_either_side_in_budget() -> None:
    text = (
        "The trust commissions alternative provision for the area. It runs three settings "
        "across the borough. Pupils attend for up to two terms before returning to school. "
        "The panel meets monthly to review every placement."
    )
    units = units_of(0, Passage("p", text, "a.pdf", 1, 0.0, {}))
    assert len(units) == 4
    for unit, score in zip(units, (0.3, 0.5, 0.9, 0.2), strict=True):
        unit.score = score
    best = units[2]
    quoted = with_neighbours([best], units, budget=100)
    assert quoted == units  # two either side, in reading order
    near = with_neighbours([best], units, budget=len(best.text.split()) + 18)
    assert near == units[1:4]  # the nearest first: no room for the second before
    tight = with_neighbours([best], units, budget=len(best.text.split()) + 9)
    assert tight == [best, units[3]]  # the sentence after is taken first; then no room before
    other_passage = units_of(1, Passage("q", text, "b.pdf", 1, 0.0, {}))
    assert with_neighbours([best], other_passage + [best], budget=100) == [best]
    assert with_neighbours([], units, budget=100) == []


def test_a_quote_that_leads_in_to_a_list_comes_with_what_it_introduces() -> None:
    text = (
        "That the following steps be taken on the Mill Lane agreement:\n\n"
        "a) the by-law BE PRESENTED at the Council meeting on 21 January to:\n\n"
        "i) approve a contribution of $1,875,200 to build 36 affordable homes;\n\n"
        "ii) delegate the signing of the agreement to the City Clerk.\n\n"
        "The Committee then turned to the parks report."
    )
    units = units_of(0, Passage("p", text, "a.md", 1, 0.0, {}))
    starts = [u.text.split()[0] for u in units]
    assert starts == ["That", "a)", "i)", "ii)", "The"]
    # the lead-in, then the item it opens, which leads in again to its first sub-item
    assert with_completions([units[0]], units) == units[:3]
    # a quote that ends a sentence is complete as it is
    assert with_completions([units[3]], units) == [units[3]]
    # what is already quoted is not quoted twice
    assert with_completions([units[0], units[1]], units) == units[:3]
    # no room left in the budget: nothing is added
    long_lead = Unit(0, units[0].start, units[0].end, "word " * 200 + "as follows:")
    assert with_completions([long_lead], units) == [long_lead]


def test_a_short_line_is_quotable_only_for_the_sum_or_judgement_it_gives() -> None:
    text = (
        "3. Reserves\n\nTotal reserves  £4,100,000\n\nLeadership Requires improvement\n\n"
        "Item 5\n\nPlanning Committee\n\nMembers noted the report on the reserves."
    )
    quoted = [u.text for u in units_of(0, Passage("w", text, "wenbury/budget.pdf", 3, 0.0, {}))]
    assert quoted == [
        "Total reserves  £4,100,000",
        "Leadership Requires improvement",
        "Members noted the report on the reserves.",
    ]


VOTES = (
    "> Moved by A. Reed\n\nThat the Holtby depot BE SOLD to Ash Homes for $2.1 million.\n\n"
    "> [!abstract]- Vote:\n> |Yeas:|Nays:|\n> |A. Reed|B. Cole|\n\n> **Motion Passed (9 to 5)**"
    "\n\n> Moved by B. Cole\n\nThat the Holtby library hours BE EXTENDED on Sundays.\n\n"
    "> **Motion Passed (14 to 0)**"
)


def test_asked_about_a_vote_the_record_after_the_best_motion_is_quoted() -> None:
    units = units_of(0, Passage("p", VOTES, "minutes.md", 1, 0.0, {}))
    for unit in units:
        unit.score = 0.9 if "depot" in unit.text else 0.3 if "library" in unit.text else -0.5
    sale = next(u for u in units if "depot BE SOLD" in u.text)
    asked = understand("How did the committee vote on selling the Holtby depot?")
    quoted = [u.text for u in with_vote_records(asked, [sale], units, floor=0.2)]
    assert quoted == [sale.text, "> **Motion Passed (9 to 5)**"]
    # Not asked about a vote, or no motion fitting the question well enough: nothing is added.
    other = understand("Who bought the Holtby depot?")
    assert with_vote_records(other, [sale], units, floor=0.2) == [sale]
    assert with_vote_records(asked, [sale], units, floor=1.0) == [sale]
