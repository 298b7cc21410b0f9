"""Loaders: each format, each failure reason, and the guarded (child process) loader."""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from assistant.errors import LoadError
from assistant.ingest.guarded import load_file_guarded, load_files
from assistant.ingest.loaders import (
    SUPPORTED_SUFFIXES,
    clean_text,
    load_file,
    relative_source,
    scan_corpus,
)
from assistant.ingest.pdf import MAX_PAGES
from assistant.types import LoadedDocument

# --- fixtures: real files built in tmp_path --------------------------------------------


def make_pdf(path: Path, pages: list[str]) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def make_image_pdf(path: Path) -> Path:
    from PIL import Image

    image = tmp_image = path.with_suffix(".png")
    Image.new("RGB", (60, 40), (200, 30, 30)).save(tmp_image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=100)
    pdf.output(str(path))
    tmp_image.unlink()
    return path


def make_slow_pdf(path: Path, operations: int = 400_000) -> Path:
    """A small file whose one page holds so many text operations that extraction takes ~15 s."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf " + b"1 0 Td (ab) Tj " * operations + b"ET")
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def as_doc(result: LoadedDocument | LoadError) -> LoadedDocument:
    assert isinstance(result, LoadedDocument), result
    return result


def as_error(result: LoadedDocument | LoadError) -> LoadError:
    assert isinstance(result, LoadError), result
    return result


def reason(path: Path, root: Path) -> str:
    with pytest.raises(LoadError) as info:
        load_file(path, root)
    assert info.value.path == str(path)
    return info.value.reason


# --- scanning ------------------------------------------------------------------------------


def test_scan_corpus_splits_supported_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b/minutes.PDF", "a.md", "README.md", "SOURCES.md", "notes.txt", "x.xlsx",
                 ".hidden.txt", ".git/config.txt", "b/page.htm"]:
        (tmp_path / name).write_text("x")
    supported, unsupported = scan_corpus(tmp_path)
    assert [relative_source(p, tmp_path) for p in supported] == [
        "README.md", "SOURCES.md", "a.md", "b/minutes.PDF", "b/page.htm", "notes.txt"]
    assert [p.name for p in unsupported] == ["x.xlsx"]
    assert SUPPORTED_SUFFIXES == {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt"}


def test_relative_source_uses_forward_slashes(tmp_path: Path) -> None:
    assert relative_source(tmp_path / "a" / "b c.pdf", tmp_path) == "a/b c.pdf"


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_pages_keep_their_numbers(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "m.pdf", ["RESOLVED that the budget be approved.", "Second page."])
    doc = load_file(path, tmp_path)
    assert doc.format == "pdf" and doc.source == "m.pdf"
    assert [p.number for p in doc.pages] == [1, 2]
    assert "RESOLVED that the budget be approved." in doc.pages[0].text
    assert doc.pages[1].text == "Second page."
    assert MAX_PAGES == 3000


def test_encrypted_pdf(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", ["Secret minutes"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("letmein", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    assert reason(locked, tmp_path) == "encrypted PDF (a password is needed to open it)"


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", ["Printable minutes"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    restricted = tmp_path / "restricted.pdf"
    writer.write(restricted)
    assert load_file(restricted, tmp_path).pages[0].text == "Printable minutes"


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "whole.pdf", ["Some text " * 50] * 3).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    assert reason(cut, tmp_path).startswith("truncated PDF (the file ends early)")


def test_corrupt_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n")
    assert reason(bad, tmp_path).startswith("corrupt PDF")


def test_zero_byte_file(tmp_path: Path) -> None:
    for name in ("empty.pdf", "empty.docx", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
        assert reason(tmp_path / name, tmp_path) == "empty file (0 bytes)"


def test_random_bytes_named_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(bytes(range(256)) * 8)
    assert reason(fake, tmp_path) == "not a PDF: the file starts with binary data"
    html = tmp_path / "page.pdf"
    html.write_text("<!DOCTYPE html><html><body>Error 404</body></html>")
    assert reason(html, tmp_path) == "not a PDF: the file starts with HTML"


def test_image_only_pdf_says_ocr_is_not_supported(tmp_path: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf")
    assert reason(path, tmp_path) == (
        "no text layer (scanned or image-only PDF); OCR is not supported")


def test_blank_pdf_is_an_empty_document(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(tmp_path / "blank.pdf"))
    assert reason(tmp_path / "blank.pdf", tmp_path) == "empty document: no text found"


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the Parish Council")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Item", "Decision"), ("Precept", "Approved")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("Planning: no objection.")
    document.save(str(tmp_path / "m.docx"))
    doc = load_file(tmp_path / "m.docx", tmp_path)
    assert doc.format == "docx" and len(doc.pages) == 1
    assert doc.pages[0].text == (
        "Minutes of the Parish Council\n\nItem\nDecision\nPrecept\nApproved\n\n"
        "Planning: no objection.")


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("This is plain text pretending to be Word.")
    assert reason(fake, tmp_path) == "not a DOCX: the file is not a ZIP package"


def test_zip_without_a_document_is_not_a_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "hi")
    (tmp_path / "z.docx").write_bytes(buffer.getvalue())
    expected = "not a DOCX: no word/document.xml in the package"
    assert reason(tmp_path / "z.docx", tmp_path) == expected


# --- text and Markdown ---------------------------------------------------------------------


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = "The café budget rose by £5,000 – a naïve estimate.\nRésumé attached.\n" * 3
    (tmp_path / "w.txt").write_bytes(text.encode("cp1252"))
    loaded = load_file(tmp_path / "w.txt", tmp_path).pages[0].text
    assert loaded.startswith("The café budget rose by £5,000 – a naïve estimate.\nRésumé")


def test_utf16_and_latin1_text(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes("Précis of the meeting".encode("utf-16"))
    assert load_file(tmp_path / "u.txt", tmp_path).pages[0].text == "Précis of the meeting"
    (tmp_path / "l.txt").write_bytes("Ofsted visit to Öland: größer".encode("latin-1"))
    assert load_file(tmp_path / "l.txt", tmp_path).pages[0].text == "Ofsted visit to Öland: größer"


def test_binary_data_named_txt_is_undecodable(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 20)
    assert reason(tmp_path / "b.txt", tmp_path).startswith("undecodable text")


def test_whitespace_only_text_is_an_empty_document(tmp_path: Path) -> None:
    (tmp_path / "e.md").write_text("  \n\n\t\n")
    assert reason(tmp_path / "e.md", tmp_path) == "empty document: no text found"


def test_markdown_keeps_headings_and_unescapes_entities(tmp_path: Path) -> None:
    (tmp_path / "m.md").write_text(
        "---\ntitle: 4th Meeting of the Parks Committee\ndate: 2025-03-19\n---\n"
        "# 2.&nbsp;&nbsp;Consent\n\nThat the report BE RECEIVED &amp; noted.\n")
    doc = load_file(tmp_path / "m.md", tmp_path)
    assert doc.title == "4th Meeting of the Parks Committee" and doc.format == "markdown"
    assert "# 2.  Consent\n\nThat the report BE RECEIVED & noted." in doc.pages[0].text


MARKDOWN_FROM_PDF = (
    "[Original file](minutes.pdf)\n\n---\nMINUTES of the meeting\n\nItem one was noted.\n"
    "---\n2\n\nItem two was agreed.\n---\n\n---\n4\n\nClosing remarks.\n---\n"
)


def test_markdown_from_pdf_knows_the_printed_page_of_every_offset(tmp_path: Path) -> None:
    (tmp_path / "m.md").write_text(MARKDOWN_FROM_PDF)
    (page,) = load_file(tmp_path / "m.md", tmp_path).pages
    text = page.text
    assert page.printed_page(text.index("[Original file]")) == 1
    assert page.printed_page(text.index("Item one")) == 1
    assert page.printed_page(text.index("Item two")) == 2
    assert page.printed_page(text.index("Closing")) == 4  # the blank page 3 still counts


def test_markdown_front_matter_is_not_a_page_break(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Audit Committee\n---\nFirst page, line one.\n\nLine two.\n---\nSecond.\n")
    (tmp_path / "b.md").write_text("---\ntitle: Audit Committee\n---\n# 1. Minutes\n\nAgreed.\n")
    (a,) = load_file(tmp_path / "a.md", tmp_path).pages
    (b,) = load_file(tmp_path / "b.md", tmp_path).pages
    assert a.printed_page(a.text.index("Line two")) == 1
    assert a.printed_page(a.text.index("Second")) == 2
    assert b.breaks == ()


def test_clean_text_normalises_only_whitespace_and_controls() -> None:
    assert clean_text("a  \r\nb\x00c\x07\n\n\n\n\nd\te\f") == "a\nbc\n\nd e"


def test_unsupported_suffix(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_text("x")
    assert reason(tmp_path / "x.xlsx", tmp_path) == "unsupported file type .xlsx"


# --- HTML ----------------------------------------------------------------------------------

MODERNGOV_PAGE = """<!DOCTYPE html><html><head><title>Agenda item - Budget 2025</title>
<script>var secret = "tracking";</script><style>.x{color:red}</style></head>
<body><a class="skip-link" href="#c">Skip to content</a>
<nav><ul><li>Home</li><li>Meetings</li></ul></nav>
<div id="cookie-banner">We use cookies</div>
<header>Council logo</header>
<div id="modgov"><div class="mgContent">
<h1>Budget 2025</h1><div class="breadcrumb">Home &gt; Cabinet</div>
<p>The Cabinet considered the   draft budget.<img src="x.png" onerror="alert('pwned')"></p>
<ul><li>Council tax up 2.99%</li><li><p>Reserves noted</p></li></ul>
<table><tr><th>Vote</th><th>Count</th></tr><tr><td>For</td><td>9</td></tr></table>
<p>RESOLVED that the budget be approved.<br>Next meeting in March.</p>
</div></div><aside>Related links</aside><footer>Copyright</footer>
<noscript>Enable JavaScript</noscript><form>Search</form></body></html>"""


def test_html_keeps_main_content_and_drops_chrome(tmp_path: Path) -> None:
    (tmp_path / "item.html").write_text(MODERNGOV_PAGE)
    doc = load_file(tmp_path / "item.html", tmp_path)
    assert doc.title == "Agenda item - Budget 2025" and doc.format == "html"
    assert doc.pages[0].text == (
        "Budget 2025\n\nThe Cabinet considered the draft budget.\n\n"
        "• Council tax up 2.99%\n• Reserves noted\n\nVote | Count\nFor | 9\n\n"
        "RESOLVED that the budget be approved.\nNext meeting in March.")


def test_html_without_a_container_falls_back_to_body(tmp_path: Path) -> None:
    (tmp_path / "p.htm").write_bytes(
        "<html><body><h2>Minutes</h2><p>Café opened</p></body></html>".encode("cp1252"))
    doc = load_file(tmp_path / "p.htm", tmp_path)
    assert doc.pages[0].text == "Minutes\n\nCafé opened"
    assert doc.title == "p"  # no <title>, and an <h1> is missing too


# --- guarded loading -----------------------------------------------------------------------


def test_load_files_returns_what_load_file_returns(tmp_path: Path) -> None:
    make_pdf(tmp_path / "a.pdf", ["Alpha page"])
    (tmp_path / "b.txt").write_text("Bravo text")
    (tmp_path / "c.pdf").write_bytes(b"")
    paths = sorted(tmp_path.iterdir())
    results = dict(load_files(paths, tmp_path, timeout=60, memory_mb=1024))
    assert results[tmp_path / "a.pdf"] == load_file(tmp_path / "a.pdf", tmp_path)
    assert results[tmp_path / "b.txt"] == load_file(tmp_path / "b.txt", tmp_path)
    failed = results[tmp_path / "c.pdf"]
    assert isinstance(failed, LoadError) and failed.reason == "empty file (0 bytes)"
    assert load_file_guarded(tmp_path / "b.txt", tmp_path, timeout=60, memory_mb=1024).pages[
        0].text == "Bravo text"


def test_timeout_kills_the_parser_and_the_rest_still_load(tmp_path: Path) -> None:
    slow = make_slow_pdf(tmp_path / "slow.pdf")
    (tmp_path / "after.txt").write_text("Loaded after the slow one")
    started = time.monotonic()
    results = list(load_files([slow, tmp_path / "after.txt"], tmp_path, timeout=1.5,
                              memory_mb=1024, workers=2))
    assert time.monotonic() - started < 10
    by_path = dict(results)
    assert as_error(by_path[slow]).reason == "parser exceeded the 1.5 s time limit"
    assert as_doc(by_path[tmp_path / "after.txt"]).pages[0].text == "Loaded after the slow one"
    with pytest.raises(LoadError, match="time limit"):
        load_file_guarded(slow, tmp_path, timeout=1, memory_mb=1024)


def test_memory_limit(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(b"a" * (160 * 1024 * 1024))
    (tmp_path / "small.txt").write_text("small")
    results = dict(load_files([tmp_path / "huge.txt", tmp_path / "small.txt"], tmp_path,
                              timeout=60, memory_mb=150))
    huge = as_error(results[tmp_path / "huge.txt"])
    assert huge.reason == "parser exceeded the 150 MB memory limit or crashed"
    assert as_doc(results[tmp_path / "small.txt"]).pages[0].text == "small"


def _kill_workers_soon(delay: float) -> None:
    """Kill the pool's worker processes (children of the forkserver, grandchildren of us)."""
    def parent_of(pid: str) -> int:
        with open(f"/proc/{pid}/stat") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])

    def run() -> None:
        time.sleep(delay)
        me = os.getpid()
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                grandparent = parent_of(str(parent_of(pid)))
            except (OSError, ValueError, IndexError):
                continue
            if grandparent == me:
                os.kill(int(pid), 9)

    threading.Thread(target=run, daemon=True).start()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_crashed_worker_fails_only_its_file(tmp_path: Path) -> None:
    slow = make_slow_pdf(tmp_path / "slow.pdf")
    (tmp_path / "after.txt").write_text("still here")
    _kill_workers_soon(2.0)
    results = dict(load_files([slow, tmp_path / "after.txt"], tmp_path, timeout=60,
                              memory_mb=1024))
    crashed = as_error(results[slow])
    assert crashed.reason == "parser exceeded the 1024 MB memory limit or crashed"
    assert as_doc(results[tmp_path / "after.txt"]).pages[0].text == "still here"
