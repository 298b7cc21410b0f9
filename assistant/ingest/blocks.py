"""Page text → blocks: lines grouped into items, headings, resolutions, movers, summaries,
actions, list clauses, vote outcomes, labelled paragraphs, running headers and plain paragraphs.

The patterns follow the conventions of the genre (ModernGov, eScribe and Irish minutes, Ofsted
letters and reports, committee reports), never a single file. Offsets point into the page text
so that sections cut from blocks stay verbatim.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.ingest.loaders import frontmatter_lines
from assistant.types import DocMeta, LoadedDocument

# --- line patterns (the genre's conventions, not any one file's) ---------------------------

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*\S)")
_BOLD_LINE = re.compile(r"^\*\*([^*]{3,80})\*\*:?$")
_ITEM_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,2}){0,2})(?:\.|\))?\s*(\S.*)$")
_NUMBERED_LINE = re.compile(r"^\d{1,3}\.\s+\S")
_MODERNGOV_ITEM = re.compile(r"^\(Item\s*(\d{1,3}[a-z]?)\)$", re.I)
_AGENDA_ITEM_LABEL = re.compile(r"^agenda item\s*(\d{1,3}[a-z]?)?\s*:?$", re.I)
_LABEL_ITEM = re.compile(r"^([A-Z][\w&,’'/()\- ]{2,50}?)\s*:(?:\s+\S|\s*$)")
_RESOLUTION = re.compile(
    r"^(?:\(?\d{1,2}[.)]\s*|\(?[a-z][.)]\s*)?(?:\*\*)?(?:"
    r"(?:and\s+)?resolved\b(?!\s+by)|it was (?:\w+ )?(?:resolved|agreed|decided)\b|"
    r"agreed\s*(?:that|:)|decisions?\s*:|(?:final )?recommendations?(?:\(s\))?\s*:)",
    re.I,
)
_UPPER_VERDICT = re.compile(r"^(?:\(?\d{1,2}[.)]\s*)?(?:(?:The )?(?:Committee|Council|Cabinet|"
                            r"Panel|Board|Members) )?(?:RESOLVED|AGREED)\b|^DECISIONS?\s*:?\s*$")
_VERDICT_LABEL = re.compile(r"^(?:resolved|decisions?|recommendations?(?:\(s\))?)\s*:", re.I)
VERDICT_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:recommendations?(?:\(s\))?|decisions?|"
                              r"resolutions?|resolved)\s*:?$", re.I)
_THAT_MOTION = re.compile(r"^[“\"]?That\b.*\b(?:BE|ARE|IS)\s+[A-Z]{4,}")
_MOVER = re.compile(r"^>?\s*(?:\*\*)?(?:moved|seconded|proposed)\s+by\b", re.I)
_SUMMARY_LABEL = re.compile(r"^(?:executive )?summary\s*:\s*\S|^the chair(?:man)? summari[sz]ed",
                            re.I)
SUMMARY_HEADING = re.compile(
    r"^(?:inspection outcome|overview|summary|executive summary|headline findings|key findings|"
    r"main findings|overall effectiveness\b.*|judgements?(?: grade)?|conclusions?|"
    r"the chair[’']?s summary)\s*:?$",
    re.I,
)
_ACTION = re.compile(r"\bACTIONS?\b(?!\s+[A-Z]{3,})|^actions?(?: point)?s?\s*:", re.M)
_BULLET = re.compile(r"^(?:[•◼▪●·‣◦○■□➢✓*-]|\d{1,2}[.)](?!\d)|\(?[a-zA-Z]{1,2}\)|"
                     r"\(?[ivxIVX]{1,4}[.)]|[a-z]\.\s)\s*")
LETTER_CLAUSE = re.compile(r"^(?:\(?[a-zA-Z]{1,2}\)|\(?[ivxIVX]{1,4}[.)]|[a-z]\.\s|[•◼▪●·‣◦○■□➢*-]"
                            r"|[“\"]|[A-Z]{4,}\s+(?:the|a|an|to|that|and|any|all)\b)")
_JUDGEMENT = re.compile(r"^[^.]{10,}:\s*(?:outstanding|good|requires improvement(?: to be good)?|"
                       r"inadequate)$", re.I)
_GLYPH = re.compile(r"^[•◼▪●‣◦■➢✓]")
_WH_WORDS = {"what", "how", "why", "where", "when", "which", "who", "is", "are", "does", "do"}
_CONNECTIVES = {"of", "the", "and", "to", "in", "for", "with", "a", "an", "by", "on", "at", "from",
                "that", "which", "or", "as", "be", "is", "are", "was", "were", "this", "their"}
_SENTENCE_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|been|will|would|be|did|could|"
                            r"should|received|noted|agreed|reported)\b", re.I)
_OUTCOME = re.compile(r"^>?\s*(?:\[!abstract\]-?\s*vote|\|)|^>?\s*(?:\*\*)?\s*(?:motion\s+)?"
                      r"(?:passed|carried|lost|defeated|failed)\b|^>?\s*\*\*motion", re.I)
_PAGE_NUMBER = re.compile(r"^(?:\*\*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\*\*)?$",
                          re.I)
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|\*<small>.*</small>\*)$")
EXPECTS_LIST = re.compile(r"(?::|\bthat|\bto|\bfollowing|[-–])\s*(?:\*\*)?$", re.I)


@dataclass
class Block:
    """Consecutive lines of one page that belong together; offsets into the page text."""

    page: int
    start: int
    end: int
    role: str  # furniture|item|heading|resolution|mover|summary|action|clause|outcome|labelled|body
    lines: list[str] = field(default_factory=list)
    number: str = ""
    title: str = ""


def split_blocks(doc: LoadedDocument, meta: DocMeta) -> list[Block]:
    """Every page's blocks, in reading order (see the module docstring)."""
    furniture = _furniture(doc)
    items_as_headings = meta.doc_kind in ("report", "inspection")
    numbering = _Numbering(strict=any(_MODERNGOV_ITEM.match(line.strip()) for p in doc.pages
                                      for line in p.text.split("\n")))
    blocks: list[Block] = []
    for page in doc.pages:
        blocks += _page_blocks(page.number, page.text, furniture, numbering, items_as_headings)
    if not any(b.role == "item" for b in blocks) and meta.doc_kind in ("minutes", "other"):
        _label_items(blocks)
    return blocks


