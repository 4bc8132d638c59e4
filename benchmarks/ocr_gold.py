"""Scanned PDFs: figure F1 of OCR'd image-only PDFs of the four gold documents, every value OCR
got wrong and whether the validator flagged it, and OCR speed (pages per second, one core).

Each gold text is typeset as a PDF (``tests/pdf_fixture.py``: narrow pages, running header,
page numbers), its pages rendered at 300 and at 150 dpi, turned by 0.4°, speckled, and put back
together as an image-only PDF (``tests/scan_fixture.py``); ``ipextract`` reads that (every page
by OCR: it has no text layer) and its records are scored against the gold, after their spans
are carried over to the gold text by a character alignment. The PDF's own text layer is scored
the same way, as the baseline: what OCR loses is the difference.

    .venv/bin/python benchmarks/ocr_gold.py            # writes benchmarks/ocr_gold.md
    .venv/bin/python benchmarks/ocr_gold.py --dpi 300 --docs hefei-news-2024 --output -

Tesseract runs with ``OMP_THREAD_LIMIT=1`` (one core; what ``ipextract`` sets too) and the
Python side is single-threaded; pages per second is given per CPU second of this process and its
tesseract children (one core, whatever else the machine runs) and by the wall clock.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"

from tests.pdf_fixture import make_pdf
from tests.scan_fixture import align, scan_pdf, score_scan

from ipextract import extract
from ipextract.evaluate import FigureScore, match
from ipextract.ingest import ocr, read_bytes

GOLD = ROOT / "corpora" / "gold"
BARS = {300: 0.97, 150: 0.90}


@dataclass
class Slip:
    """A gold figure OCR read with another value (or not at all)."""

    surface: str
    metric: str
    read: str  # what OCR made of it, with its value, or "—" when no record is there
    flagged: str  # the flags on the misread record, or "no"


@dataclass
class Run:
    doc: str
    dpi: int
    pages: int
    seconds: float  # wall clock
    cpu: float  # CPU seconds (one core)
    score: FigureScore
    baseline: FigureScore
    confidence: float
    slips: list[Slip] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the tesseract runs): the time
    one core spends, whatever else the machine is doing."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _carried(records: list[Any], read: str, original: str) -> list[tuple[int, int, Decimal | None]]:
    aligned = align(read, original)
    spans = []
    for record in records:
        start = aligned.carry(record.start)
        spans.append((start, max(start + 1, aligned.carry(record.end - 1) + 1), record.value))
    return spans


def run(doc: str, dpi: int, folder: Path) -> Run:
    gold = json.loads((GOLD / f"{doc}.json").read_text(encoding="utf-8"))
    original = (ROOT / gold["source"]).read_text(encoding="utf-8")
    rows = gold["records"]
    typeset = folder / f"{doc}.pdf"
    pages = make_pdf(original, typeset, doc)
    layer = read_bytes(typeset.read_bytes(), f"{doc}.pdf")
    baseline = score_scan(doc, extract(layer.text, validate=False).records, layer.text,
                          original, rows).figures
    scanned = scan_pdf(typeset, dpi)
    started, cpu = time.perf_counter(), _cpu()
    source = read_bytes(scanned, f"{doc}.{dpi}dpi.pdf")
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    if os.environ.get("OCR_GOLD_KEEP"):  # the OCR'd text, to look at
        Path(os.environ["OCR_GOLD_KEEP"], f"{doc}.{dpi}.txt").write_text(source.text, encoding="utf-8")
    document = ocr.annotate(extract(source.text, source=source.name, format="pdf",
                                    page_starts=source.page_starts), source)
    assert all(r.read_by == "ocr" for r in document.records)
    assert all(source.text[r.start:r.end] == r.surface for r in document.records)
    score = score_scan(doc, document.records, source.text, original, rows)
    spans = _carried(document.records, source.text, original)
    by_value = match(spans, rows)
    by_span = match(spans, rows, values=False)
    flags: dict[str, list[str]] = {}
    for flag in document.flags:
        if flag.severity != "info":
            for record_id in flag.record_ids:
                flags.setdefault(record_id, []).append(f"{flag.code} {flag.kind}")
    slips = []
    for row, hit, near in zip(rows, by_value, by_span, strict=True):
        if hit is not None:
            continue
        if near is None:
            slips.append(Slip(row["surface"], row["metric"], "—", "no record"))
            continue
        record = document.records[near]
        slips.append(Slip(row["surface"], row["metric"], f"{record.surface} ({record.value})",
                          ", ".join(flags.get(record.id, [])) or "no"))
    used = {hit for hit in by_value if hit is not None} | {h for h in by_span if h is not None}
    extras = [f"{r.surface} ({r.metric})" for n, r in enumerate(document.records) if n not in used]
    confidence = sum(p.confidence for p in document.document.ocr) / max(1, len(document.document.ocr))
    return Run(doc, dpi, pages, seconds, cpu, score.figures, baseline, confidence, slips, extras)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(runs: list[Run]) -> str:
    intro = (f"Tesseract {ocr_version()} `{ocr.LANGUAGE}`, `--psm {ocr.PSM}`, pages rendered at "
             f"{ocr.DPI} dpi; scans turned by 0.4° with 0.2 % speckle. Figure F1 by the gold rule "
             "(spans overlap after alignment, values equal); the text layer of the same typeset "
             "PDF is the baseline.")
    header = ("| document | dpi | pages | F1 (OCR) | P | R | F1 (text layer) | mean confidence | "
              "pages/s (1 core: per CPU second) | pages/s (wall clock) |")
    lines = ["# OCR of scanned gold documents (benchmarks/ocr_gold.py)", "", intro, "", header,
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        lines.append(f"| {r.doc} | {r.dpi} | {r.pages} | {r.score.f1:.3f} | {r.score.precision:.3f} "
                     f"| {r.score.recall:.3f} | {r.baseline.f1:.3f} | {r.confidence:.1f} "
                     f"| {r.pages / r.cpu:.2f} | {r.pages / r.seconds:.2f} |")
    for dpi in sorted({r.dpi for r in runs}, reverse=True):
        these = [r for r in runs if r.dpi == dpi]
        total = sum((r.score for r in these), FigureScore())
        pages = sum(r.pages for r in these)
        seconds = sum(r.seconds for r in these)
        cpu = sum(r.cpu for r in these)
        bar = BARS.get(dpi)
        verdict = "" if bar is None else f" (bar {bar}: {'met' if total.f1 >= bar else 'NOT met'})"
        lines.append(f"| **all** | {dpi} | {pages} | **{total.f1:.3f}**{verdict} | "
                     f"{total.precision:.3f} | {total.recall:.3f} | "
                     f"{sum((r.baseline for r in these), FigureScore()).f1:.3f} | | "
                     f"{pages / cpu:.2f} | {pages / seconds:.2f} |")
    slips = ("Each gold figure the OCR'd text does not give back with its value: what OCR read "
             "there (the record whose span overlaps it, or — when none does) and the validator's "
             "flags (warnings and errors) on that record.")
    lines += ["", "## Values OCR got wrong", "", slips, "",
              "| document | dpi | gold figure | metric | OCR read | flagged |", "|---|---|---|---|---|---|"]
    for r in runs:
        for s in r.slips:
            lines.append(f"| {r.doc} | {r.dpi} | {_cell(s.surface)} | {_cell(s.metric)} | "
                         f"{_cell(s.read)} | {_cell(s.flagged)} |")
    lines += ["", "## Records with no gold figure at their place", ""]
    for r in runs:
        if r.extras:
            lines.append(f"- {r.doc} @ {r.dpi} dpi: " + "; ".join(_cell(e) for e in r.extras))
    return "\n".join(lines) + "\n"


def ocr_version() -> str:
    import pytesseract  # type: ignore[import-untyped]

    return str(pytesseract.get_tesseract_version())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dpi", type=int, action="append", help="scan resolution (default: 300 and 150)")
    parser.add_argument("--docs", nargs="*", help="gold document names (default: all)")
    parser.add_argument("--psm", type=int, default=ocr.PSM, help="Tesseract's page segmentation mode")
    parser.add_argument("--lang", default=ocr.LANGUAGE, help="Tesseract's model")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "ocr_gold.md"),
                        help="markdown file, or - for stdout")
    args = parser.parse_args()
    ocr.PSM = args.psm
    ocr.LANGUAGE = args.lang
    os.environ[ocr.ENVIRONMENT] = "auto"
    docs = args.docs or sorted(p.stem for p in GOLD.glob("*.json"))
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in args.dpi or [300, 150]:
            for doc in docs:
                result = run(doc, dpi, Path(tmp))
                print(f"{doc} {dpi} dpi: F1 {result.score.f1:.3f} (text layer {result.baseline.f1:.3f}), "
                      f"{result.pages} pages in {result.seconds:.1f} s ({result.cpu:.1f} s CPU), "
                      f"{len(result.slips)} slips",
                      file=sys.stderr)
                runs.append(result)
    text = markdown(runs)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
