"""The extractive answer with the real model: verbatim quotes, [n] that resolve, no repeats,
no headings quoted, abstention when the passages do not hold the question's words."""

from __future__ import annotations

import re

import pytest

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.prompts import CANNOT_ANSWER
from assistant.answer.sentence_scorer import (
    ANSWER_PASSAGES,
    PASSAGE_LOGIT_CLIP,
    passage_logit,
)
from assistant.retrieval.names import Vocabulary
from assistant.retrieval.passages import Unit
from assistant.retrieval.question import understand
from assistant.settings import Settings
from assistant.store.keyword import KeywordIndex
from assistant.types import Answer, Passage

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
    plan = understand("What did Cabinet resolve about the cost of the transport plan?")
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
    plan = understand("How many electric vehicle chargers were installed in car parks?")
    answer = answerer.answer(plan, [_passage("3", FINDING, "discussion")])
    assert answer.abstained and answer.citations == []
    assert answer.text.startswith(CANNOT_ANSWER)


def _inspection(pid: str, text: str, area: str, heading: str = "Inspection outcome") -> Passage:
    meta = {
        "council": f"{area} Local Area Partnership",
        "date": "2024-06-10",
        "doc_kind": "inspection",
        "doc_title": f"Area SEND inspection of {area} Local Area Partnership",
        "heading": heading,
        "section_kind": "summary",
        "source": f"inspections/{area.lower()}.pdf",
    }
    return Passage(pid, text, meta["source"], 1, 0.5, meta)


CHARGE = (
    "Finance report: Councillors approved a rise of 12% in the parking permit charge for 2024/25. "
    "This is the first rise in six years, meaning that Zone B residents will pay £52 per annum."
)
FOSTERING = (
    "The Cabinet Member spoke about fostering. More foster carers were needed across the county "
    "and a recruitment campaign would begin in the spring."
)
PURCHASE = (
    "Fleet report: Cabinet agreed to buy two (2) electric buses from Wenbury Coachworks under "
    "Section 14.4 of the procurement policy, and asked for a report on charging points."
)
OUTCOME = (
    "Inspection outcome. Across Wenbury, the partnership’s arrangements typically lead to "
    "positive experiences and outcomes for pupils with SEND."
)
NEXT = (
    "Ofsted and CQC asked leaders to refresh their joint strategy. Wenbury’s next full SEND "
    "inspection should take place within approximately five years."
)
OTHER_AREA = (
    "In Holtby, the partnership’s arrangements lead to inconsistent experiences and outcomes "
    "for families."
)


AREAS = ("Wenbury", "Holtby")
VOCABULARY = Vocabulary(councils=tuple(f"{area} Local Area Partnership" for area in AREAS))


@pytest.fixture(scope="module")
def wide_answerer(embeddings) -> ExtractiveAnswerer:
    titles = [f"Area SEND inspection of {area} Local Area Partnership" for area in AREAS]
    texts = [CHARGE, FOSTERING, PURCHASE, OUTCOME, NEXT, OTHER_AREA, FINDING, RESOLUTION, *titles]
    metas: list[dict[str, object]] = [{}] * len(texts)
    terms = KeywordIndex([str(i) for i in range(len(texts))], texts, metas)
    return ExtractiveAnswerer(embeddings, Settings(_env_file=None), terms=terms)


def test_a_sentence_that_leans_back_is_quoted_with_the_one_before(wide_answerer) -> None:
    passage = _passage("1", CHARGE, "discussion")
    plan = understand("How much will a Zone B resident pay after the permit charge went up?")
    answer = wide_answerer.answer(plan, [passage])
    assert not answer.abstained
    assert "£52" in answer.text and "12%" in answer.text  # 'This is …' needs its antecedent


def test_asked_for_a_figure_that_no_sentence_gives_it_declines(wide_answerer) -> None:
    plan = understand("How many foster carers did the county have last year?")
    answer = wide_answerer.answer(plan, [_passage("1", FOSTERING, "discussion")])
    assert answer.abstained and answer.citations == []
    assert "figure" in answer.text


def test_asked_for_a_price_a_count_or_a_section_number_does_not_answer(wide_answerer) -> None:
    plan = understand("What price did Cabinet agree to pay for the electric buses?")
    answer = wide_answerer.answer(plan, [_passage("1", PURCHASE, "resolution")])
    assert answer.abstained and answer.citations == []
    assert "figure" in answer.text


