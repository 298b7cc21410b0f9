"""Write a ``Doc`` as PDF, DOCX, HTML, TXT or Markdown, deterministically."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .model import Block, Doc, parse_blocks, plain, split_bold, typographic
from .page_html import moderngov_page

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def write(doc: Doc, root: Path) -> Path:
    """Render ``doc`` under ``root`` and return the file written."""
    target = root / doc.path
    target.parent.mkdir(parents=True, exist_ok=True)
    writers = {"pdf": pdf_bytes, "docx": docx_bytes, "html": html_bytes, "txt": txt_bytes}
    data = md_bytes(doc) if doc.fmt == "md" else writers[doc.fmt](doc)
    target.write_bytes(data)
    return target


class _MinutesPDF(FPDF):
    """FPDF with a centred footer: an optional caption and the page number."""

    caption = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", size=8)
        text = f"{self.caption}    {self.page_no()}" if self.caption else str(self.page_no())
        self.cell(0, 8, text, align="R" if self.caption else "C")


def pdf_bytes(doc: Doc) -> bytes:
    """A multi-page PDF with a real text layer (DejaVu Sans, so £ and curly quotes work)."""
    pdf = _MinutesPDF(format="A4")
    pdf.caption = doc.footer
    pdf.set_creation_date(doc.created)
    pdf.set_title(doc.title)
    pdf.set_author(doc.extra.get("author", "Fernleigh County Council"))
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    rows: list[Block] = []
    for block in parse_blocks(typographic(doc.body)) + [Block("p")]:
        if block.kind == "row":
            rows.append(block)
            continue
        if rows:
            _pdf_table(pdf, rows)
            rows = []
        if block.text or block.kind == "page":
            _pdf_block(pdf, block)
    return bytes(pdf.output())


def _pdf_table(pdf: FPDF, rows: list[Block]) -> None:
    """A table; column widths follow the longest text in each column.

    An agenda (first cell an item number such as "1.") has no header row and no borders.
    """
    columns = len(rows[0].cells)
    longest = [max(len(r.cells[c]) for r in rows) + 4 for c in range(columns)]
    agenda = rows[0].cells[0].rstrip(".").isdigit()
    pdf.set_font("DejaVu", "", 9.5)
    with pdf.table(
        col_widths=tuple(longest), line_height=5, text_align="LEFT",
        first_row_as_headings=not agenda, borders_layout="NONE" if agenda else "ALL",
    ) as table:  # fmt: skip
        for block in rows:
            row = table.row()
            for cell in block.cells:
                row.cell(cell)
    pdf.ln(3)


def _pdf_block(pdf: FPDF, block: Block) -> None:
    kind = block.kind
    if kind == "page":
        pdf.add_page()
        return
    if kind == "h2" and pdf.get_y() > pdf.h - 60:
        pdf.add_page()  # keep an item heading with the text that follows it
    size, style, align, indent, gap = 10.5, "", "L", 0.0, 2.5
    text = plain(block.text)
    if kind == "title":
        size, style, align, gap = 13, "B", "C", 3.5
    elif kind in ("h2", "h3"):
        size, style, gap = (11.5 if kind == "h2" else 10.5), "B", 1.5
    elif kind == "bullet":
        indent, text = 6.0, "•  " + text
    elif kind == "indent":
        indent = 10.0
    pdf.set_font("DejaVu", style, size)
    pdf.set_x(pdf.l_margin + indent)
    markdown = kind == "p" and block.text.startswith("**")
    width = pdf.w - pdf.r_margin - pdf.l_margin - indent
    pdf.multi_cell(
        width, size * 0.5, block.text if markdown else text, align=align,
        markdown=markdown, new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )  # fmt: skip
    pdf.ln(gap)


def docx_bytes(doc: Doc) -> bytes:
    """A DOCX; ``extra['docx_style']`` 'headings' uses Word heading styles, else bold runs."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    props = document.core_properties
    props.title, props.author = doc.title, doc.extra.get("author", "Democratic Services")
    props.created = props.modified = props.last_printed = doc.created.replace(tzinfo=None)
    props.last_modified_by, props.revision = props.author, 1
    headings = doc.extra.get("docx_style") == "headings"
    rows: list[Block] = []
    for block in parse_blocks(typographic(doc.body)) + [Block("page")]:
        if block.kind == "row":
            rows.append(block)
            continue
        if rows:
            _docx_table(document, rows)
            rows = []
        if block.kind == "page":
            continue
        if block.kind == "title":
            para = document.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(block.text).bold = True
        elif block.kind in ("h2", "h3") and headings:
            document.add_heading(block.text, level=2 if block.kind == "h2" else 3)
        elif block.kind in ("h2", "h3"):
            document.add_paragraph().add_run(block.text).bold = True
        elif block.kind == "bullet":
            document.add_paragraph(plain(block.text), style="List Bullet")
        else:
            _docx_para(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _docx_para(document: object, block: Block) -> None:
    label, rest = split_bold(block.text)
    para = document.add_paragraph()  # type: ignore[attr-defined]
    if block.kind == "indent":
        para.paragraph_format.left_indent = 457200  # half an inch in EMU
    if label:
        para.add_run(label).bold = True
    para.add_run(rest)


def _docx_table(document: object, rows: list[Block]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0].cells))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            table.cell(r, c).text = cell


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times so the bytes do not depend on the clock."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def html_bytes(doc: Doc) -> bytes:
    """A ModernGov-style page: menus, breadcrumbs, cookie banner and script around the content."""
    parts: list[str] = []
    in_list = False
    for block in parse_blocks(typographic(doc.body)):
        if block.kind == "bullet" and not in_list:
            parts.append("<ul>")
        if block.kind != "bullet" and in_list:
            parts.append("</ul>")
        in_list = block.kind == "bullet"
        parts.append(_html_block(block))
    if in_list:
        parts.append("</ul>")
    content = "\n".join(p for p in parts if p)
    return moderngov_page(doc, content).encode("utf-8")


