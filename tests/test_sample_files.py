"""Choosing the documents a new question set is written over."""

from __future__ import annotations

from evals.sample_files import candidates, main, sample


def test_candidates_leave_out_used_files_and_folder_notes(tmp_path) -> None:
    for name in ("a/one.pdf", "a/two.md", "b/three.docx", "b/SOURCES.md", "b/image.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = candidates(tmp_path, used=["a/two.md"], skip_names=["SOURCES.md"])
    assert found == ["a/one.pdf", "b/three.docx"]


def test_a_seed_chooses_the_same_files_whatever_their_order() -> None:
    paths = [f"f{i:02d}.pdf" for i in range(40)]
    chosen = sample(paths, seed=7, n=10)
    assert chosen == sample(paths[::-1], seed=7, n=10) == sorted(chosen)
    assert len(set(chosen)) == 10 and set(chosen) <= set(paths)
    assert chosen != sample(paths, seed=8, n=10)
    assert sample(paths[:3], seed=7, n=10) == paths[:3]


def test_main_prints_a_sample_without_the_excluded_questions_sources(tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"doc{i}.txt").write_text("x")
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "q1", "question": "How long?", "answerable": true, "sources": ["doc0.txt"], '
        '"answer_contains": ["x"]}\n'
    )
    args = ["--corpus", str(corpus), "--exclude", str(questions), "--seed", "1", "--n", "3"]
    assert main(args) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 3 and "doc0.txt" not in printed
