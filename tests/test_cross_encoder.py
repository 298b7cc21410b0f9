"""The sentence cross-encoder, with the real bundled model and the shipped weights: it prefers
the sentence that answers, and the scorer adds its weighted logit to every fit of a unit."""

from __future__ import annotations

import pytest

from assistant.answer.cross_encoder import CONTEXT_CHARS, SentenceCrossEncoder, pair_text
from assistant.answer.sentence_scorer import CROSS_UNITS, SentenceScorer
from assistant.answer.weights import SentenceWeights
from assistant.errors import ConfigError
from assistant.retrieval.question import understand
from assistant.settings import BUNDLED_MODEL
from assistant.store.boilerplate import Boilerplate
from assistant.store.embeddings import resolve_model_path
from assistant.store.keyword import Uniform
from assistant.types import Passage

QUESTION = "When will the refurbished Northgate library reopen to the public?"
ANSWERS = "The Northgate library will reopen to the public on 3 March 2027 after refurbishment."
OFF_TOPIC = "Members noted the minutes of the previous meeting and agreed they were accurate."


def _passage(text: str, **meta: str) -> Passage:
    return Passage("p1", text, "culture/minutes.pdf", 2, 0.0, {"committee": "Culture", **meta})


@pytest.fixture(scope="module")
def cross() -> SentenceCrossEncoder:
    return SentenceCrossEncoder(resolve_model_path(BUNDLED_MODEL))


def test_pair_text_puts_the_context_first_and_bounds_it() -> None:
    passage = _passage(ANSWERS, doc_title="Minutes", item_title="x" * 400)
    text = pair_text(ANSWERS, passage)
    context, sentence = text.split(": ", 1)
    assert sentence == ANSWERS
    assert context.startswith("Culture | Minutes | x")
    assert len(context) == CONTEXT_CHARS
    bare = Passage("p2", ANSWERS, "a.pdf", 1, 0.0, {})
    assert pair_text(ANSWERS, bare) == ANSWERS


def test_the_answering_sentence_gets_the_higher_logit(cross) -> None:
    logits = cross.logits(QUESTION, [OFF_TOPIC, ANSWERS])
    assert logits.shape == (2,)
    assert logits[1] > logits[0]
    # Remembered: asked again, the same numbers without running the model.
    assert list(cross.logits(QUESTION, [ANSWERS, OFF_TOPIC])) == [logits[1], logits[0]]


def test_a_question_and_its_parts_are_read_together_as_if_apart(cross, monkeypatch) -> None:
    part = "When will the Northgate library reopen?"
    short = [ANSWERS] + [f"Minute {i}: {OFF_TOPIC}" for i in range(6)]
    long = f"{OFF_TOPIC} " * 8  # cut to the model's limit, read in a batch of its own
    together = SentenceCrossEncoder(resolve_model_path(BUNDLED_MODEL))
    batches: list[int] = []
    run = together._run
    monkeypatch.setattr(together, "_run", lambda q, t: batches.append(len(t)) or run(q, t))

    read = together.logits_of([(QUESTION, [*short, long]), (part, [ANSWERS])])

    apart = [*cross.logits(QUESTION, [*short, long]), *cross.logits(part, [ANSWERS])]
    assert [*read[0], *read[1]] == pytest.approx(apart, abs=1e-4)
    assert batches == [8, 1]  # the eight short pairs of both questions, then the long one


def test_it_serves_langchains_cross_encoder_reranker(cross) -> None:
    from langchain_classic.retrievers.document_compressors import CrossEncoderReranker
    from langchain_core.documents import Document

    documents = [Document(page_content=OFF_TOPIC), Document(page_content=ANSWERS)]
    reranked = CrossEncoderReranker(model=cross, top_n=1).compress_documents(documents, QUESTION)
    assert [d.page_content for d in reranked] == [ANSWERS]


def test_weights_for_another_model_are_refused(tmp_path) -> None:
    import numpy as np
    from safetensors.numpy import save_file

    path = tmp_path / "other.safetensors"
    save_file(
        {
            "encoder.layer.99.output.dense.weight": np.zeros((2, 2), np.float32),
            "head.weight": np.zeros((1, 384), np.float32),
            "head.bias": np.zeros(1, np.float32),
        },
        str(path),
    )
    with pytest.raises(ConfigError, match="do not fit"):
        SentenceCrossEncoder(resolve_model_path(BUNDLED_MODEL), path).logits(QUESTION, [ANSWERS])


def test_scorer_adds_the_weighted_logit_to_every_fit(embeddings, cross) -> None:
    weights = SentenceWeights.load(adapted=False)
    plain = SentenceScorer(embeddings, Uniform(), Boilerplate(set()), weights)
    crossed = SentenceScorer(embeddings, Uniform(), Boilerplate(set()), weights, cross=cross)
    sentences = [ANSWERS, OFF_TOPIC] + [
        f"The committee received report number {n} on grounds maintenance in the parks."
        for n in range(14)
    ]
    passage = _passage(" ".join(sentences))
    plan = understand(QUESTION)
    before = {u.text: u for u in plain.score(plan, [passage])}
    after = {u.text: u for u in crossed.score(plan, [passage])}
    assert len(after) > CROSS_UNITS  # some units are past the ones the cross-encoder reads
    logits = {u.cross for u in after.values()}
    floor = min(logits)
    assert sum(u.cross == floor for u in after.values()) >= len(after) - CROSS_UNITS
    for text, unit in after.items():
        shift = weights["cross"] * unit.cross
        assert unit.score == pytest.approx(before[text].score + shift)
        assert unit.topic_fit == pytest.approx(before[text].topic_fit + shift)
    assert after[ANSWERS].cross > after[OFF_TOPIC].cross


def test_each_asking_part_is_read_alone(embeddings, cross) -> None:
    weights = SentenceWeights.load(adapted=False)
    plain = SentenceScorer(embeddings, Uniform(), Boilerplate(set()), weights)
    crossed = SentenceScorer(embeddings, Uniform(), Boilerplate(set()), weights, cross=cross)
    cost = "The refurbishment of the Northgate library cost £2.4 million in total."
    passage = _passage(" ".join([ANSWERS, cost, OFF_TOPIC]))
    plan = understand(
        "When will the Northgate library reopen, and how much did its refurbishment cost?"
    )
    assert len(plan.parts) == 2 and all(part.asking for part in plan.parts)
    before = {u.text: u for u in plain.score(plan, [passage])}
    after = {u.text: u for u in crossed.score(plan, [passage])}
    texts = list(after)
    for index, part in enumerate(plan.parts):
        read = cross.logits(part.text, [pair_text(t, passage) for t in texts])
        for text, logit in zip(texts, read, strict=True):
            expected = before[text].part_fits[index] + weights["cross"] * logit
            assert after[text].part_fits[index] == pytest.approx(expected)
    # The second half, read alone, prefers the sentence that answers it.
    second = cross.logits(plan.parts[1].text, [pair_text(t, passage) for t in (ANSWERS, cost)])
    assert second[1] > second[0]
    assert after[cost].part_fits[1] > after[ANSWERS].part_fits[1]
