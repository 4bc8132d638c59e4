"""The review page in a real headless browser (Debian's chromium, driven by Playwright).

Skipped when chromium or Playwright is missing, unless IPEXTRACT_REQUIRE_BROWSER=1 (as in
.ci/run), where that is a failure. One browser for the module; a fresh page per test, loaded
from a file:// URL, with console errors, page errors and every request recorded."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ipextract import extract
from ipextract.models import Document
from ipextract.review import render_review

from .conftest import CORPORA
from .review_page import record
from .test_review import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SAMPLE = CORPORA / "wuhan-ip-2024.txt"


def _unavailable(reason: str) -> None:
    if os.environ.get("IPEXTRACT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (IPEXTRACT_REQUIRE_BROWSER=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Loaded:
    """A page loaded from a file, with what it said and asked for while loading and after."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    contexts = []

    def load(document: Document, name: str = "page.html") -> Loaded:
        path = tmp_path / name
        path.write_text(render_review(document), encoding="utf-8")
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        loaded = Loaded(page)
        page.on("console", lambda m: loaded.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        page.on("request", lambda request: loaded.requests.append(request.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return loaded

    yield load
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def sample() -> Document:
    return extract(SAMPLE.read_text(encoding="utf-8"), source="corpora/wuhan-ip-2024.txt")


def test_page_loads_clean_and_highlights_every_record(open_page: Any, sample: Document) -> None:
    loaded = open_page(sample)
    page = loaded.page
    ids = page.eval_on_selector_all("#text [data-record-id]", "els => els.map(e => e.dataset.recordId)")
    assert sorted(set(ids)) == sorted(r.id for r in sample.records)
    assert page.locator("#text [data-record-id]:not([data-part])").count() == len(sample.records)
    assert page.locator("#records-table tbody tr").count() == len(sample.records)
    assert page.locator("[data-flag-id]").count() == len(sample.flags)
    assert loaded.errors == []
    assert loaded.requests and all(url.startswith(("file://", "data:")) for url in loaded.requests)


def test_clicking_a_flag_marks_its_spots(open_page: Any, sample: Document) -> None:
    page = open_page(sample).page
    for flag in (sample.flags[0], sample.flags[-1]):
        page.click(f'[data-flag-id="{flag.id}"]')
        marked = page.eval_on_selector_all(
            "#text .is-marked", "els => els.map(e => [e.dataset.flagSpan, e.textContent])")
        assert marked == [[flag.id, sample.text[start:end]] for start, end in flag.spans]
        assert page.get_attribute(f'[data-flag-id="{flag.id}"]', "aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert page.locator("#text .is-marked").count() == 0


def test_hover_and_focus_show_the_record(open_page: Any, sample: Document) -> None:
    page = open_page(sample).page
    share = next(r for r in sample.records if r.kind == "share" and r.period)
    page.hover(f"#fig-{share.id}")
    tip = page.locator("#tip")
    assert tip.is_visible()
    for shown in (share.metric, share.unit, share.qualifier, share.period):
        assert shown in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.focus(f"#fig-{sample.records[0].id}")
    assert tip.is_visible() and sample.records[0].metric in tip.inner_text()


def test_table_filters_and_sorts(open_page: Any, sample: Document) -> None:
    page = open_page(sample).page
    page.select_option("#filter-kind", "growth")
    visible = page.eval_on_selector_all("#records-table tbody tr:not([hidden])", "rows => rows.length")
    assert visible == sum(r.kind == "growth" for r in sample.records)
    page.select_option("#filter-kind", "")
    page.select_option("#filter-flagged", "yes")
    flagged = page.eval_on_selector_all("#records-table tbody tr:not([hidden]) a", "as => as.map(a => a.textContent)")
    alarms = {rid for f in sample.flags if f.severity != "info" for rid in f.record_ids}
    assert alarms <= set(flagged) and 0 < len(flagged) < len(sample.records)
    page.select_option("#filter-flagged", "")
    page.click("#records-table th:nth-child(5) button")  # value, ascending
    values = page.eval_on_selector_all("#records-table tbody tr td:nth-child(5)",
                                       "cells => cells.map(c => parseFloat(c.dataset.sort))")
    assert values == sorted(float(r.value) for r in sample.records)
    page.click("#records-table tbody tr:first-child a")
    first = page.eval_on_selector("#records-table tbody tr:first-child a", "a => a.textContent")
    assert page.evaluate("location.hash") == f"#fig-{first}"


def test_injected_script_does_not_run(open_page: Any) -> None:
    hostile = extract(HOSTILE)
    text = "专利71292件"
    payload = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
    named = record("r1", text, 2, 8, metric=payload, context=payload, period=payload)
    for document in (hostile, hostile.model_copy(update={"text": text, "records": [named], "flags": []})):
        loaded = open_page(document)
        assert loaded.page.evaluate("typeof window.__pwned") == "undefined"
        assert loaded.page.locator("#text img, #records-table img").count() == 0
        assert loaded.errors == []
        assert all(url.startswith(("file://", "data:")) for url in loaded.requests)
    assert "<script>window.__pwned=1</script>" in open_page(hostile).page.inner_text("#text")


def test_print_keeps_highlights_and_hides_controls(open_page: Any, sample: Document) -> None:
    page = open_page(sample).page
    page.emulate_media(media="print")
    assert page.locator(".controls").is_hidden()
    background = page.eval_on_selector(f"#fig-{sample.records[0].id}", "e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_screenshot(open_page: Any, sample: Document, tmp_path: Path) -> None:
    """The README's picture: the sample with its first flag clicked and a figure hovered."""
    page = open_page(sample).page
    page.set_viewport_size({"width": 1440, "height": 1150})
    first = sample.flags[0]
    page.click(f'[data-flag-id="{first.id}"]')
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(400)  # the smooth scroll of the click ends before the shot
    page.evaluate("window.scrollTo(0, 0)")
    page.hover(f"#fig-{first.record_ids[0]}")
    shot = tmp_path / "review-page.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("IPEXTRACT_SCREENSHOT_DIR"):  # the README's docs/review-page.png
        folder = Path(os.environ["IPEXTRACT_SCREENSHOT_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, folder / shot.name)
