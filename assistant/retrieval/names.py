"""Names in questions: the councils and committees the index holds, named in a question (by their
distinctive words or acronym), and the proper nouns and named things (funds, plans, schemes) a
question mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.retrieval.dates import MONTH_RE

GENERIC_WORDS = frozenset(
    "the of and for a an council county city borough district committee meeting local "
    "authority area partnership metropolitan municipal parish town full special monthly".split()
)
# A committee's name used as a title of a person: "Cabinet Member for …", "Panel members".
ROLE = re.compile(r"\b[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*\s+(?i:member|chair|chairman|leader)s?\b")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The bodies and committees the index holds, for matching names in questions."""

    councils: tuple[str, ...] = ()
    committees: tuple[str, ...] = ()

    @classmethod
    def from_metadata(cls, metadatas: Iterable[dict[str, Any]]) -> Vocabulary:
        councils: set[str] = set()
        committees: set[str] = set()
        for meta in metadatas:
            if meta.get("council"):
                councils.add(str(meta["council"]))
            if meta.get("committee"):
                committees.add(str(meta["committee"]))
        return cls(tuple(sorted(councils)), tuple(sorted(committees)))


def distinctive_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in GENERIC_WORDS]


def acronym(name: str) -> str:
    """'Kent County Council' → 'KCC' (only for names of three words or more)."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def names_in(text: str, names: Iterable[str]) -> set[str]:
    """The names whose distinctive words (or acronym) all occur in ``text``."""
    lowered = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "
    found: set[str] = set()
    for name in names:
        words = distinctive_words(name)
        if words and all(f" {w} " in lowered for w in words):
            found.add(name)
        elif not words and f" {' '.join(re.findall(r'[a-z0-9]+', name.lower()))} " in lowered:
            found.add(name)
        elif (abbr := acronym(name)) and re.search(rf"\b{abbr}\b", text):
            found.add(name)
    return _most_specific(found)


def _most_specific(found: set[str]) -> set[str]:
    """Drop a name whose words are all inside another match ('Cabinet' vs 'Shadow Cabinet',
    'Council' vs 'County Council')."""
    keep = set(found)
    for a in found:
        for b in found:
            words_a = set(distinctive_words(a)) or set(_words(a))
            words_b = set(distinctive_words(b)) or set(_words(b))
            if a != b and words_a and words_a < words_b:
                keep.discard(a)
    return keep


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.lower())


def committees_in(text: str, committees: Iterable[str], councils: Iterable[str]) -> set[str]:
    """The committees ``text`` names as meetings: not inside a body's name ('Kent County Council'
    is no 'County Council' meeting) nor as a role ('the Cabinet Member for Highways')."""
    for council in sorted(councils, key=len, reverse=True):
        text = re.sub(re.escape(council), " ", text, flags=re.I)
    text = ROLE.sub(" ", text)
    return names_in(text, committees)
# A named thing: two or more capitalised words, perhaps joined by one small word ('Winter
# Warmth Fund', 'Code of Conduct').
WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
NAMED_THING = re.compile(rf"\b{WORD}(?:\s+(?:(?:of|and|for|the|on|in)\s+)?{WORD})+")
# A person or a post is who speaks in a passage, rarely what it says ('the Cabinet Member for
# Highways said …'), and a month is a date, not a name.
NOT_A_THING = re.compile(
    rf"\b(?:members?|chair\w*|vice|cllrs?|councillors?|mr|mrs|ms|miss|dr|sir|dame|leaders?|"
    rf"directors?|heads?|officers?|mayor|executive|managers?|clerks?|inspectors?|ministers?|"
    rf"secretary|{MONTH_RE})\b",
    re.I,
)


def named_things(question: str) -> list[str]:
    """The names of things in ``question`` ('Winter Warmth Fund'); its first word is
    capitalised only because it comes first."""
    first_lowered = re.sub(r"^\W*\w+", lambda m: m.group(0).lower(), question)
    return [n for n in NAMED_THING.findall(first_lowered) if not NOT_A_THING.search(n)]


# A capitalised word not at the start of a sentence: a name the question gives.
PROPER_NOUN = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b")
