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
from assistant.types import LoadedDocument, Page

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt"}
)
MAX_PAGES = 3000  # pages of one PDF that are read; the rest of a pathological file is ignored

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACE_RUNS = re.compile(r"[ \t\xa0]+")
_EMPTY_DOC = "empty document: no text found"
_NEEDS_CRYPTO = "encrypted PDF (AES; opening it needs the 'cryptography' package)"


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
    pages = [Page(p.number, clean_text(p.text)) for p in pages]
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, _EMPTY_DOC)
    title = _sensible_title(title) or path.stem
    return LoadedDocument(source=relative_source(path, root), pages=pages, title=title, format=fmt)


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
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


# --- PDF ---------------------------------------------------------------------------------


def _read_pdf(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    head = data[:1024]
    if b"%PDF-" not in head:
        raise LoadError(path, f"not a PDF: the file starts with {_describe_bytes(head)}")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _decrypt_empty(reader):
            raise LoadError(path, "encrypted PDF (a password is needed to open it)")
        page_objs = [reader.pages[i] for i in range(min(len(reader.pages), MAX_PAGES))]
    except LoadError:
        raise
    except DependencyError as exc:
        raise LoadError(path, _NEEDS_CRYPTO) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise LoadError(path, _corrupt_reason(data, exc)) from exc
    if not page_objs:
        raise LoadError(path, _corrupt_reason(data, None))
    pages, failures, images, bomb = [], 0, False, False
    for number, page in enumerate(page_objs, start=1):
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
            if isinstance(exc, DependencyError):
                raise LoadError(path, _NEEDS_CRYPTO) from exc
            failures, text = failures + 1, ""
        if not text.strip():
            images = images or _has_images(page)
            bomb = bomb or _inflates_past_limit(page)
        pages.append(Page(number, text))
    if not any(p.text.strip() for p in pages) and bomb:
        raise LoadError(path, _bomb_reason())
    if failures == len(page_objs):
        raise LoadError(path, _corrupt_reason(data, None))
    if not any(p.text.strip() for p in pages) and images:
        raise LoadError(path, "no text layer (scanned or image-only PDF); OCR is not supported")
    return _pdf_title(reader), "pdf", pages


def _decrypt_empty(reader: object) -> bool:
    """Open PDFs that only carry an owner password (empty user password)."""
    from pypdf import PasswordType

    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED  # type: ignore[attr-defined]
    except Exception as exc:
        from pypdf.errors import DependencyError

        if isinstance(exc, DependencyError):
            raise
        return False


def _corrupt_reason(data: bytes, exc: Exception | None) -> str:
    truncated = b"%%EOF" not in data[-2048:]
    base = "truncated PDF (the file ends early)" if truncated else "corrupt PDF"
    detail = str(exc).strip().splitlines()[0][:80] if exc is not None and str(exc).strip() else ""
    return f"{base}: {detail}" if detail else base


def _inflates_past_limit(page: object) -> bool:
    """Whether the page's content stream trips pypdf's decompression limit (a zip bomb).

    ``extract_text`` swallows that error and returns "", which would read as a blank page."""
    from pypdf.errors import LimitReachedError

    try:
        contents = page.get_contents()  # type: ignore[attr-defined]
        if contents is not None:
            contents.get_data()  # stops at the limit: never inflates the whole bomb
    except LimitReachedError:
        return True
    except Exception:
        return False
    return False


def _bomb_reason() -> str:
    from pypdf import get_configuration

    limit = get_configuration().zlib_maximum_output_length // 1_000_000
    return f"decompression bomb: a content stream inflates past the {limit} MB safety limit"


def _has_images(page: object) -> bool:
    try:
        resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            if ref.get_object().get("/Subtype") == "/Image":
                return True
    except Exception:
        return False
    return False


def _pdf_title(reader: object) -> str:
    try:
        return str((reader.metadata or {}).get("/Title") or "")  # type: ignore[attr-defined]
    except Exception:
        return ""


def _describe_bytes(head: bytes) -> str:
    known = {b"PK\x03\x04": "a ZIP archive", b"\x89PNG": "a PNG image", b"\xff\xd8": "a JPEG image"}
    for magic, name in known.items():
        if head.startswith(magic):
            return name
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    if sum(32 <= b < 127 or b in b"\r\n\t" for b in head) < 0.9 * len(head):
        return "binary data"
    return "text"


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

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe",
              "template", "svg", "button", "select", "object", "embed")
_NAV_NAME = re.compile(r"nav|breadcrumb|cookie|menu|skip|sidebar|banner|share|social", re.I)
_MAIN_SELECTORS = ("#modgov", "#mgContent", ".mgContent", "main", "[role=main]", "#content",
                   "article", "body")
_WHITESPACE = re.compile(r"\s+")
_HTML_BREAKS = {"li": ("\n• ", ""), "tr": ("\n", ""), "td": (" ", " | "), "th": (" ", " | "),
                "br": ("\n", "")}
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "pre", "table", "ul", "ol",
           "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "caption", "address",
           "figure", "figcaption"}


def _read_html(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(data, "lxml")
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else ""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_navigation):
        tag.decompose()
    main = next((m for s in _MAIN_SELECTORS if (m := soup.select_one(s)) is not None), soup)
    if not title:
        h1 = main.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else ""
    return title, "html", [Page(1, _html_text(main))]


def _is_navigation(tag: object) -> bool:
    attrs = getattr(tag, "attrs", None)
    if not attrs or getattr(tag, "name", "") in ("html", "body", "main"):
        return False
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    names = [str(attrs.get("id", ""))] + [str(c) for c in attrs.get("class", []) or []]
    names += [str(attrs.get("role", ""))] if attrs.get("role") == "navigation" else []
    return any(_NAV_NAME.search(n) for n in names if n)


def _html_text(root: object) -> str:
    from bs4 import NavigableString, Tag

    out: list[str] = []

    def walk(node: object) -> None:
        for child in node.children:  # type: ignore[attr-defined]
            if isinstance(child, NavigableString):
                out.append(_WHITESPACE.sub(" ", str(child)))
            elif isinstance(child, Tag):
                before, after = _HTML_BREAKS.get(child.name, ("", ""))
                if child.name in _BLOCKS:
                    before, after = "\n\n", "\n\n"
                out.append(before)
                walk(child)
                out.append(after)

    walk(root)
    lines = (_SPACE_RUNS.sub(" ", line).strip().strip("|").strip() for line in
             "".join(out).split("\n"))
    text = "\n".join(lines)
    text = re.sub(r"^•[ \n]*$\n*(?=\S)", "• ", text, flags=re.M)  # "• " glued to its text
    text = re.sub(r"^•$", "", text, flags=re.M)
    return _BLANK_RUNS.sub("\n\n", text)


# --- Markdown and plain text -------------------------------------------------------------

_FRONT_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*(.+)\n(?:.*\n)*?---\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$", re.M)


def _read_markdown(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
    text = html.unescape(decode_text(path, data)).replace("\xa0", " ")
    match = _FRONT_TITLE.match(text) or _MD_HEADING.search(text)
    title = match.group(1).strip().strip("\"'") if match else ""
    return title, "markdown", [Page(1, text)]


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
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".txt": _read_text,
}