def _furniture(doc: LoadedDocument) -> set[str]:
    """Running headers and footers: lines that open or close many pages.

    A repeated line counts only if some page also has a body between its first and last three
    lines: on a register with an entry or two a page, those lines are the content.
    """
    counts: Counter[str] = Counter()
    on_full_pages: set[str] = set()
    for page in doc.pages:
        lines = [ln.strip() for ln in page.text.split("\n") if ln.strip()]
        edges = {_shape(ln) for ln in lines[:3] + lines[-3:]}
        counts.update(edges)
        if len(lines) > 6:
            on_full_pages |= edges
    threshold = max(2.0, 0.4 * len(doc.pages))
    return {
        shape
        for shape, n in counts.items()
        if n >= threshold and len(doc.pages) > 1 and shape in on_full_pages
    }


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


@dataclass
class _Numbering:
    """Numbered item lines are items only when the numbers move forward through the document."""

    strict: bool  # ModernGov minutes mark items with "(Item N)": trust nothing else
    last: tuple[int, ...] = ()

    def accept(self, number: str) -> bool:
        parts = tuple(int(p) for p in number.split("."))
        ok = parts[0] <= 30 if not self.last else self.last < parts <= (self.last[0] + 3, 99, 99)
        if ok:
            self.last = parts
        return ok