def test_each_part_of_a_two_part_question_gets_its_quote(wide_answerer) -> None:
    passages = [
        _inspection("1", NEXT, "Wenbury", heading="Next steps"),
        _inspection("2", OUTCOME, "Wenbury"),
    ]
    plan = understand(
        "How were Wenbury's SEND arrangements judged by inspectors, and when will they return "
        "for a full inspection?",
        vocabulary=VOCABULARY,
    )
    answer = wide_answerer.answer(plan, passages)
    assert "positive experiences and outcomes" in answer.text
    assert "five years" in answer.text
    assert {c.passage.id for c in answer.citations} == {"1", "2"}


def test_a_named_area_is_answered_from_its_own_documents(wide_answerer) -> None:
    plan = understand(
        "What inspection outcome did SEND arrangements in Wenbury receive?", vocabulary=VOCABULARY
    )
    passages = [
        _inspection("1", OTHER_AREA, "Holtby"),
        _inspection("2", OUTCOME, "Wenbury"),
    ]
    answer = wide_answerer.answer(plan, passages)
    assert not answer.abstained
    assert {c.passage.id for c in answer.citations} == {"2"}


def test_a_question_naming_two_areas_quotes_each_ones_report(wide_answerer) -> None:
    plan = understand(
        "How did inspectors judge the SEND arrangements in Wenbury and in Holtby?",
        vocabulary=VOCABULARY,
    )
    passages = [
        _inspection("1", OUTCOME, "Wenbury"),
        _inspection("2", NEXT, "Wenbury", heading="Next steps"),
        _inspection("3", OTHER_AREA, "Holtby"),
    ]
    answer = wide_answerer.answer(plan, passages)
    assert "positive experiences" in answer.text
    assert "inconsistent experiences" in answer.text
    assert {c.passage.id for c in answer.citations} >= {"1", "3"}


REVISIT = (
    "Inspectors found that the partnership’s arrangements lead to inconsistent experiences "
    "for families in Wenbury, and that waiting times for assessments remain too long."
)


def test_a_question_naming_two_years_quotes_each_years_report(wide_answerer) -> None:
    plan = understand(
        "How did inspectors judge Wenbury's SEND arrangements in 2022 and then in 2024?",
        vocabulary=VOCABULARY,
    )
    earlier = _inspection("3", REVISIT, "Wenbury")
    earlier.source = "inspections/wenbury-2022.pdf"
    earlier.metadata.update(date="2022-05-16", source=earlier.source)
    passages = [
        _inspection("1", OUTCOME, "Wenbury"),
        _inspection("2", NEXT, "Wenbury", heading="Next steps"),
        earlier,
    ]
    answer = wide_answerer.answer(plan, passages)
    assert "positive experiences" in answer.text
    assert "inconsistent experiences" in answer.text
    assert {c.passage.id for c in answer.citations} >= {"1", "3"}


def test_a_one_part_question_cites_one_document(wide_answerer) -> None:
    passages = [
        _passage("1", RESOLUTION, "resolution"),
        _passage("2", FINDING, "discussion", "cabinet/other-minutes.pdf"),
    ]
    plan = understand("What did Cabinet resolve about the Integrated Transport Plan?")
    answer = wide_answerer.answer(plan, passages)
    assert not answer.abstained
    assert {c.passage.source for c in answer.citations} == {"cabinet/minutes.pdf"}


LETTER = (
    "Inspectors reviewed how Wenbury helps young people who leave care. Leaders have "
    "strengthened the service since the previous visit and most of these young people feel "
    "well supported."
)


def _letter(pid: str, text: str, heading: str) -> Passage:
    meta = {
        "council": "Wenbury",
        "date": "2024-11-05",
        "doc_kind": "inspection",
        "doc_title": "Focused visit to Wenbury children’s services",
        "heading": heading,
        "section_kind": "discussion",
        "source": "inspections/wenbury-focused-visit.pdf",
    }
    return Passage(pid, text, meta["source"], 1, 0.5, meta)


def test_asked_for_a_grade_that_no_sentence_gives_it_declines(wide_answerer) -> None:
    plan = understand("How were Wenbury’s services rated by Ofsted for overall effectiveness?")
    answer = wide_answerer.answer(
        plan, [_letter("1", LETTER, "Focused visit to Wenbury children’s services")]
    )
    assert answer.abstained and answer.citations == []


def test_a_scene_setting_clause_is_not_answered(wide_answerer) -> None:
    passages = [
        _passage("1", FINDING, "discussion"),
        _passage("2", RESOLUTION, "resolution", "cabinet/printed-minutes.pdf"),
    ]
    plan = understand(
        "The Cabinet Member introduced the Integrated Transport Plan - what did Cabinet resolve "
        "about its cost?"
    )
    answer = wide_answerer.answer(plan, passages)
    assert "£48.6 million" in answer.text
    assert {c.passage.id for c in answer.citations} == {"2"}