def _html_block(block: Block) -> str:
    label, rest = split_bold(block.text)
    text = html.escape(rest, quote=False)
    if label:
        text = f"<strong>{html.escape(label, quote=False)}</strong>{text}"
    tags = {"title": "h1", "h2": "h2", "h3": "h3", "bullet": "li", "row": "p"}
    if block.kind == "page":
        return ""
    if block.kind == "indent":
        return f'<p class="mgIndent">{text}</p>'
    tag = tags.get(block.kind, "p")
    return f"<{tag}>{text}</{tag}>"


def txt_bytes(doc: Doc) -> bytes:
    """Plain text: one line per paragraph, a blank line between paragraphs."""
    lines: list[str] = []
    for block in parse_blocks(doc.body):
        text = plain(block.text)
        if block.kind == "page":
            continue
        if block.kind == "bullet":
            text = "  • " + text
        elif block.kind == "indent":
            text = "    " + text
        lines.append(text)
    return ("\n\n".join(lines) + "\n").encode("utf-8")


_MD_STARTS = (">", "|", "#", "-", "*", "[", "a)", "b)", "c)", "d)", "e)")


def md_bytes(doc: Doc) -> bytes:
    """Markdown as written (front matter kept), with wrapped continuation lines joined."""
    lines = doc.body.strip().splitlines()
    out: list[str] = []
    if lines and lines[0].strip() == "---":
        end = lines.index("---", 1) + 1
        out, lines = [line.strip() for line in lines[:end]], lines[end:]
    for line in lines:
        stripped = line.strip()
        continues = out and out[-1] and stripped and not stripped.startswith(_MD_STARTS)
        if continues and not out[-1].startswith(("#", "|", "---")):
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
    return ("\n".join(out) + "\n").encode("utf-8")


def fixed_time(year: int, month: int, day: int) -> dt.datetime:
    """A UTC timestamp at 09:00, for document metadata."""
    return dt.datetime(year, month, day, 9, 0, tzinfo=dt.UTC)