def _page_blocks(page_no: int, text: str, furniture: set[str], numbering: _Numbering,
                 items_as_headings: bool) -> list[Block]:
    spans = _line_spans(text)
    stripped = [text[s:e] for s, e in spans]
    front = frontmatter_lines(stripped)
    blocks: list[Block] = []
    current: Block | None = None
    i = 0
    while i < len(spans):
        line = stripped[i]
        if not line:
            current, i = None, i + 1
            continue
        prev = stripped[i - 1] if i else ""
        if i < front:
            role, taken, number, title = "furniture", 1, "", ""
        else:
            role, taken, number, title = _classify(
                stripped, i, prev, furniture, numbering, items_as_headings,
                at_block_start=current is None)
        if role == "body" and current is not None and current.role not in ("item", "heading",
                                                                            "furniture"):
            current.end = spans[i][1]
            current.lines.append(line)
            i += 1
            continue
        end = spans[i + taken - 1][1]
        current = Block(page_no, spans[i][0], end, role, stripped[i:i + taken], number, title)
        blocks.append(current)
        if role in ("item", "heading", "furniture"):
            current = None
        i += taken
    return blocks


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line with its surrounding whitespace trimmed (empty for blanks)."""
    spans, pos = [], 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        start = pos + lead
        spans.append((start, start + len(body)))
        pos += len(raw) + 1
    return spans


def _classify(lines: list[str], i: int, prev: str, furniture: set[str], numbering: _Numbering,
              items_as_headings: bool, *, at_block_start: bool
              ) -> tuple[str, int, str, str]:
    """Role of line ``i``, how many lines the block's first part takes, item number and title."""
    line = lines[i]
    if _shape(line) in furniture or _PAGE_NUMBER.match(line) or _RULE.match(line):
        return "furniture", 1, "", ""
    judged = _judgement_heading(lines, i)
    if judged:
        return judged
    item = _item_at(lines, i, numbering, items_as_headings, at_block_start)
    if item:
        return item
    md = _MD_HEADING.match(line) or _BOLD_LINE.match(line)
    if md or SUMMARY_HEADING.match(line) and len(line) < 90 or \
            _looks_like_heading(lines, i, prev, at_block_start):
        title = md[1].strip(" *#") if md else line
        return "heading", 1, "", title
    # inside a paragraph only unmistakable markers open a new block (lines wrap anywhere)
    new_sentence = at_block_start or prev.endswith((".", ":", ";", "?", "!", ">"))
    if _UPPER_VERDICT.match(line) or _VERDICT_LABEL.match(line) or \
            new_sentence and (_RESOLUTION.match(line) or _THAT_MOTION.match(line)):
        return "resolution", 1, "", ""
    if _SUMMARY_LABEL.match(line):  # "Summary: ..." labels a report's field, wherever it is
        return "summary", 1, "", ""
    for role, pattern in (("mover", _MOVER), ("outcome", _OUTCOME)):
        if new_sentence and pattern.search(line):
            return role, 1, "", ""
    if _ACTION.search(line) and any(c.islower() for c in line):
        return "action", 1, "", ""
    if _GLYPH.match(line) or new_sentence and (_BULLET.match(line) or LETTER_CLAUSE.match(line)):
        return "clause", 1, "", ""
    if new_sentence and not at_block_start and _LABEL_ITEM.match(line):
        # "Chair's summary: ..." straight after a clause's full stop: a paragraph of its own,
        # which PDF text runs on from the clause without a blank line.
        return "labelled", 1, "", ""
    return "body", 1, "", ""


def _judgement_heading(lines: list[str], i: int) -> tuple[str, int, str, str] | None:
    """Ofsted's "The experiences and progress of children in care: good", often over two lines."""
    for taken in (1, 2):
        text = " ".join(lines[i:i + taken])
        if len(lines[i:i + taken]) == taken and all(lines[i:i + taken]) and len(text) < 160 \
                and text[:1].isupper() and _JUDGEMENT.search(text):
            return "heading", taken, "", text
    return None


