"""The review page renderer (``ipextract report``): nesting, escaping, offsets, determinism.

The page is read back with a strict parser (``tests/review_page.py``); every expected text is
cut from the input with the record's own offsets, never copied from the program's output."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract import extract
from ipextract.review import flags_by_record, render_review
from ipextract.review.highlight import Mark, highlight
from ipextract.vocabulary.models import Kind

from .conftest import CORPORA, ROOT
from .review_page import Page, document, flag, record

SAMPLE = CORPORA / "wuhan-ip-2024.txt"
HOSTILE = ('全市专利授权总量达到71292件<script>window.__pwned=1</script>，同比增长19.19%。'
           '<img src=x onerror="window.__pwned=1"></script><!-- &amp; </div>')


def assert_every_record_shown_once(page: Page, text: str, records: list) -> None:
    assert page.text == text  # nothing lost, nothing added, in order
    shown = page.elements["data-record-id"]
    assert set(shown) == {r.id for r in records}
    for r in records:
        assert page.covered["data-record-id"][r.id] == text[r.start:r.end]


def test_crossing_records_keep_their_text_and_one_anchor_each() -> None:
    text = "全市专利授权总量达到71292件，同比增长19.19%。"
    records = [record("r1", text, 10, 16), record("r2", text, 14, 24), record("r3", text, 12, 13)]
    html = render_review(document(text, records))
    page = Page.read(html)
    assert_every_record_shown_once(page, text, records)
    # r2 crosses r1's end, so it is cut in two; the second part says so and is no anchor.
    assert page.elements["data-record-id"]["r2"] == 2 and page.parts == 1
    assert html.count('id="fig-r2"') == 1 and html.count('data-part="2"') == 1
    assert page.elements["data-record-id"]["r1"] == page.elements["data-record-id"]["r3"] == 1


def test_adjacent_records_and_spots_are_never_split() -> None:
    text = "专利71292件19.19%增长"
    records = [record("r1", text, 2, 8), record("r2", text, 8, 14)]
    spots = [flag("f1", [(2, 8), (8, 14)]), flag("f2", [(0, 2)], "info")]
    page = Page.read(render_review(document(text, records, spots)))
    assert_every_record_shown_once(page, text, records)
    assert page.parts == 0
    assert page.elements["data-record-id"] == {"r1": 1, "r2": 1}
    assert page.elements["data-flag-span"] == {"f1": 2, "f2": 1}
    assert page.covered["data-flag-span"]["f1"] == text[2:14]


def test_a_spot_crossing_two_figures_marks_exactly_its_own_text() -> None:
    text = "达到71292件，同比增长19.19%。"
    records = [record("r1", text, 2, 8), record("r2", text, 14, 20)]
    spots = [flag("f1", [(5, 16)]), flag("f2", [(2, 8), (14, 20)], "error", ("r1", "r2"))]
    page = Page.read(render_review(document(text, records, spots)))
    assert_every_record_shown_once(page, text, records)
    assert page.covered["data-flag-span"]["f1"] == text[5:16]
    assert page.covered["data-flag-span"]["f2"] == text[2:8] + text[14:20]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<&𠮷\n", max_size=30).flatmap(lambda text: st.tuples(
    st.just(text),
    st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)), st.integers(0, 1)), max_size=8))))
def test_any_marks_make_well_formed_html_that_gives_back_the_text(case: tuple) -> None:
    text, spans = case
    marks = [Mark(min(a, b), max(a, b), "span", (("data-record-id", f"m{n}"),), layer)
             for n, (a, b, layer) in enumerate(spans)]
    page = Page.read(f'<div id="text">{highlight(text, marks)}</div>')
    assert page.text == text
    for mark in marks:
        assert page.covered["data-record-id"].get(mark.attrs[0][1], "") == text[mark.start:mark.end]
        assert page.elements["data-record-id"][mark.attrs[0][1]] >= 1


def test_marks_outside_the_text_are_clamped_not_lost() -> None:
    html = highlight("abc", [Mark(2, 9, "b", ()), Mark(7, 8, "i", ())])
    assert html == "ab<b>c</b><i></i>"


def test_document_text_is_escaped() -> None:
    source = extract(HOSTILE)
    html = render_review(source)
    page = Page.read(html)
    assert page.text == HOSTILE
    assert [tag for tag, _ in page.tags].count("script") == 2  # the data block and the page's own
    assert "img" not in [tag for tag, _ in page.tags]
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    assert_every_record_shown_once(page, HOSTILE, source.records)


def test_strings_in_records_and_flags_cannot_break_out() -> None:
    hostile = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
    text = "专利71292件"
    records = [record("r1", text, 2, 8, metric=hostile, context=hostile, period=hostile, unit=hostile)]
    flags = [flag("f1", [(2, 8)], record_ids=("r1",)).model_copy(update={"message": hostile, "kind": hostile})]
    html = render_review(document(text, records, flags))
    page = Page.read(html)
    assert [tag for tag, _ in page.tags].count("script") == 2
    assert "img" not in [tag for tag, _ in page.tags]
    data_block = html.split('<script type="application/json" id="review-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    data = page.data()
    assert data["records"]["r1"]["metric"] == hostile  # escaped in the page, intact for the script
    assert data["flags"]["f1"]["kind"] == hostile


def test_astral_characters_before_a_figure_move_nothing() -> None:
    text = "𠮷𠮷全市专利授权总量达到71292件，𠮷同比增长19.19%。"
    source = extract(text)
    assert [r.surface for r in source.records] == ["71292件", "19.19%"]
    page = Page.read(render_review(source))
    assert_every_record_shown_once(page, text, source.records)


def test_an_empty_document_is_still_a_whole_page() -> None:
    html = render_review(extract(""))
    page = Page.read(html)
    assert page.text == "" and not page.elements
    assert "No figures found." in html and "No flags raised." in html
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_output_is_deterministic() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert render_review(extract(text, source="x")) == render_review(extract(text, source="x"))


def test_the_sample_shows_every_record_and_every_spot() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    source = extract(text)
    page = Page.read(render_review(source))
    assert_every_record_shown_once(page, text, source.records)
    assert page.parts == 0  # the sample's figures and spots nest without a cut
    for f in source.flags:
        assert page.covered["data-flag-span"][f.id] == "".join(text[s:e] for s, e in f.spans)


def test_csp_allows_exactly_the_inline_script_and_style() -> None:
    html = render_review(extract("专利71292件"))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.DOTALL).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)

    def digest(body: str) -> str:
        return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()

    assert f"script-src 'sha256-{digest(script)}'" in csp
    assert f"style-src 'sha256-{digest(style)}'" in csp
    assert csp.startswith("default-src 'none';") and "unsafe" not in csp


def test_records_table_flags_named_and_covered_records() -> None:
    text = "专利71292件，商标58426件，版权13件。"
    records = [record("r1", text, 2, 8), record("r2", text, 11, 17), record("r3", text, 20, 23)]
    flags = [flag("f1", [(0, 4)]), flag("f2", [], "warning", ("r2",)), flag("f3", [(20, 23)], "info")]
    assert {k: [f.id for f in v] for k, v in flags_by_record(records, flags).items()} == {
        "r1": ["f1"], "r2": ["f2"], "r3": ["f3"]}
    page = Page.read(render_review(document(text, records, flags)))
    rows = [attrs["data-flagged"] for tag, attrs in page.tags if tag == "tr" and "data-kind" in attrs]
    assert rows == ["yes", "yes", "no"]  # an info flag (a check that passed) is no alarm


def test_every_kind_has_a_colour() -> None:
    css = resources.files("ipextract.review").joinpath("page.css").read_text(encoding="utf-8")
    for kind in Kind.__args__:
        assert re.search(rf"\.k-{kind} \{{ --k: #[0-9a-f]{{6}}; --k-bg: #[0-9a-f]{{6}}; \}}", css), kind


def test_page_files_ship_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set(config["tool"]["setuptools"]["package-data"]["ipextract.review"])
    folder = ROOT / "src" / "ipextract" / "review"
    assert shipped == {p.name for p in folder.iterdir() if p.suffix in {".html", ".css", ".js"}}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ipextract", *args], cwd=cwd,
                          capture_output=True, check=False, timeout=120)


def test_cli_writes_the_page_beside_the_caller_or_to_o(tmp_path: Path) -> None:
    result = run("report", str(SAMPLE), cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == b"", result.stderr
    page = Page.read((tmp_path / "wuhan-ip-2024.report.html").read_text(encoding="utf-8"))
    assert page.text == SAMPLE.read_text(encoding="utf-8")
    result = run("report", str(SAMPLE), "-o", "out.html", "--disable", "typo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "typo V201" not in out and "duplicate_figure V101" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html", "wuhan-ip-2024.report.html"]


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    missing = run("report", str(tmp_path / "nope.txt"), cwd=tmp_path)
    unwritable = run("report", str(SAMPLE), "-o", str(tmp_path / "no" / "x.html"), cwd=tmp_path)
    for result, reason in ((missing, "nope.txt: no such file [E101]"),
                           (unwritable, "x.html: cannot be written (No such file or directory) [E501]")):
        error = result.stderr.decode("utf-8")
        assert result.returncode == 2 and error.startswith("ipextract: ") and error.count("\n") == 1
        assert reason in error
    assert list(tmp_path.iterdir()) == []


def test_a_period_read_off_a_part_heading_says_so() -> None:
    text = "产值71292亿元，商标58426件。"
    records = [record("r1", text, 2, 9, period="2025年", period_from="part"),
               record("r2", text, 12, 18, period="2025年", period_from="text")]
    html = render_review(document(text, records))
    periods = {key: shown["period"] for key, shown in Page.read(html).data()["records"].items()}
    assert periods == {"r1": "2025年 (part heading)", "r2": "2025年"}
    assert html.count('<td lang="zh-CN">2025年 (part heading)</td>') == 1  # the records table


def test_a_change_mismatch_shows_its_arithmetic_beside_its_spots() -> None:
    # an invented sentence: 71.5 ÷ (826.4 − 71.5) is 9.47%, and the printed digits allow
    # 9.46–9.48%; the text says 10.5%
    text = "全年技术合同成交额826.4亿元，比上年增加71.5亿元，增长10.5%。"
    result = extract(text)
    [mismatch] = [f for f in result.flags if f.kind == "change_mismatch"]
    html = render_review(result)
    panel = html[html.index(f'data-flag-id="{mismatch.id}"'):]
    panel = panel[:panel.index("</li>")]
    evidence = re.search(r'<span class="flag-evidence"[^>]*>(.*?)</span>\s*<span class="flag-spots"',
                         panel, re.DOTALL).group(1)
    assert "growth = change ÷ (level − change)" in evidence
    low, high = mismatch.evidence["computed_interval"]
    assert Decimal(low) <= Decimal("71.5") / (Decimal("826.4") - Decimal("71.5")) * 100 <= Decimal(high)
    assert f"computed_interval {low}–{high}" in evidence
    assert "stated_interval" in evidence and "10.5" in evidence
    assert panel.index("flag-evidence") < panel.index("flag-spots")  # beside its spots
