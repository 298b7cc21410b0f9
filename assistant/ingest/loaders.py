"""Files → text, page by page. One function per format; nothing but ``LoadError`` escapes.

The text is kept as extracted (the answer step quotes it verbatim); the only normalisation is
line endings, control characters, trailing spaces and runs of blank lines. Parsing untrusted
files in a separate, limited process lives in :mod:`assistant.ingest.guarded`.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from assistant.errors import LoadError
from assistant.ingest.pdf import read_pdf
from assistant.ingest.webpage import BLANK_RUNS, read_html
from assistant.types import LoadedDocument, Page

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt"}
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_EMPTY_DOC = "empty document: no text found"


def scan_corpus(root: Path) -> tuple[list[Path], list[Path]]:
    """Every file under ``root`` (recursive, hidden files and folders skipped), split into
    (supported, unsupported), each sorted."""
    supported: list[Path] = []
    unsupported: list[Path] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        (supported if path.suffix.lower() in SUPPORTED_SUFFIXES else unsupported).append(path)
    return supported, unsupported


def relative_source(path: Path, root: Path) -> str:
    """``path`` relative to the corpus ``root``, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_file(path: Path, root: Path) -> LoadedDocument:
    """Read one file into pages of text. Raises only ``LoadError`` with a short, specific reason."""
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise LoadError(path, f"unsupported file type {suffix or '(no extension)'}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    if not data:
        raise LoadError(path, "empty file (0 bytes)")
    try:
        title, fmt, pages = reader(path, data)
    except (LoadError, MemoryError):
        raise
    except Exception as exc:  # a parser bug or an odd file must not escape as anything else
        raise LoadError(path, f"could not parse {suffix[1:]} file ({type(exc).__name__})") from exc
    pages = [_cleaned(page, fmt) for page in pages]
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, _EMPTY_DOC)
    title = _sensible_title(title) or path.stem
    return LoadedDocument(source=relative_source(path, root), pages=pages, title=title, format=fmt)


def _cleaned(page: Page, fmt: str) -> Page:
    text = clean_text(page.text)
    return Page(page.number, text, printed_page_starts(text) if fmt == "markdown" else ())


def _sensible_title(title: str) -> str:
    """Embedded titles are often tool junk ("Microsoft Word - x.docx", "docx", "Untitled")."""
    title = " ".join(title.split())
    junk = ("microsoft word", "untitled", "powerpoint", "slide 1")
    if len(title.split()) < 3 or title.lower().startswith(junk) or "template" in title.lower() \
            or re.search(r"\.(docx?|pdf)$", title):
        return ""
    return title


def clean_text(text: str) -> str:
    """Normalise extracted text without changing its words: newlines, control characters,
    trailing spaces, runs of blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return BLANK_RUNS.sub("\n\n", text).strip("\n")


# --- PDF ---------------------------------------------------------------------------------


# --- DOCX --------------------------------------------------------------------------------


def _read_docx(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError(path, "not a DOCX: the file is not a ZIP package")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "word/document.xml" not in package.namelist():
                raise LoadError(path, "not a DOCX: no word/document.xml in the package")
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(path, f"corrupt DOCX ({type(exc).__name__})") from exc
    blocks: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(element, document).text.strip())
        elif tag == "tbl":
            blocks.append(_docx_table(Table(element, document)))
    title = (document.core_properties.title or "").strip()
    return title, "docx", [Page(1, "\n\n".join(b for b in blocks if b))]


def _docx_table(table: object) -> str:
    lines: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat the same cell object
                continue
            seen.add(id(cell._tc))
            text = cell.text.strip()
            if text:
                lines.append(text)
    return "\n".join(lines)


# --- HTML --------------------------------------------------------------------------------


# --- Markdown and plain text -------------------------------------------------------------

_FRONT_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*(.+)\n(?:.*\n)*?---\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$", re.M)
# Markdown converted from PDF marks each page break with a rule line.
_PAGE_BREAK = re.compile(r"^---[ \t]*$", re.M)


def _read_markdown(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
    text = html.unescape(decode_text(path, data)).replace("\xa0", " ")
    match = _FRONT_TITLE.match(text) or _MD_HEADING.search(text)
    title = match.group(1).strip().strip("\"'") if match else ""
    return title, "markdown", [Page(1, text)]


def printed_page_starts(text: str) -> tuple[int, ...]:
    """Where the later printed pages of Markdown converted from PDF start: at its rule lines
    (front matter aside). A single line before the first rule (a title, a link to the
    original) is part of page 1."""
    lines = text.split("\n")
    head = sum(len(line) + 1 for line in lines[: frontmatter_lines(lines)])
    cuts = [m.start() for m in _PAGE_BREAK.finditer(text, head)]
    if cuts and sum(1 for line in text[head : cuts[0]].split("\n") if line.strip()) <= 1:
        cuts.pop(0)
    return tuple(cuts)


def frontmatter_lines(lines: list[str]) -> int:
    """Lines of a Markdown file's YAML front matter (metadata, not text), or 0."""
    if not lines or lines[0] != "---":
        return 0
    end = next((j for j in range(1, min(len(lines), 40)) if lines[j] == "---"), 0)
    return end + 1 if end else 0


def _read_text(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
    return "", "text", [Page(1, decode_text(path, data))]


def decode_text(path: Path, data: bytes) -> str:
    """Bytes of a text file → str: BOM, then UTF-8, then charset-normalizer's best guess
    (preferring cp1252 for mostly-ASCII Western text)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"undecodable text (bad {codec})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    ascii_share = sum(b < 128 for b in data) / len(data)
    if b"\x00" not in data and ascii_share > 0.9:
        try:
            return data.decode("cp1252")  # English text with a few accented or curly characters
        except UnicodeDecodeError:
            pass
    if best is None or best.encoding is None:
        raise LoadError(path, "undecodable text (unknown encoding or binary data)")
    text = str(best)
    if len(_CONTROL.findall(text)) > 0.01 * max(len(text), 1):
        raise LoadError(path, "undecodable text (binary data, not a text file)")
    return text


_READERS: dict[str, Callable[[Path, bytes], tuple[str, str, list[Page]]]] = {
    ".pdf": read_pdf,
    ".docx": _read_docx,
    ".html": read_html,
    ".htm": read_html,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".txt": _read_text,
}