def _item_at(lines: list[str], i: int, numbering: _Numbering, items_as_headings: bool,
             at_block_start: bool) -> tuple[str, int, str, str] | None:
    line = lines[i]
    nxt = lines[i + 1:i + 5]
    prev = lines[i - 1] if i else ""
    at_block_start = at_block_start or prev.endswith((".", ":"))
    label = _AGENDA_ITEM_LABEL.match(line)
    if label:  # "Agenda item" then the title as its own paragraph
        title_at = next((j for j, ln in enumerate(nxt) if ln), None)
        if title_at is not None and len(nxt[title_at]) < 150:
            return "item", title_at + 2, label[1] or "", nxt[title_at]
    for k in range(0, 4):  # ModernGov: "87. Title" (wrapping) then "(Item 4)"
        if any(_NUMBERED_LINE.match(ln) for ln in nxt[:k]):
            break  # the item starts at that later "87. Title" line, not here
        if k < len(nxt) and _MODERNGOV_ITEM.match(nxt[k]) and all(nxt[:k]):
            numbered = _ITEM_NUMBER.match(line)
            title = " ".join([line] + nxt[:k])
            if numbered and "." not in numbered[1]:
                return "item", k + 2, numbered[1], " ".join([numbered[2]] + nxt[:k]).strip()
            if at_block_start and len(title) < 250:
                number = _MODERNGOV_ITEM.match(nxt[k])[1]  # type: ignore[index]
                return "item", k + 2, number, title
    md = _MD_HEADING.match(line)
    candidate = md[1].strip(" *") if md else line.strip("*").strip()
    numbered = _ITEM_NUMBER.match(candidate)
    if not numbered or numbering.strict or not (md or at_block_start):
        return None
    title = numbered[2].strip(" *")
    following = next((ln for ln in nxt if ln), "")
    if not md and (not _short_title(title) or following[:1].islower()):
        return None
    if items_as_headings:
        heading_like = md or _looks_like_heading(lines, i, prev, at_block_start, text=title)
        return ("heading", 1, "", candidate) if heading_like else None
    if md or numbering.accept(numbered[1]):
        return "item", 1, numbered[1], title.rstrip(":").strip()
    return None


def _short_title(title: str) -> bool:
    words = title.split()
    if not title[:1].isupper() or len(title) > 100 or title.endswith((".", ",", ";")):
        return False
    return len(words) <= (8 if title.endswith(":") else 14)


def _looks_like_heading(lines: list[str], i: int, prev: str, at_block_start: bool,
                        text: str = "") -> bool:
    """A short line standing alone before a paragraph: how PDF text shows a heading."""
    line = text or lines[i]
    if not (3 <= len(line) <= 100) or not line[:1].isupper() or line.endswith((".", ",", ";", ":")):
        return False
    words = line.split()
    question = line.endswith("?") or words[0].lower() in _WH_WORDS
    if re.search(r":\s+\S|[a-z]\. [A-Z]|\),", line) or line.endswith("-") or \
            words[0].lower() in _CONNECTIVES - {"the", "a", "an", "this", "their"}:
        return False  # a field ("Inspection dates: ..."), two sentences, or a wrapped fragment
    if len(words) > (18 if question else 14) or _BULLET.match(line) or \
            not re.search(r"[a-z]{2}", line.lower()):
        return False
    if words[-1].lower() in _CONNECTIVES or _SENTENCE_VERB.search(line) and not question:
        return False  # a wrapped sentence, or a one-line one ("No apologies were received")
    if not (at_block_start or prev.endswith((".", "?", "!", ":"))):
        return False
    following = [ln for ln in lines[i + 1:i + 3] if ln]
    if not following or not (following[0][:1].isupper() or following[0][:1].isdigit()
                             or _BULLET.match(following[0])):
        return False
    width, nxt = _text_width(lines), following[0]
    if width >= 60 and len(line) > 0.8 * width and not question:
        return False  # as wide as the text: a wrapped line
    if i + 1 < len(lines) and not lines[i + 1]:
        return True  # a paragraph of its own
    # no blank line after it: short, and followed by a full-width line (not a table or address)
    followed = len(nxt) >= 0.5 * width or nxt.endswith((".", "?", "!")) or bool(_BULLET.match(nxt))
    return followed and (question or len(line) <= 0.6 * width)


def _text_width(lines: list[str]) -> int:
    """Typical full line length of a page (a long URL or table row must not set it)."""
    lengths = sorted(len(ln) for ln in lines if ln)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _label_items(blocks: list[Block]) -> None:
    """Parish-style minutes with no numbers: "Flooding:  Councillors discussed ..." items."""
    labelled = [b for b in blocks if b.role in ("body", "heading", "clause", "labelled")
                and _LABEL_ITEM.match(b.lines[0])]
    if len(labelled) < 3:
        return
    for block in labelled:
        block.title = _LABEL_ITEM.match(block.lines[0])[1].strip()  # type: ignore[index]
        block.role = "label_item"