def test_a_judgement_heading_answers_a_grade_question(wide_answerer) -> None:
    heading = "Overall effectiveness Requires improvement to be good"
    findings = (
        "The standard of services for children in Wenbury has fallen in most areas since the "
        "previous inspection."
    )
    passages = [_letter("1", f"{heading}\n\n{findings}", heading)]
    plan = understand("How did Ofsted grade Wenbury's children's services?")
    answer = wide_answerer.answer(plan, passages)
    assert not answer.abstained
    assert "Requires improvement to be good" in answer.text


def test_a_thing_the_passages_do_not_mention_is_declined(wide_answerer) -> None:
    passages = [_passage("1", FINDING, "discussion"), _passage("2", RESOLUTION, "resolution")]
    # every word of the name is indexed (in FOSTERING), but these passages do not mention it
    plan = understand("What did Cabinet decide about the Spring Fostering Campaign?")
    answer = wide_answerer.answer(plan, passages)
    assert answer.abstained and not answer.citations
    assert "Spring Fostering Campaign" in answer.text


def test_a_follow_up_pointing_back_is_answered_with_the_earlier_question(wide_answerer) -> None:
    text = (
        "a) Marsh & Penrose LLP BE APPOINTED as the consultant to carry out the Integrated "
        "Transport Plan review, at a total cost of £187,450 (excluding VAT);"
    )
    earlier = "Who did Cabinet appoint to review the Integrated Transport Plan?"
    plan = understand("How much is that contract worth?", [earlier])
    answer = wide_answerer.answer(plan, [_passage("1", text, "resolution")])
    assert not answer.abstained and "£187,450" in answer.text


@pytest.mark.parametrize(
    ("discussion", "resolution", "question", "quoted", "only_resolution"),
    [
        (  # the resolution reads closer to the question than an unrelated declaration
            "Cllr Tanner declared that her home was within 400 metres of the proposed route of "
            "the Integrated Transport Plan's relief road.",
            "Resolved: that the Integrated Transport Plan's relief road be approved, subject to "
            "the conditions in the report.",
            "What did Cabinet decide about the Integrated Transport Plan's relief road?",
            "be approved",
            True,
        ),
        (  # the debate reads closer to the question than the clauses of the item's resolution
            "Members debated at length what Cabinet should resolve about the Integrated Transport "
            "Plan and its relief road.",
            "RESOLVED that Cabinet: (a) endorses the ten-year programme in Appendix A; and (b) "
            "approves the first phase at a cost of £48.6 million.",
            "What did Cabinet resolve about the Integrated Transport Plan?",
            "£48.6 million",
            False,
        ),
    ],
)
def test_asked_what_was_decided_the_items_resolution_is_quoted(
    wide_answerer,
    discussion: str,
    resolution: str,
    question: str,
    quoted: str,
    only_resolution: bool,
) -> None:
    passages = [_passage("1", discussion, "discussion"), _passage("2", resolution, "resolution")]
    answer = wide_answerer.answer(understand(question), passages)
    assert quoted in answer.text
    cited = {c.passage.id for c in answer.citations}
    assert cited == {"2"} if only_resolution else "2" in cited


def _answer_from(answerer: ExtractiveAnswerer, question: str, text: str) -> Answer:
    """The answer to ``question`` from one passage of minutes holding ``text``."""
    return answerer.answer(understand(question), [_passage("1", text, "discussion")])


def test_a_count_that_does_not_name_what_it_counts_answers(wide_answerer) -> None:
    text = (
        "The carers' centre supports young carers in every town of the district. At present "
        "410 receive a weekly respite session run by its staff."
    )
    question = "How many young carers have a respite session each week?"
    answer = _answer_from(wide_answerer, question, text)
    assert not answer.abstained
    assert "410" in answer.text


def test_the_figure_margin_decides_how_close_a_figure_must_fit(wide_answerer) -> None:
    text = (
        "The carers' centre supports young carers in every town of the district. At present "
        "410 receive a weekly respite session run by its staff."
    )
    question = "How many young carers have a respite session each week?"
    strict = ExtractiveAnswerer(
        wide_answerer.embeddings,
        Settings(_env_file=None, figure_margin=2.0),  # above any sentence's score
        terms=wide_answerer.terms,
    )
    assert not _answer_from(wide_answerer, question, text).abstained
    declined = _answer_from(strict, question, text)
    assert declined.abstained and "410" not in declined.text


