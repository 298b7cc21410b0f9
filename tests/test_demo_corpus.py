"""The demo corpus (fictional Fernleigh County Council) and its questions agree with each other.

Text is extracted with plain library calls (pypdf, python-docx, bs4), not the project's loaders,
so that a loader bug cannot hide a wrong question, nor a wrong question a loader bug.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
QUESTIONS = REPO / "evals" / "demo.jsonl"
KINDS = {
    "fact", "resolution", "inspection", "decision-date", "cross-document", "paraphrase",
    "follow-up", "filter", "unanswerable", "action", "multi-hop",
}  # fmt: skip
FORMATS = (".pdf", ".docx", ".html", ".txt", ".md")

_TRANSLATE = str.maketrans(
    {
        **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"},
        **{c: "'" for c in "\u2018\u2019\u201a\u201b"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f"},
    }
)


def normalise(text: str) -> str:
    """N(s) of shared/eval/README.md: NFKC, casefold, straight quotes, dashes to '-',
    line-end hyphens after a word joined, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLATE)
    text = re.sub(r"(?<=\w)-[^\S\n]*\n\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(path: Path) -> list[str]:
    """The text layer of each page."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def extract(path: Path) -> str:
    """All the text of one corpus file."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "\n".join(pdf_pages(path))
    if suffix == ".docx":
        from docx import Document

        document = Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if suffix == ".html":
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_bytes(), "lxml")
        for tag in soup(["script", "style"]):
            tag.decompose()
        return soup.get_text(" ")
    return path.read_text(encoding="utf-8")


@cache
def normalised_text(relative: str) -> str:
    return normalise(extract(CORPUS / relative))


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in FORMATS and p.name != "README.md")


def load_questions() -> list[dict[str, Any]]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ANSWERABLE = [q for q in load_questions() if q["answerable"]]


def test_corpus_has_every_format_and_committee() -> None:
    files = corpus_files()
    counts = Counter(p.suffix for p in files)
    assert all(counts[s] >= 2 for s in (".pdf", ".docx", ".html", ".txt")), counts
    assert counts[".md"] >= 1, counts
    assert 15 <= len(files) <= 25
    folders = {p.relative_to(CORPUS).parts[0] for p in files}
    assert {"cabinet", "county-council", "planning-committee", "inspections"} <= folders
    assert "children-and-young-peoples-scrutiny-committee" in folders
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 2 * 1024 * 1024
    assert "fictional" in (CORPUS / "README.md").read_text(encoding="utf-8")


def test_meeting_folders_are_dated() -> None:
    for path in corpus_files():
        parts = path.relative_to(CORPUS).parts
        if parts[0] != "inspections":
            assert len(parts) == 3 and re.fullmatch(r"202[45]-\d\d-\d\d", parts[1]), parts


@pytest.mark.parametrize("path", [p for p in corpus_files() if p.suffix == ".pdf"], ids=str)
def test_pdf_has_pages_and_text_layer(path: Path) -> None:
    pages = pdf_pages(path)
    assert len(pages) > 1
    assert all(len(page.split()) > 20 for page in pages), [len(p.split()) for p in pages]
    assert "fernleigh" in pages[0].lower()


def test_html_content_survives_and_chrome_is_separable() -> None:
    from bs4 import BeautifulSoup

    path = next(p for p in corpus_files() if p.name.startswith("Decision - 25-00019"))
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    assert soup.find("script") is not None and soup.find(id="cookieBanner") is not None
    content = soup.find(class_="mgContent")
    assert content is not None
    text = normalise(content.get_text(" "))
    assert "date of decision: 13/03/2025" in text
    assert "cookies" not in text and "gtag" not in text


def test_typography_needs_normalising() -> None:
    """PDFs carry curly quotes and en dashes, so matching without N() would fail."""
    raw = extract(CORPUS / "inspections/area-send/area send full inspection - 26 july 2024.pdf")
    assert "partnership\u2019s" in raw and "partnership's" not in raw
    assert "local area partnership's arrangements lead" in normalise(raw)


def test_question_ids_unique_and_kinds_known() -> None:
    questions = load_questions()
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"demo\d{3}", i) for i in ids)
    kinds = Counter(q["kind"] for q in questions)
    assert set(kinds) == KINDS, kinds
    assert 4 <= kinds["unanswerable"] <= 6
    keys = {"id", "question", "history", "answerable", "answer_contains", "sources", "evidence"}
    assert all(keys | {"kind"} == set(q) for q in questions)


def test_unanswerable_questions_cite_nothing() -> None:
    for q in load_questions():
        if not q["answerable"]:
            assert q["sources"] == [] and q["answer_contains"] == [] and q["kind"] == "unanswerable"
        else:
            assert q["sources"] and q["answer_contains"] and q["evidence"]


def test_follow_ups_have_history() -> None:
    for q in load_questions():
        assert (q["kind"] == "follow-up") == bool(q["history"]), q["id"]


@pytest.mark.parametrize("question", ANSWERABLE, ids=lambda q: q["id"])
def test_answer_and_evidence_are_in_sources(question: dict[str, Any]) -> None:
    for source in question["sources"]:
        assert "\\" not in source and (CORPUS / source).is_file(), source
    texts = [normalised_text(source) for source in question["sources"]]
    for needle in question["answer_contains"]:
        assert any(normalise(needle) in text for text in texts), needle
    assert any(normalise(question["evidence"]) in text for text in texts)


def test_cross_document_questions_name_several_files() -> None:
    for q in load_questions():
        if q["kind"] in ("cross-document", "multi-hop"):
            assert len(set(q["sources"])) >= 2, q["id"]


def test_unanswerable_questions_are_not_in_corpus() -> None:
    """The distinctive words of each unanswerable question appear nowhere in the corpus."""
    everything = " ".join(normalised_text(str(p.relative_to(CORPUS))) for p in corpus_files())
    for phrase in ("library", "home educated", "agency social work", "wind farm", "holtmoor ridge"):
        assert phrase not in everything, phrase


@pytest.mark.skipif(
    not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file(),
    reason="the generator needs the DejaVu fonts (Debian package fonts-dejavu-core)",
)
def test_generator_reproduces_committed_corpus(tmp_path: Path) -> None:
    """Re-running scripts/build_demo_corpus.py gives the committed files (same text; same
    bytes for the text formats), so the data modules and corpus/ cannot drift apart."""
    import importlib.util

    script = REPO / "scripts" / "build_demo_corpus.py"
    spec = importlib.util.spec_from_file_location("build_demo_corpus", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.build(tmp_path)
    fresh = sorted(str(p.relative_to(tmp_path)) for p in written if p.name != "README.md")
    assert fresh == sorted(str(p.relative_to(CORPUS)) for p in corpus_files())
    for relative in fresh:
        new, old = tmp_path / relative, CORPUS / relative
        if new.suffix in (".txt", ".md", ".html"):
            assert new.read_bytes() == old.read_bytes(), relative
        else:
            assert extract(new) == extract(old), relative
