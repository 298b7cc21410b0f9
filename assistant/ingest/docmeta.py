"""What a document is: kind, council or area, committee, date and title.

Read from the text first (the phrases clerks and inspectors use on the first page), from the
file name and folders second. Also holds the date parser the rest of the package can reuse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import PurePosixPath

from assistant.ingest.dates import DAY, ISO, MONTH, MONTHS, WEEKDAY, dates_in, parse_date
from assistant.types import DocKind, DocMeta, LoadedDocument

# --- metadata ----------------------------------------------------------------------------

_HEAD_CHARS = 4000
_INSPECTION_DATE = re.compile(
    r"(?:inspection dates?|dates? of (?:the )?(?:area send |local area )?inspection|"
    r"(?:focused|monitoring) visit to .{0,160}? on|visit took place (?:on|from|between)|"
    r"inspection took place (?:on|from|between))\s*:?\s*",
    re.I,
)
_MEETING_DATE = re.compile(
    r"\b(?:held|meeting|met|took place)\b.{0,200}?\b(?:on|date:?)\s+" + WEEKDAY, re.I
)
_REPORT_TO = re.compile(r"(?:^|\n)\s*To:\s*(.+)")
_FRONTMATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_MINUTES_OF = re.compile(
    r"minutes of (?:the )?(?:proceedings )?(?:at |of )?(?:an? |the )?"
    r"(?:(?:special|monthly|joint|annual|extraordinary|virtual|ordinary|full|remote) )*"
    r"meeting of (?:the )?(.{3,120}?)\s+(?:held|which was held|was held|on\b|at\b|-|–)",
    re.I,
)
_A_MEETING_OF = re.compile(r"\ba meeting of (?:the )?(.{3,120}?) (?:was|will be) held", re.I)
_MINUTES_OF_X_MEETING = re.compile(r"^minutes of (?:the )?(.{3,80}?) meeting\b", re.I | re.M)
_HEADER_BODY = re.compile(rf"^([A-Z][A-Z &',]{{3,80}}?)\s*[–-]\s*{DAY}\s+(?i:{MONTH})", re.M)
_AGENDA_BODY = re.compile(r"^AGENDA\s*\n+\s*([A-Z][A-Z &',-]{3,60})\s*$", re.M)
_BODY_WORDS = re.compile(
    r"committee|council|cabinet|panel|board|district|spc|forum|commission|assembly|"
    r"partnership|executive|scrutiny", re.I,
)
_COLLECTION_WORDS = re.compile(
    r"assistant|scrape|tool|corpus|content|archive|documents|originals|public.?packs|"
    r"(?:council|committee)[-_ ](?:meetings|minutes|papers|docs)|^open.council$", re.I)
_COUNCIL_TYPE = r"city and county|metropolitan borough|county|city|borough|district|parish|town"
_COUNCIL = re.compile(
    rf"\b((?:(?!(?i:{_COUNCIL_TYPE}|council)\b)[A-Z][A-Za-z'’\-]+[ \t]+){{1,4}})"
    rf"((?i:{_COUNCIL_TYPE}))[ \t]+(?i:council)\b"
)
_CITY_OF = re.compile(r"\b((?:City|Town|County|Municipality|Borough) of [A-Z][a-z]+)\b")
_NOT_NAME = {"of", "at", "the", "and", "meeting", "minutes", "proceedings", "special", "to", "by",
             "for", "in", "on", "a", "an", "all", "members", "with", "from", "our", "as", "next",
             "last", "full", "each", "every", "this", "that", "budget", *MONTHS,
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_SMALL_WORDS = {"of", "and", "the", "upon", "on", "in", "for", "at", "to", "&"}
_AREA_PATTERNS = (
    re.compile(r"Area SEND (?:\w+ )?inspection of (?:the )?(.+?)\s+Local\s+Area\s+Partnership",
               re.I),
    re.compile(r"Inspection of (?:the )?(.+?)\s+local authority children", re.I),
    re.compile(r"(?:Focused|Monitoring) visit to (?:the )?(.+?)\s+(?:local authority\s+)?"
               r"(?:children|young people)[’']s\s+services", re.I),
    re.compile(r"Local authority:\s*(.+?)(?:\s{2,}|\n|$)", re.I),
)
_AREA_NOISE = re.compile(
    r"^(?:London Borough of|Royal Borough of|City of|Borough of)\s+|"
    r"\s+(?:City|County|Borough|Metropolitan Borough|District)?\s*Council$|\s+local authority$",
    re.I,
)


def extract_meta(doc: LoadedDocument) -> DocMeta:
    """Kind, council/area, committee, date and title of a loaded document."""
    head = "\n".join(p.text for p in doc.pages[:3])[:_HEAD_CHARS]
    flat = _flatten(head)
    path = PurePosixPath(doc.source)
    front = _frontmatter(head)
    kind = _doc_kind(flat, head, path)
    meta = DocMeta(source=doc.source, doc_kind=kind)
    if kind == "inspection":
        meta.council = _inspection_area(flat, path)
        meta.date = _date_after(_INSPECTION_DATE, flat) or _path_date(path) or parse_date(flat)
    else:
        meta.council = _council(" ".join(p.text.replace("**", "") for p in doc.pages))
        meta.committee = _committee(front, head, flat, path)
        meta.date = _meeting_date(front, head, flat, path, kind)
    meta.title = _title(front, doc, flat, kind)
    return meta


def _meeting_date(front: dict[str, str], head: str, flat: str, path: PurePosixPath,
                  kind: DocKind) -> dt.date | None:
    """The date of the meeting: the front matter, "held ... on <date>" or "<BODY> – <date>" at
    the top, a report's "To:"/"Date:" line; then the file name and folders; then the first date
    of the title block (a date deeper in the text is more often an event than the meeting)."""
    header = _HEADER_BODY.search(head[:1500])
    if kind == "agenda":  # an agenda's "minutes of the meeting held on ..." is another meeting
        return _iso(front.get("date", "")) or parse_date(flat[:400]) or _path_date(path)
    finders = [
        lambda: _iso(front.get("date", "")),
        lambda: _date_after(_MEETING_DATE, flat[:700]),
        lambda: parse_date(header[0]) if header else None,
        lambda: _report_date(head),
        lambda: _path_date(path),
        lambda: parse_date(flat[:400]),
    ]
    return next((found for finder in finders if (found := finder())), None)


def _flatten(text: str) -> str:
    """One line of text: markdown bold and page breaks gone, "Stoke-on- Trent" rejoined."""
    text = text.replace("**", " ").replace("\xa0", " ")
    text = re.sub(r"(\w-)\s*\n\s*(?=\w)", r"\1", text)
    return re.sub(r"\s+", " ", text)


def _frontmatter(head: str) -> dict[str, str]:
    match = _FRONTMATTER.match(head)
    if not match:
        return {}
    pairs = (line.split(":", 1) for line in match[1].splitlines() if ":" in line)
    return {k.strip().lower(): v.strip().strip("\"'") for k, v in pairs}


def _doc_kind(flat: str, head: str, path: PurePosixPath) -> DocKind:
    name = path.name.lower()
    start = flat[:3000].lower()
    labels = re.findall(r"^\s*(?:To|From|Subject|Summary|Recommendations?(?:\(s\))?)\s*:", head,
                        re.M | re.I)
    if len(labels) >= 2:  # a committee report's header, even one about an inspection
        return "report"
    if "minutes" in name:
        return "minutes"
    if any(pattern.search(flat[:800]) for pattern in _AREA_PATTERNS[:3]):
        return "inspection"
    if re.search(r"\bagenda\b", name) or \
            re.match(r"\s*agenda\s*$", head.split("\n\n", 1)[0], re.I) and "Minutes:" not in head:
        return "agenda"
    if "minutes" in start[:700] or "called to order" in start \
            or re.search(r"moved by .{0,80}seconded by", start):
        return "minutes"
    if re.search(r"ofsted|care quality commission", start[:1000]) and \
            re.search(r"inspection|focused visit|monitoring visit", start[:1000]):
        return "inspection"
    return "report" if re.search(r"\breport\b", name) else "other"


def _inspection_area(flat: str, path: PurePosixPath) -> str:
    folder_area = next((_folder_area(part) for part in reversed(path.parts[:-1])
                        if _folder_area(part)), "")
    for pattern in _AREA_PATTERNS:
        match = pattern.search(flat[:3000])
        if match:
            area = _AREA_NOISE.sub("", match[1].strip(" ,.")).strip()
            if folder_area and folder_area.lower() in area.lower():
                start = area.lower().index(folder_area.lower())
                return area[start:start + len(folder_area)]  # the text's own casing
            if 2 < len(area) < 60:
                return area
    return _smart_title(folder_area)


def _folder_area(part: str) -> str:
    """Scrape-tool folders are "<id>_<area>", e.g. "80443_bury"."""
    match = re.fullmatch(r"\d+_(.+)", part)
    return match[1].strip() if match else ""


def _council(flat: str) -> str:
    """The council a document names in its title block or most often ("Kent County Council"),
    else "City of X". Names on one line only: "...Budget\nCounty Council" is not a council."""
    names: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in _COUNCIL.finditer(flat):
        words = match[1].split()
        while words and words[0].lower() in _NOT_NAME:
            words.pop(0)
        kept: list[str] = []
        for word in reversed(words):
            if word.lower() in _NOT_NAME:
                break
            kept.insert(0, word)
        if kept:
            name = _smart_title(f"{' '.join(kept)} {match[2]} Council")
            names[name] += 1
            first.setdefault(name, match.start())
    best = max(names, key=lambda n: (names[n], -first[n]), default="")
    if best and (names[best] >= 2 or first[best] < 400):
        return best
    cities = Counter(_CITY_OF.findall(flat))
    return cities.most_common(1)[0][0] if cities else ""


def _committee(front: dict[str, str], head: str, flat: str, path: PurePosixPath) -> str:
    candidates = [_meeting_body(front.get("title", ""))]
    for pattern in (_MINUTES_OF, _A_MEETING_OF):
        match = pattern.search(flat[:2500])
        candidates.append(match[1] if match else "")
    match = _REPORT_TO.search(head)
    if match:
        to = re.split(r"\s+[–-]\s+|,|\s+Date:|\s+\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH, match[1],
                      flags=re.I)[0]
        candidates.append(re.sub(r"^all members of (?:the )?", "", to.strip(), flags=re.I))
    for pattern in (_HEADER_BODY, _AGENDA_BODY, _MINUTES_OF_X_MEETING):
        match = pattern.search(head[:1500])
        candidates.append(match[1] if match else "")
    candidates += _path_committees(path)
    for candidate in candidates:
        body = _clean_body(candidate)
        if body:
            return body
    return ""


def _meeting_body(title: str) -> str:
    """Body named by a meeting title: "4th Meeting of the Parks Committee" → "Parks Committee"."""
    text = re.sub(r"\b\d+(?:st|nd|rd|th)\b|\b(?:the|special|monthly|full|virtual|joint)\b", " ",
                  title, flags=re.I)
    text = re.sub(r"^\s*meeting of\b|\bmeeting\s*$|^\s*-", " ", text.strip(), flags=re.I)
    text = re.sub(r"^\s*meeting of\b", " ", text.strip(), flags=re.I)
    return " ".join(text.split())


def _path_committees(path: PurePosixPath) -> list[str]:
    found: list[str] = []
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}\s+", "", path.stem)
    modern_gov = re.search(r"\d{1,2}\.\d{2}\s+(.+)$", stem)  # "... 06th-Feb-2025 10.00 Cabinet"
    if modern_gov:
        found.append(modern_gov[1])
    for part in re.split(r"\s+[–-]\s+", stem):
        if _BODY_WORDS.search(part):
            found.append(_meeting_body(part))
    for part in reversed(path.parts[:-1]):  # nearest folder first
        name = re.sub(r"^\d+-", "", part).replace("_", " ")
        if _COLLECTION_WORDS.search(name):
            continue  # "kent-council-assistant" names a collection, not a body
        name = name.replace("-", " ") if " " not in name else name
        if _BODY_WORDS.search(name) and not re.fullmatch(r"[\d\s-]+", name):
            found.append(_meeting_body(name) if "meeting" in name.lower() else name)
    return found


def _clean_body(text: str) -> str:
    text = " ".join(text.replace("*", " ").split()).strip(" ,.:;–-")
    text = re.split(r"\s+(?:\d|(?:printed\s+)?minutes\b|agenda\b)", text, flags=re.I)[0]
    text = re.sub(r"^(?:printed\s+)?(?:minutes|agenda)\s*[-–:]?\s*", "", text, flags=re.I)
    if not text or len(text) > 90 or not _BODY_WORDS.search(text):
        return ""
    if re.search(r"\b(?:held|on|at)\b.*\d", text):
        return ""
    # "Limerick City and County Council, Home and Social ... Committee" names the committee last
    text = re.sub(r"^(?:[A-Z][a-z]+ )?(?:City (?:and|&) County|County|City|Borough) Council"
                  r"(?:,|[’']s)\s+", "", text)
    return _smart_title(text) if text.isupper() or text.islower() else text


def _smart_title(text: str) -> str:
    words = text.lower().split()
    out = [w if i and w in _SMALL_WORDS else _cap(w) for i, w in enumerate(words)]
    return re.sub(r"\bSpc\b", "SPC", " ".join(out))


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] if p not in _SMALL_WORDS else p
                    for p in word.split("-"))


def _date_after(pattern: re.Pattern[str], flat: str) -> dt.date | None:
    for match in pattern.finditer(flat[:_HEAD_CHARS]):
        window = flat[match.end():match.end() + 60]
        found = min(dates_in(window), key=lambda hit: hit[0], default=None)
        if found and found[0] < 25:
            return found[1]
    return None


def _report_date(head: str) -> dt.date | None:
    for match in re.finditer(r"^\s*(?:To|Date|Meeting date)\s*:\s*(.+)$", head[:2000],
                             re.M | re.I):
        found = parse_date(match[1])
        if found:
            return found
    return None


def _path_date(path: PurePosixPath) -> dt.date | None:
    found = parse_date(path.stem.replace("_", " "))
    if found:
        return found
    for part in reversed(path.parts[:-1]):
        found = _iso(part) or parse_date(part)
        if found:
            return found
    return None


def _iso(text: str) -> dt.date | None:
    match = ISO.fullmatch(text.strip())
    return parse_date(text) if match else None


def _title(front: dict[str, str], doc: LoadedDocument, flat: str, kind: DocKind) -> str:
    if front.get("title"):
        return front["title"]
    if kind == "inspection":
        for pattern in (r"Area SEND (?:\w+ )?inspection of .+?Local\s+Area\s+Partnership",
                        r"Inspection of .+? local authority children[’']s services",
                        r"(?:Focused|Monitoring) visit to .+? services"):
            match = re.search(pattern, flat[:3000], re.I)
            if match:
                return match[0]
    match = re.search(r"Subject(?: Matter / Title of Decision)?\s*:?\s+(.{5,120}?)\s+"
                      r"(?:Classification|Key decision|Summary|Decision|Electoral|Ward|Past|$)",
                      flat[:2500])
    if kind == "report" and match:
        return match[1].strip()
    return doc.title
