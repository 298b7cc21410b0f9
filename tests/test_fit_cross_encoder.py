"""Fitting the sentence cross-encoder: what ``evals.fit_cross_encoder`` writes is what
``SentenceCrossEncoder`` runs once the low-rank changes are added back, and it stays small
enough to ship in the repository."""

from __future__ import annotations

import random

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from assistant.answer.cross_encoder import SentenceCrossEncoder, pair_logits  # noqa: E402
from assistant.settings import BUNDLED_MODEL  # noqa: E402
from assistant.store.embeddings import resolve_model_path  # noqa: E402
from evals.fit_cross_encoder import Pair, bundled_layers, shippable, train  # noqa: E402

QUESTION = "When will the refurbished Northgate library reopen to the public?"
TEXTS = [
    "Culture | Minutes: The Northgate library will reopen to the public on 3 March 2027.",
    "Culture | Minutes: Members noted the minutes of the previous meeting.",
]
SHIPPABLE_BYTES = 5_000_000


@pytest.fixture(scope="module")
def model_path() -> str:
    return resolve_model_path(BUNDLED_MODEL)


def _logits(model_path: str, layers: dict, head) -> np.ndarray:
    from transformers import AutoModel, AutoTokenizer

    encoder = AutoModel.from_pretrained(model_path).eval()
    encoder.encoder.load_state_dict({k.removeprefix("encoder."): v for k, v in layers.items()})
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    with torch.no_grad():
        return pair_logits(tokenizer, encoder, head, [QUESTION] * 2, TEXTS).numpy()


def _written_fit(path, model_path: str) -> tuple[dict, object]:
    """A fit of known tensors (a rank-4 change to every matrix, a random head) written to
    ``path`` as the fit ships it; the fitted tensors and head."""
    from safetensors.torch import save_file

    torch.manual_seed(1)
    bundled = bundled_layers(model_path)
    fitted = {}
    for name, tensor in bundled.items():
        if tensor.dim() == 2:  # a change of rank 4, which the rank cut keeps whole
            out, into = tensor.shape
            fitted[name] = tensor + torch.randn(out, 4) @ torch.randn(4, into) * 0.02
        else:
            fitted[name] = tensor + 0.01
    head = torch.nn.Linear(384, 1)
    with torch.no_grad():
        head.weight.normal_(0.0, 1.0)
    fitted |= {f"head.{k}": v.detach() for k, v in head.state_dict().items()}
    save_file(shippable(fitted, bundled), str(path))
    return fitted, head


def _layers(tensors: dict) -> dict:
    return {k: v for k, v in tensors.items() if not k.startswith("head.")}


def test_the_written_file_runs_as_the_fitted_model(tmp_path, model_path) -> None:
    path = tmp_path / "fitted.safetensors"
    fitted, head = _written_fit(path, model_path)

    expected = _logits(model_path, _layers(fitted), head)
    loaded = SentenceCrossEncoder(model_path, path).logits(QUESTION, TEXTS)

    # float16 storage moves a logit by a few hundredths; the change itself moves it by over 1
    assert np.abs(expected - _logits(model_path, bundled_layers(model_path), head)).max() > 1.0
    np.testing.assert_allclose(loaded, expected, atol=0.1)


def test_a_fit_changes_every_matrix_and_ships_under_the_limit(model_path) -> None:
    pairs = [Pair(QUESTION, TEXTS[0], 1.0), Pair(QUESTION, TEXTS[1], 0.0)]
    shipped = shippable(train(model_path, pairs), bundled_layers(model_path))
    changes = [k for k in shipped if k.endswith(".lora_B")]
    assert len(changes) == 6 * 6  # six weight matrices in each of six layers
    assert all(shipped[k].abs().max() > 0 for k in changes)
    assert sum(t.numel() * t.element_size() for t in shipped.values()) < SHIPPABLE_BYTES


def test_a_further_fit_starts_from_the_fitted_file(tmp_path, model_path) -> None:
    path = tmp_path / "first.safetensors"
    _, head = _written_fit(path, model_path)
    pairs = [Pair(QUESTION, TEXTS[0], 1.0), Pair(QUESTION, TEXTS[1], 0.0)]

    resumed = train(model_path, pairs, start=path, epochs=0)
    resumed_head = torch.nn.Linear(384, 1)
    resumed_head.load_state_dict(
        {k.removeprefix("head."): v for k, v in resumed.items() if k.startswith("head.")}
    )

    loaded = SentenceCrossEncoder(model_path, path).logits(QUESTION, TEXTS)
    np.testing.assert_allclose(
        _logits(model_path, _layers(resumed), resumed_head), loaded, atol=1e-4
    )
    # not the bundled layers: those read the pairs differently by over 1
    assert np.abs(_logits(model_path, bundled_layers(model_path), head) - loaded).max() > 1.0


def test_each_asking_part_is_paired_with_the_answer_string_it_fits() -> None:
    from assistant.retrieval.passages import Unit
    from assistant.retrieval.question import Query
    from assistant.types import Passage
    from evals.fit_cross_encoder import part_pairs

    plan = Query("Q", "Q")
    plan.parts = [
        Query("The Wenbury Panel met in May.", "scene", asking=False),
        Query("What rent rise did Wenbury set", "rent"),
        Query("Wenbury who chairs the Panel?", "chair"),
    ]
    top = [Passage("p", "text", "wenbury.pdf", 1, 0.0, {"council": "Wenbury"})]
    units = [
        # The rent sentence fits the rent part best, the chair's sentence the chair part: the
        # matching follows the fits, not the order the strings are given in.
        Unit(0, 0, 1, "Rents rise by 4.5%.", part_fits=[0.0, 0.9, 0.2]),
        Unit(0, 1, 2, "Cllr Holtby chairs the Panel.", part_fits=[0.0, 0.1, 0.8]),
        Unit(0, 2, 3, "The minutes were agreed.", part_fits=[0.0, 0.3, 0.3]),
    ]
    pairs = part_pairs(plan, units, top, ["Cllr Holtby", "4.5%"], random.Random(0))
    labelled = {(p.question, p.text.rsplit(": ", 1)[-1], p.label) for p in pairs}
    assert labelled == {
        ("rent", "Rents rise by 4.5%.", 1.0),
        ("rent", "The minutes were agreed.", 0.0),
        ("chair", "Cllr Holtby chairs the Panel.", 1.0),
        ("chair", "The minutes were agreed.", 0.0),
    }
    # One string cannot answer two parts: no part pairs.
    assert part_pairs(plan, units, top, ["4.5%"], random.Random(0)) == []
