"""A document of the demo corpus and the light markup its body is written in.

Body markup (one block per paragraph, blocks separated by a blank line; the lines of a
block are joined with single spaces, so source lines can stay short):

- ``# text``   title (centred, bold)      - ``## text``  heading       - ``### text`` subheading
- ``* text``   bullet                     - ``> text``   indented paragraph
- ``| a | b |`` table row (consecutive rows form one table)
- ``---page---`` page break (PDF only; other formats ignore it)
- ``**label**`` at the start of a paragraph is rendered bold where the format allows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["pdf", "docx", "html", "txt", "md"]
BlockKind = Literal["title", "h2", "h3", "p", "bullet", "indent", "row", "page"]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-level unit of a body."""

    kind: BlockKind
    text: str = ""
    cells: tuple[str, ...] = ()


@dataclass(slots=True)
class Doc:
    """One file of the corpus: where it goes, its format and its text."""

    path: str  # corpus-relative, forward slashes
    fmt: Format
    title: str
    body: str
    created: dt.datetime = dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.UTC)
    footer: str = ""  # PDF footer before the page number; "" gives the number alone
    extra: dict[str, str] = field(default_factory=dict)


_PREFIXES: tuple[tuple[str, BlockKind], ...] = (
    ("### ", "h3"),
    ("## ", "h2"),
    ("# ", "title"),
    ("* ", "bullet"),
    ("> ", "indent"),
)


def parse_blocks(body: str) -> list[Block]:
    """Split a marked-up body into blocks (see the module docstring)."""
    blocks: list[Block] = []
    for raw in body.strip().split("\n\n"):
        lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0] == "---page---":
            blocks.append(Block("page"))
            continue
        if lines[0].startswith("|"):
            blocks.extend(_rows(lines))
            continue
        blocks.append(_block(" ".join(lines)))
    return blocks


def _rows(lines: list[str]) -> list[Block]:
    rows = []
    for line in lines:
        cells = tuple(c.strip() for c in line.strip().strip("|").split("|"))
        rows.append(Block("row", " | ".join(cells), cells))
    return rows


def _block(text: str) -> Block:
    for prefix, kind in _PREFIXES:
        if text.startswith(prefix):
            return Block(kind, text[len(prefix) :])
    return Block("p", text)


def split_bold(text: str) -> tuple[str, str]:
    """Split a leading ``**label**`` from the rest of a paragraph: (label, rest)."""
    if text.startswith("**"):
        end = text.find("**", 2)
        if end > 2:
            return text[2:end], text[end + 2 :]
    return "", text


def plain(text: str) -> str:
    """The paragraph without bold markers."""
    return text.replace("**", "")


def typographic(text: str) -> str:
    """Curly quotes and en dashes, as word processors and ModernGov print them."""
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
    text = re.sub(r"(^|[\s(])'", "\\1\u2018", text).replace("'", "\u2019")
    text = re.sub(r'(^|[\s(])"', "\\1\u201c", text).replace('"', "\u201d")
    return text.replace(" - ", " \u2013 ")