def test_the_abstention_threshold_decides_whether_to_answer(wide_answerer) -> None:
    text = "Young carers receive a weekly respite session run by the carers' centre staff."
    question = "What respite support do young carers receive?"  # no figure asked: no margin
    strict = ExtractiveAnswerer(
        wide_answerer.embeddings,
        Settings(_env_file=None, abstain_threshold=5.0),  # above any sentence's score
        terms=wide_answerer.terms,
    )
    assert "weekly respite session" in _answer_from(wide_answerer, question, text).text
    declined = _answer_from(strict, question, text)
    assert declined.abstained and "weekly respite session" not in declined.text


def test_a_list_item_under_a_line_ending_in_a_colon_is_quoted(wide_answerer) -> None:
    text = (
        "Allotment charges from April for the Wenbury sites:\n\n"
        "- Full plot: £85 per year\n\n"
        "- Half plot: £45 per year\n\n"
        "The charges were agreed without a vote."
    )
    question = "What will a full allotment plot cost each year at the Wenbury sites?"
    answer = _answer_from(wide_answerer, question, text)
    assert not answer.abstained
    assert "£85 per year" in answer.text


def test_a_sentence_of_another_passage_that_ties_with_the_best_is_quoted(wide_answerer) -> None:
    anchor = Unit(0, 0, 10, "best", score=0.70)
    tied = Unit(1, 0, 10, "tied", score=0.58)
    behind = Unit(2, 0, 10, "behind", score=0.52)
    near = wide_answerer._runners_up(anchor, anchor.score, [anchor, tied, behind], floor=0.5)
    assert tied in near and behind not in near


def test_the_same_sentence_scores_higher_in_a_passage_the_reranker_prefers(answerer) -> None:
    text = "The committee agreed to extend the library opening hours on Saturdays."
    question = "Did the committee extend library opening hours?"
    preferred = _passage("1", text, "discussion")
    doubted = _passage("2", text, "discussion", source="cabinet/other.pdf")
    preferred.score, doubted.score = 2.0, -1.0
    units = answerer.scorer.score(understand(question), [preferred, doubted])
    score = {u.passage_rank: u.score for u in units}
    weights = answerer.scorer.weights
    # Ranked second, the doubted passage loses a step of the rank prior and its logit's share.
    rank_step = weights["rank"] / ANSWER_PASSAGES
    logit_share = weights["passage"] * (preferred.score - doubted.score)
    assert score[0] - score[1] == pytest.approx(rank_step + logit_share)


def test_a_passage_logit_counts_only_up_to_the_clip() -> None:
    far = _passage("1", "Any text.", "discussion")
    far.score = 40.0
    assert passage_logit(far) == PASSAGE_LOGIT_CLIP
    far.score = -40.0
    assert passage_logit(far) == -PASSAGE_LOGIT_CLIP


LONG_SALE = (
    "That, on the recommendation of the Director of Property, with the concurrence of the "
    "Director of Finance and following the consultation with residents of Mill Lane, Station "
    "Road and the Orchard estate, and having regard to the valuation report, the planning "
    "history of the site, the covenants on its title, the costs of keeping the building secure "
    "and the views of the Holtby Heritage Society, the former Holtby depot at 4 Quarry Street "
    "BE SOLD to Ash Homes Limited for the sum of $2.1 million, subject to the purchaser "
    "keeping the stone frontage, providing twelve affordable homes on the site, paying the "
    "council's legal costs, completing the sale by the end of the financial year and agreeing "
    "to a clawback of half of any uplift in value should planning permission for more than "
    "forty homes be granted within ten years of the date of completion."
)
SURVEY = "Bridgeworks Consulting BE APPOINTED to survey the Mill Lane footbridge."


def test_a_parts_quote_is_kept_when_the_first_quote_fills_the_word_budget(embeddings) -> None:
    terms = KeywordIndex(["1", "2"], [LONG_SALE, SURVEY], [{}, {}])
    answerer = ExtractiveAnswerer(embeddings, Settings(_env_file=None), terms=terms)
    passages = [_passage("1", LONG_SALE, "resolution"), _passage("2", SURVEY, "resolution")]
    plan = understand(
        "Who bought the Holtby depot, and which firm was appointed to survey the Mill Lane "
        "footbridge?"
    )
    answer = answerer.answer(plan, passages)
    assert "Ash Homes Limited" in answer.text
    assert "Bridgeworks Consulting" in answer.text
    assert {c.passage.id for c in answer.citations} == {"1", "2"}
