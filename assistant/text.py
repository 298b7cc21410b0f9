"""Text every stage reads the same way: the tokenizer (BM25, word overlaps, topic matching)
and the splitter of passage text into quotable units (sentences, bullet points, resolution
clauses), each a (start, end) span of the passage, so a quote is always an exact substring.
"""

from __future__ import annotations

import re
import unicodedata

TOKEN = re.compile(r"£?\d+(?:[.,:]\d+)*%?m?|[a-z]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been before being but by can could did do
    does during each for from had has have how i if in into is it its itself me more most my no not
    of on or our out over said say says so some such than that the their them then there these they
    this those through to under until up was we were what when where which while who whom why will
    with would you your""".split()
)


def stem(word: str) -> str:
    """A light English stemmer: 'inspections'/'inspection', 'resolved'/'resolve' → one form."""
    for suffix in ("ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return word + "y"
            break
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


def fold_accents(text: str) -> str:
    """``text`` with accents dropped ('Fáilte' → 'Failte'): Irish and French names are spelled
    both ways in the same council's papers, and the tokenizer reads only a-z."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words and whole numbers ('£1,372m', '68', '2024')."""
    tokens: list[str] = []
    for raw in TOKEN.findall(fold_accents(text.lower()).replace("’", "'")):
        if raw in STOPWORDS:
            continue
        if raw[0].isalpha():
            tokens.append(stem(raw.removesuffix("'s")))
        else:
            tokens.append(raw.lstrip("£").rstrip("%m").replace(",", ""))
    return tokens


ABBREVIATIONS = frozenset(
    "mr mrs ms dr cllr cllrs no nos st vs etc approx e.g i.e cf para paras inc ltd co dept "
    "gov govt rev prof sr jr fig figs vol pp p est min max".split()
)
# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by space and a
# capital, digit, bullet or opening quote/bracket.
BULLETS = "•●▪◦◼■□▫◾▸►‣⁃➢✓*"
END = re.compile(rf"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9“\"'({BULLETS}\-–])")
LIST_ITEM = rf"[{BULLETS}]\s|[-–]\s|\(?[a-z]\)\s|\(?[ivx]+\)\s|\d+(?:\.\d+)*[.)]\s"
# A blank line ends a block, unless the next line goes on with the sentence (text converted
# from PDF often has a blank line after every printed line).
BREAK = re.compile(rf"\n\s*\n(?!\s*[a-z&,;:])|\n\s*(?={LIST_ITEM})")
BULLET_PREFIX = re.compile(rf"^[\s{BULLETS}\-–]+")
# Text that ends a sentence (or a clause a list or a field closes).
ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
MIN_WORDS = 4
# A line at least this long that stops mid-sentence was wrapped by the page width.
WRAPPED_LINE = 60
# What text converted from PDF prints at a page break: a rule, the page number, a scan notice.
PAGE_MARK = re.compile(r"^\s*(?:---|\**\d{1,4}\**|\*<small>.*</small>\*)\s*$")


def split_units(text: str, min_words: int = MIN_WORDS) -> list[tuple[int, int]]:
    """Spans of the sentences and list items of ``text`` of at least ``min_words`` words, in
    order."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for match in END.finditer(text, block_start, block_end):
            if _is_abbreviation(text, match.start()):
                continue
            spans.append((start, match.start() + 1 + _closers(text, match.start() + 1)))
            start = match.end()
        spans.append((start, block_end))
    return [s for s in (_trim(text, a, b, min_words) for a, b in spans) if s is not None]


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in BREAK.finditer(text):
        if _wrapped(text, start, match):
            continue
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    return blocks


def _wrapped(text: str, block_start: int, match: re.Match[str]) -> bool:
    """A blank line after a long line that ends mid-sentence is a printed line's wrap, not a
    paragraph's end (text converted from PDF often has one after every line)."""
    line = text[max(block_start, text.rfind("\n", 0, match.start()) + 1) : match.start()]
    following = text[match.end() : match.end() + 12]
    next_line = text[match.end() : _line_end(text, match.end())]
    if PAGE_MARK.match(line) or PAGE_MARK.match(next_line):
        return _open_before_page_mark(text, block_start, match.start())
    is_list_item = re.match(LIST_ITEM, following) is not None
    ends_open = not ENDS_SENTENCE.search(line)
    is_heading = line.lstrip().startswith(("#", "|"))
    long_enough = len(line) >= WRAPPED_LINE
    return "\n" in match.group() and ends_open and long_enough and not (is_list_item or is_heading)


def _open_before_page_mark(text: str, block_start: int, at: int) -> bool:
    """Whether the last line of text before a page break (and its marks) stops mid-sentence:
    the sentence goes on over the page."""
    for line in reversed(text[block_start:at].split("\n")):
        if line.strip() and not PAGE_MARK.match(line):
            return not ENDS_SENTENCE.search(line) and not line.lstrip().startswith(("#", "|"))
    return False


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _closers(text: str, at: int) -> int:
    n = 0
    while at + n < len(text) and text[at + n] in "\"'”’)]":
        n += 1
    return n


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trim(text: str, start: int, end: int, min_words: int) -> tuple[int, int] | None:
    """Drop surrounding space and bullet marks; discard fragments too short to quote."""
    segment = text[start:end]
    lead = len(segment) - len(BULLET_PREFIX.sub("", segment, count=1))
    start += lead
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(text[start:end].split()) < min_words:
        return None
    return start, end


def words(text: str) -> int:
    return len(text.split())
