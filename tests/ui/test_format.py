"""The pure formatting helpers of the chat page: escaping, highlighting, one card per [n]."""

from __future__ import annotations

import re

import gradio as gr
import pytest

import ui
import ui_format
from assistant.types import Answer, Citation, Passage

pytestmark = pytest.mark.ui

HOSTILE = (
    'Members noted the comment <img src=x onerror="window.__xss=1"> and the script '
    "<script>window.__xss=1</script> posted online. The Committee agreed to close the "
    "Brindlebury depot by March 2026. Fish & chips were served."
)
QUOTE = "The Committee agreed to close the Brindlebury depot by March 2026."


def passage(text: str = HOSTILE, **meta: object) -> Passage:
    metadata: dict[str, object] = {
        "committee": "Cabinet",
        "date": "2025-01-30",
        "doc_title": "Printed minutes <b>Cabinet</b>",
        "item_number": "87",
        "item_title": "Depot review",
    }
    metadata.update(meta)
    return Passage("p1", text, "cabinet/2025-01-30/minutes.pdf", 4, 0.9, metadata)


def cited_answer() -> Answer:
    first = passage()
    second = passage("The budget was approved.", committee="County Council", item_number="")
    citations = [
        Citation(1, first, QUOTE),
        Citation(2, second, "The budget was approved."),
        Citation(1, first, "Fish & chips were served."),
    ]
    text = f"Cabinet: “{QUOTE}” [1] “Fish & chips were served.” [1]\n\nCouncil: “x” [2]"
    return Answer("q", text, citations, [first, second], abstained=False)


def test_hostile_passage_text_is_escaped_not_markup() -> None:
    page = ui_format.sources_html(cited_answer())
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert "Printed minutes &lt;b&gt;Cabinet&lt;/b&gt;" in page  # titles are escaped too
    assert "Fish &amp; chips" in page


def test_quote_is_highlighted_exactly_once_per_occurrence() -> None:
    marked = ui_format.highlight(HOSTILE, [QUOTE])
    assert re.findall(r"<mark>(.*?)</mark>", marked) == [QUOTE]
    assert marked.startswith("Members noted the comment &lt;img")


def test_highlight_escapes_inside_the_mark_and_merges_overlaps() -> None:
    text = "Before. <b>bold & brave</b> words here. After."
    marked = ui_format.highlight(text, ["<b>bold & brave</b> words", "brave</b> words here."])
    assert marked == (
        "Before. <mark>&lt;b&gt;bold &amp; brave&lt;/b&gt; words here.</mark> After."
    )


def test_highlight_tolerates_whitespace_differences() -> None:
    text = "The Panel\nagreed   the plan."
    assert ui_format.highlight(text, ["The Panel agreed the plan."]) == (
        "<mark>The Panel agreed   the plan.</mark>"
    )


def test_line_wrapping_is_joined_but_paragraphs_and_list_items_are_kept() -> None:
    text = (
        "RESOLVED that the Council:\n(a) approves the budget of £1,124.6\nmillion;\n"
        "(b) notes the well-\nbeing report.\n\nNext item\n• first point"
    )
    quote = "approves the budget of £1,124.6 million;"
    assert ui_format.highlight(text, [quote]) == (
        "RESOLVED that the Council:<br>(a) <mark>approves the budget of £1,124.6 million;"
        "</mark><br>(b) notes the well-being report.<br><br>Next item<br>• first point"
    )


def test_every_citation_number_in_the_answer_has_one_source_card() -> None:
    answer = cited_answer()
    page = ui_format.sources_html(answer)
    numbers = sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer.text)})
    assert numbers == [1, 2]
    for n in numbers:
        assert page.count(f'id="source-{n}"') == 1
        assert f'<span class="n">[{n}]</span>' in page
    # both quotes of [1] are marked in its card, the quote of [2] in its own
    assert page.count("<mark>") == 3
    assert page.index('id="source-1"') < page.index('id="source-2"')


def test_card_shows_where_the_passage_comes_from() -> None:
    card = ui_format.source_card(passage(), [QUOTE], 1)
    for expected in (
        "<th>Committee</th><td>Cabinet</td>",
        "<th>Meeting date</th><td>30 January 2025</td>",
        "<th>Agenda item</th><td>87 Depot review</td>",
        "<th>Page</th><td>4</td>",
        "<code>cabinet/2025-01-30/minutes.pdf</code>",
    ):
        assert expected in card


def test_abstention_lists_closest_passages_without_numbers() -> None:
    answer = Answer("q", "The documents do not answer this question.", [], [passage()], True)
    page = ui_format.sources_html(answer)
    assert "none of them answers" in page
    assert 'class="n"' not in page and "<mark>" not in page
    assert "&lt;script&gt;" in page


def test_answer_html_escapes_and_bolds_citations() -> None:
    shown = ui_format.answer_html('“<img src=x onerror="alert(1)">” [1]\nnext')
    assert shown == '“&lt;img src=x onerror="alert(1)"&gt;” <strong>[1]</strong><br>next'


def test_earlier_questions_from_strings_or_chat_messages() -> None:
    history = [
        {"role": "user", "content": " first? "},
        {"role": "assistant", "content": "an answer"},
        "second?",
        {"role": "user", "content": ""},
    ]
    assert ui.earlier_questions(history) == ["first?", "second?"]
    assert ui.earlier_questions(None) == []


def test_filters_from_ui_values() -> None:
    filters = ui.parse_filters("Cabinet", " 2024-01-01 ", "", ui.ANY)
    assert filters.committee == "Cabinet" and filters.doc_kind is None
    assert str(filters.date_from) == "2024-01-01" and filters.date_to is None
    assert ui.parse_filters(ui.ANY, "", "", ui.ANY).is_empty()


@pytest.mark.parametrize(
    ("date_from", "date_to", "message"),
    [
        ("30/01/2025", "", "not a date"),
        ("", "2025-02-30", "not a date"),
        ("2025-03-01", "2025-01-01", "is after"),
    ],
)
def test_bad_dates_raise_a_clear_gradio_error(date_from: str, date_to: str, message: str) -> None:
    with pytest.raises(gr.Error, match=message):
        ui.parse_filters(ui.ANY, date_from, date_to, ui.ANY)


def test_user_typed_date_is_escaped_in_the_error() -> None:
    with pytest.raises(gr.Error) as caught:
        ui.parse_date("<img src=x>", "Date from")
    assert "<img" not in caught.value.message and "&lt;img src=x&gt;" in caught.value.message


def test_parse_auth() -> None:
    assert ui.parse_auth("clerk:s3cr:et") == ("clerk", "s3cr:et")
    assert ui.parse_auth(None) is None
    with pytest.raises(ui.AssistantError):
        ui.parse_auth("no-colon")
