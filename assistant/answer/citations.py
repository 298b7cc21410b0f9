"""Citations: an extractive answer's quotes written out with their [n], and the checks an LLM's
answer passes before it is shown (every [n] a passage that was given, every quotation verbatim
in the passage it cites, sentences without a citation dropped)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer import prompts
from assistant.answer.units import one_line
from assistant.retrieval.passages import Unit
from assistant.text import ABBREVIATIONS, split_units, tokenize
from assistant.types import Citation, Passage

CITE = re.compile(r"(\s*)\[(?:passages?\s*)?(\d+(?:\s*(?:,|;|and|-|–)\s*\d+)*)\]", re.I)
SENTENCE_END = re.compile(
    r"[.!?][\"”’')\]]*(?:\s*\[(?:passages?\s*)?\d+(?:\s*(?:,|;|and|-|–)\s*\d+)*\])*(?=\s|$)", re.I
)
QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
SAME_CHARACTER = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
MAX_NOTE_QUOTE = 80


def compose(chosen: list[Unit], passages: list[Passage]) -> tuple[str, list[Citation]]:
    """'Cabinet, 30 January 2025, item 87: “…” [1]' lines, one per cited passage."""
    numbers: dict[int, int] = {}
    lines: list[str] = []
    citations: list[Citation] = []
    for rank in dict.fromkeys(u.passage_rank for u in chosen):
        numbers[rank] = len(numbers) + 1
        passage = passages[rank]
        quotes = [u for u in chosen if u.passage_rank == rank]
        body = " ".join(f"“{one_line(u.text)}” [{numbers[rank]}]" for u in quotes)
        lines.append(f"{passage.label()}: {body}")
        citations.extend(Citation(numbers[rank], passage, u.text) for u in quotes)
    return "\n\n".join(lines), citations


@dataclass(slots=True)
class Checked:
    """The model's answer after the checks; no citations means it must not be shown."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    abstained: bool = False


@dataclass(slots=True)
class _Sentence:
    text: str
    cited: list[int] = field(default_factory=list)  # valid passage numbers, 1-based
    sentinel: bool = False


def check_answer(raw: str, passages: list[Passage]) -> Checked:
    """Apply the citation and quotation rules to ``raw``; ``passages[n-1]`` is passage ``[n]``."""
    text = raw.strip()
    if not text:
        return Checked("")
    invalid: list[int] = []
    lines = [
        [_parse(s, len(passages), invalid) for s in split_sentences(line)]
        for line in text.splitlines()
    ]
    sentences = [s for line in lines for s in line]
    notes: list[str] = []
    if invalid:
        numbers = ", ".join(f"[{n}]" for n in dict.fromkeys(invalid))
        notes.append(prompts.NOTE_BAD_CITATIONS.format(numbers=numbers))
    if not any(s.cited and not s.sentinel for s in sentences):
        abstained = any(s.sentinel for s in sentences)
        return Checked(prompts.CANNOT_ANSWER if abstained else "", [], notes, abstained)
    uncited = [s for s in sentences if not s.cited and not s.sentinel]
    if uncited:
        count = len(uncited)
        notes.append(prompts.NOTE_UNCITED.format(count=count, s="" if count == 1 else "s"))
    order = dict.fromkeys(n for s in sentences for n in s.cited)
    renumber = {n: i for i, n in enumerate(order, start=1)}
    citations: list[Citation] = []
    kept_lines: list[str] = []
    for line in lines:
        kept = [s for s in line if s.cited or s.sentinel]
        rendered = [_render(s, passages, renumber, citations, notes) for s in kept]
        kept_lines.append(" ".join(rendered))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()
    return Checked(body, _dedupe(citations), notes)


def split_sentences(line: str) -> list[str]:
    """Sentences of one line of the answer, each keeping the ``[n]`` written after its end.

    A full stop inside a quotation or after an abbreviation does not end a sentence.
    """
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(line):
        if _inside_quote(line, match.end()) or _after_abbreviation(line, match.start()):
            continue
        sentences.append(line[start : match.end()].strip())
        start = match.end()
    sentences.append(line[start:].strip())
    return [s for s in sentences if s]


