"""The chat page in a real browser (Debian's Chromium driven by Playwright).

Skips when /usr/bin/chromium or Playwright is missing; never downloads a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.ui, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path("/tmp/ui.png")
TABS_SCREENSHOT = Path("/tmp/ui-tabs.png")
BRIEF_SCREENSHOT = Path("/tmp/ui-briefing.png")
ANSWER_TIMEOUT_MS = 60_000
IMG = '<img src=x onerror="window.__xss=1">'
SCRIPT = "<script>window.__xss=1</script>"
TXT_MINUTES = f"""ASHGROVE PARISH COUNCIL
Minutes of the meeting held on 3 February 2025

5. Village noticeboard
The clerk reported that a visitor had pinned the message {IMG} to the village noticeboard, \
and the Council agreed to pay £180 for a new noticeboard lock.
"""
# In an HTML document the hostile text is escaped markup, so the loader extracts it as text.
HTML_MINUTES = """<!doctype html>
<html><head><title>Minutes - Ashgrove Parish Council - 3 March 2025</title></head>
<body><h1>Ashgrove Parish Council</h1><p>Minutes of the meeting held on 3 March 2025</p>
<h2>6. Allotments</h2>
<p>The clerk read out the tenant's note &lt;script&gt;window.__xss=1&lt;/script&gt; about the
allotment water supply, and the Council agreed to raise the allotment rent to £42 a year.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    yield page
    context.close()


def ask(page: Any, question: str) -> str:
    """Type ``question``, press Enter and return the text of the new answer bubble."""
    answers = page.locator('#chat [data-testid="bot"]')
    before = answers.count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    answers.nth(before).wait_for()  # a Gradio page never reaches network idle
    return str(answers.nth(before).inner_text())


def test_conversation_with_sources(
    page: Any, demo_url: str, demo_question: Callable[[str], dict[str, Any]]
) -> None:
    case = demo_question("demo019")  # a follow-up: needs the earlier question as history
    page.goto(demo_url)
    for label in ("Committee", "Document kind", "Date from", "Date to", "Sources"):
        page.get_by_text(label, exact=True).first.wait_for(state="visible")
    for question in case["history"]:
        ask(page, question)
    answer = ask(page, case["question"])
    assert "[1]" in answer
    for fact in case["answer_contains"]:
        assert fact in answer
    page.locator("#sources #source-1 mark").first.wait_for()
    card = page.locator("#sources #source-1").inner_text()
    marked = " ".join(page.locator("#sources #source-1 mark").all_inner_texts())
    assert any(fact in marked for fact in case["answer_contains"])
    assert "Meeting date" in card and "Source" in card
    page.screenshot(path=str(SCREENSHOT), full_page=True)


def test_invalid_date_shows_a_message_not_an_answer(page: Any, demo_url: str) -> None:
    page.goto(demo_url)
    date_from = page.locator("#date-from input")
    date_from.fill("next Tuesday")
    date_from.press("Tab")  # the picker marks what is not YYYY-MM-DD and keeps it out
    assert "invalid" in str(date_from.get_attribute("class"))
    date_from.fill("2025-02-30")  # the right shape, but no such day: the server says so
    page.locator("#question textarea").fill("What did Cabinet decide?")
    page.locator("#ask").click()
    page.get_by_text("is not a date. Use YYYY-MM-DD").first.wait_for()
    assert page.locator('#chat [data-testid="bot"]').count() == 0
    assert "Traceback" not in page.content()


def test_register_and_timeline_tabs(page: Any, demo_url: str, demo_assistant: Any) -> None:
    page.goto(demo_url)
    page.get_by_role("tab", name="Decisions register").click()
    register = page.locator("#register")
    register.get_by_text("ACTION: Mr Buckley to circulate").first.wait_for(state="visible")
    rows = len(demo_assistant.register)
    assert page.locator("#reg-count").inner_text().strip() == f"{rows} rows."
    assert register.locator('[role="grid"]').get_attribute("aria-rowcount") == str(rows + 1)
    headers = register.locator("th").all_inner_texts()
    assert [h.strip() for h in headers] == ["date", "committee", "item", "kind", "text",
                                            "document", "page"]
    page.get_by_role("tab", name="Timeline").click()
    page.locator("#timeline-topic textarea").fill("Holtmoor Relief Road")
    page.locator("#timeline-show").click()
    page.locator("#timeline li .date").first.wait_for(state="visible")
    entries = page.locator("#timeline ol.entries li").all_inner_texts()
    assert len(entries) >= 2 and entries[0].startswith("14 March 2024 — Cabinet")
    assert "[1]" in entries[0] and "“" in entries[0]
    sources = page.locator("#timeline ol.sources li").all_inner_texts()
    assert len(sources) == len(entries) and sources[0].startswith("[1] Cabinet, 14 March 2024")
    page.screenshot(path=str(TABS_SCREENSHOT), full_page=True)


@pytest.fixture(scope="module")
def hostile_url(
    tmp_path_factory: pytest.TempPathFactory,
    serve: Callable[..., str],
    settings_for: Callable[..., Any],
) -> str:
    """A chat page over two documents whose text contains markup and script."""
    from assistant.core import build_assistant
    from assistant.ingest.pipeline import ingest

    corpus = tmp_path_factory.mktemp("hostile-corpus")
    txt = corpus / "notes" / "2025-02-03" / "Minutes - Ashgrove Parish Council - 3 Feb 2025.txt"
    html = corpus / "web" / "2025-03-03" / "Minutes - Ashgrove Parish Council - 3 Mar 2025.html"
    for path, text in ((txt, TXT_MINUTES), (html, HTML_MINUTES)):
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    settings = settings_for(corpus, tmp_path_factory.mktemp("hostile-index"))
    report = ingest(settings)
    assert report.files_indexed == 2, report.failed
    return serve(build_assistant(settings), settings)


@pytest.mark.parametrize(
    ("question", "hostile", "fact"),
    [
        ("How much did the Council agree to pay for the new noticeboard lock?", IMG, "£180"),
        ("What did the Council agree to raise the allotment rent to?", SCRIPT, "£42"),
    ],
)
def test_document_markup_is_shown_as_text_never_run(
    page: Any, hostile_url: str, question: str, hostile: str, fact: str
) -> None:
    page.goto(hostile_url)
    answer = ask(page, question)
    assert fact in answer and "[1]" in answer
    assert hostile in answer  # the chat shows the markup as text
    page.locator("#sources #source-1 mark").first.wait_for()
    assert hostile in page.locator("#sources").inner_text()
    assert hostile in " ".join(page.locator("#sources mark").all_inner_texts())
    page.wait_for_timeout(300)  # give an onerror handler the time to fire, were there one
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("img[onerror]").count() == 0
    scripts = page.evaluate(
        "[...document.scripts].filter(s => s.textContent.includes('__xss')).length"
    )
    assert scripts == 0


def test_briefing_tab(page: Any, demo_url: str) -> None:
    page.goto(demo_url)
    page.get_by_role("tab", name="Briefing").click()
    chooser = page.locator("#brief-committee input")
    chooser.click()
    page.get_by_role("option", name="Cabinet", exact=True).click()
    page.locator("#brief-show").click()
    briefing = page.locator("#briefing")
    briefing.get_by_role("heading", name="Actions with no later mention").wait_for()
    text = briefing.inner_text()
    assert "Briefing: Cabinet" in text
    assert "ACTION: Mr Buckley to circulate" in text
    assert "Sources" in text and "[1] Cabinet, 19 September 2024" in text
    page.screenshot(path=str(BRIEF_SCREENSHOT), full_page=True)
