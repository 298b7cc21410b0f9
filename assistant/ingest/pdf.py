"""Reading PDFs: text page by page with pypdf, and a specific reason for every file that cannot be
read (encrypted, corrupt, a decompression bomb, scanned images without text)."""

from __future__ import annotations

import io
from pathlib import Path

from assistant.errors import LoadError
from assistant.types import Page


def read_pdf(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
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
MAX_PAGES = 3000  # pages of one PDF that are read; the rest of a pathological file is ignored
_NEEDS_CRYPTO = "encrypted PDF (AES; opening it needs the 'cryptography' package)"


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