def _parse(sentence: str, count: int, invalid: list[int]) -> _Sentence:
    cited: list[int] = []
    for match in CITE.finditer(sentence):
        for n in _numbers(match.group(2)):
            (cited if 1 <= n <= count else invalid).append(n)
    bare = _normal(CITE.sub("", sentence)).lower()
    sentinel = _normal(prompts.CANNOT_ANSWER).lower().rstrip(".") in bare
    return _Sentence(sentence, list(dict.fromkeys(cited)), sentinel)


def _numbers(group: str) -> list[int]:
    found: list[int] = []
    for part in re.split(r"\s*(?:,|;|and)\s*", group):
        ends = [int(x) for x in re.split(r"\s*[-–]\s*", part) if x.isdigit()]
        if len(ends) == 2 and 0 < ends[1] - ends[0] < 10:
            found.extend(range(ends[0], ends[1] + 1))
        else:
            found.extend(ends)
    return found


def _render(
    sentence: _Sentence,
    passages: list[Passage],
    numbers: dict[int, int],
    citations: list[Citation],
    notes: list[str],
) -> str:
    """The sentence with renumbered citations and marked quotations; adds its citations."""

    def cite(match: re.Match[str]) -> str:
        kept = [n for n in dict.fromkeys(_numbers(match.group(2))) if n in sentence.cited]
        return match.group(1) + "".join(f"[{numbers[n]}]" for n in kept) if kept else ""

    text = CITE.sub(cite, sentence.text)
    cited = [passages[n - 1] for n in sentence.cited]
    verbatim: dict[int, list[str]] = {n: [] for n in sentence.cited}

    def check_quote(match: re.Match[str]) -> str:
        quote = match.group(1) or match.group(2)
        for n, passage in zip(sentence.cited, cited, strict=True):
            if (found := find_verbatim(quote, passage.text)) is not None:
                verbatim[n].append(found)
                return match.group(0)
        shown = quote if len(quote) <= MAX_NOTE_QUOTE else quote[: MAX_NOTE_QUOTE - 1] + "…"
        notes.append(prompts.NOTE_NOT_VERBATIM.format(quote=shown))
        return match.group(0) + prompts.NOT_VERBATIM_MARK

    text = QUOTE.sub(check_quote, text)
    for n, passage in zip(sentence.cited, cited, strict=True):
        quotes = verbatim[n] or [best_matching_unit(CITE.sub("", sentence.text), passage.text)]
        citations.extend(Citation(numbers[n], passage, q) for q in quotes)
    return text


def find_verbatim(quote: str, passage: str) -> str | None:
    """The span of ``passage`` that ``quote`` reproduces word for word, or ``None``.

    Differences of whitespace, quote and dash style, final punctuation and an ellipsis standing
    for left-out words are not changes of wording.
    """
    pieces = [_normal(p).strip(" .,;:") for p in ELLIPSIS.split(quote.strip())]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    haystack, positions = _normal_with_positions(passage)
    at = 0
    first = last = -1
    for piece in pieces:
        found = haystack.find(piece, at)
        if found < 0:
            return None
        first = found if first < 0 else first
        last = found + len(piece)
        at = last
    return passage[positions[first] : positions[last - 1] + 1]


def best_matching_unit(sentence: str, passage: str) -> str:
    """The passage sentence sharing most words with ``sentence`` (an exact substring)."""
    spans = split_units(passage) or [(0, len(passage))]
    terms = set(tokenize(sentence))

    def overlap(span: tuple[int, int]) -> int:
        return len(terms & set(tokenize(passage[span[0] : span[1]])))

    start, end = max(spans, key=overlap)  # max keeps the first of equals: reading order
    return passage[start:end].strip() or passage


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(SAME_CHARACTER)).strip()


def _normal_with_positions(text: str) -> tuple[str, list[int]]:
    """``_normal(text)`` and, for each of its characters, where it came from in ``text``."""
    chars: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch.translate(SAME_CHARACTER))
        positions.append(i)
    return "".join(chars), positions


def _inside_quote(line: str, at: int) -> bool:
    before = line[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _after_abbreviation(line: str, at: int) -> bool:
    if line[at] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", line[max(0, at - 12) : at])
    token = word.group(1).lower().rstrip(".") if word else ""
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _dedupe(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[int, str]] = set()
    unique: list[Citation] = []
    for c in sorted(citations, key=lambda c: c.n):
        if (c.n, c.quote) not in seen:
            seen.add((c.n, c.quote))
            unique.append(c)
    return unique
