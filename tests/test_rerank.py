"""The learned reranker and the learned answer step with the real bundled model and the shipped
weights: the passage holding the question's terms goes first, and answers quote it verbatim."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.answer.learned import LearnedAnswerer
from assistant.retrieval.question import understand
from assistant.retrieval.rerank import Candidate, LearnedReranker, RelevanceScorer, VectorCache
from assistant.settings import Settings
from assistant.store.keyword import KeywordIndex
from assistant.types import Passage

ANSWER = (
    "Children's services in Wenbury were inspected in June 2024. The average wait for a speech "
    "and language therapy appointment is 41 weeks after triage."
)
NEAR = (
    "Speech and language therapy services in Wenbury were discussed by the scrutiny committee, "
    "which thanked officers for their report on therapy services."
)
OFF_TOPIC = "The committee approved the library opening hours for the summer holidays."
TEXTS = [ANSWER, NEAR, OFF_TOPIC]


def _passage(pid: str, text: str) -> Passage:
    meta = {"source": f"{pid}.pdf", "doc_kind": "report", "heading": "", "item_title": ""}
    return Passage(pid, text, f"{pid}.pdf", 1, 0.0, meta)


def _scorer(embeddings) -> RelevanceScorer:
    terms = KeywordIndex(["a", "n", "o"], TEXTS, [{}, {}, {}])
    return RelevanceScorer(embeddings, terms)


def test_the_passage_that_answers_is_ranked_first(embeddings) -> None:
    scorer = _scorer(embeddings)
    plan = understand("How long do children in Wenbury wait for speech therapy after triage?")
    # The fused order put the answer second; it holds more of the question's rare terms.
    candidates = [
        Candidate(_passage("n", NEAR), 0, 0, chunk_cos=0.55, bm25_score=6.0, fused_rank=0),
        Candidate(_passage("a", ANSWER), 1, 1, chunk_cos=0.55, bm25_score=6.0, fused_rank=1),
        Candidate(_passage("o", OFF_TOPIC), 2, None, chunk_cos=0.1, fused_rank=2),
    ]
    ranked = scorer.rerank(scorer.asked(plan), candidates)
    assert ranked[0].passage.id == "a"
    assert ranked[-1].passage.id == "o"
    assert [c.passage.score for c in ranked] == sorted((c.logit for c in ranked), reverse=True)


def test_the_reranker_is_a_langchain_document_compressor(embeddings) -> None:
    reranker = LearnedReranker(scorer=_scorer(embeddings), top_n=2)
    docs = [
        Document(id=pid, page_content=text, metadata={"source": f"{pid}.pdf", "dense_rank": rank})
        for rank, (pid, text) in enumerate((("a", ANSWER), ("n", NEAR), ("o", OFF_TOPIC)))
    ]
    kept = reranker.compress_documents(docs, "How long is the wait for speech therapy?")
    assert len(kept) == 2 and kept[0].id == "a"
    assert kept[0].metadata["relevance"] >= kept[1].metadata["relevance"]


def test_the_learned_answer_quotes_the_answering_sentence(embeddings) -> None:
    answerer = LearnedAnswerer(_scorer(embeddings), Settings(_env_file=None))
    plan = understand("How long do children in Wenbury wait for speech therapy after triage?")
    passages = [_passage("a", ANSWER), _passage("n", NEAR)]
    for passage in passages:
        passage.score = 1.0
    answer = answerer.answer(plan, passages)
    assert not answer.abstained
    assert "41 weeks" in answer.text
    for citation in answer.citations:
        assert citation.quote in citation.passage.text


def test_sentence_vectors_are_cached_by_text(embeddings) -> None:
    cache = VectorCache(embeddings, size=2)
    first = cache.encode(["one sentence here", "another sentence"])
    again = cache.encode(["another sentence"])
    assert (again[0] == first[1]).all()
    cache.encode(["a third sentence"])
    assert len(cache._cache) == 2  # the least recently used was dropped
