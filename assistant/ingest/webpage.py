"""Reading web pages (ModernGov minutes saved as HTML): the main content's text, without the
site's navigation, scripts and forms; list items, table rows and blocks on lines of their own."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.types import Page

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


def read_html(path: Path, data: bytes) -> tuple[str, str, list[Page]]:
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
    lines = (SPACE_RUNS.sub(" ", line).strip().strip("|").strip() for line in
             "".join(out).split("\n"))
    text = "\n".join(lines)
    text = re.sub(r"^•[ \n]*$\n*(?=\S)", "• ", text, flags=re.M)  # "• " glued to its text
    text = re.sub(r"^•$", "", text, flags=re.M)
    return BLANK_RUNS.sub("\n\n", text)
BLANK_RUNS = re.compile(r"\n{3,}")
SPACE_RUNS = re.compile(r"[ \t\xa0]+")
