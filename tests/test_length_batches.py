"""How the ONNX encoder groups texts into batches: by length, within a padded-token budget."""

from __future__ import annotations

from assistant.store.onnx_encoder import length_batches


def test_batches_hold_texts_of_like_length_within_the_budget() -> None:
    lengths = [200, 12, 15, 250, 9, 40, 11, 180]
    batches = length_batches(lengths, most=4, tokens=400)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    assert batches[0] == [4, 6, 1, 2]  # the four shortest together, shortest first
    for batch in batches:
        assert len(batch) <= 4
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 400
    # Shortest first: no text of a batch is longer than any of the next batch.
    for first, second in zip(batches, batches[1:], strict=False):
        assert max(lengths[i] for i in first) <= min(lengths[i] for i in second)


def test_a_text_longer_than_the_budget_is_a_batch_of_its_own() -> None:
    assert length_batches([600, 10, 20], most=8, tokens=256) == [[1, 2], [0]]
    assert length_batches([], most=8, tokens=256) == []
