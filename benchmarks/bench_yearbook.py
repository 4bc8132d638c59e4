"""Yearbooks (#19): thousand-page PDFs and huge tables, time and peak memory.

Run: ``python benchmarks/bench_yearbook.py --label after [--write]`` (needs reportlab, the
``formats`` extra, and ``pdftotext`` from poppler-utils). Not part of the unit suite.

It generates, once (cached under ``benchmarks/.cache/yearbook/``, git-ignored; ``--pages`` and
``--rows`` change the sizes and so the cache key):

* ``yearbook.pdf``: a 1,500-page text PDF, 40 lines a page (a centred section heading, 24
  statistical sentences, a table title and 14 table rows set in columns), a running header and a
  ``— N —`` footer on every page;
* ``yearbook.txt``: the same lines as a text file, one paragraph a line;
* ``table.html``: a page with a 60,000-row table, and ``table.txt``, the same table as the text
  the HTML reader makes of it (cells joined by `` | ``);
* ``table.docx``: a 20,000-row table (the first 20,000 rows of the HTML one), written as
  WordprocessingML directly (python-docx takes minutes to add 20,000 rows).

Then it runs ``ipextract extract FILE --format jsonl -o OUT`` on each in a child process, and in
the same run the reference readers: ``pdftotext`` on the PDF, lxml's ``document_fromstring`` on
the HTML and on the DOCX's ``word/document.xml``. Time is wall-clock; peak memory is the child's
own maximum resident set (``os.wait4``; this process stays small, since Linux counts the
parent's resident set at the fork in the child's maximum), or, while the child has processes
of its own (the PDF's page readers), the sum of their resident sets and its own, sampled every
20 ms, when that is larger. The PDF is measured twice: as a user runs it (its pages read by one
process per core) and read in one process (``IPEXTRACT_PDF_PROCESSES=1``). The record count and a hash of the records (their JSON
without the document block) tell whether a change kept the records.

The peak column also gives the peak per megabyte of input. ``--ingest [INPUT…]`` then runs
``ipextract ingest --jobs 2 --time-limit 0`` over a folder of those inputs (yearbook.txt and
table.html by default) and reports the ingest process's own peak and the largest peak any of its
worker processes reached (sampled with psutil: a worker reads, extracts, validates and makes the
rows of one document, so each must stay under the bound of one ``extract``); ``--only`` with no
input skips the extract runs.

Each run is stored under its ``--label`` in ``benchmarks/RESULTS_yearbook.json`` (so the
"before" run stays beside later ones); ``--write`` renders all labels into
``benchmarks/RESULTS_yearbook.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache" / "yearbook"
STORE = ROOT / "benchmarks" / "RESULTS_yearbook.json"
RESULTS = ROOT / "benchmarks" / "RESULTS_yearbook.md"
TITLE = "某省统计年鉴2024"

REGIONS = ("全省", "长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "张家界市",
           "益阳市", "郴州市", "永州市", "怀化市", "娄底市", "湘西州", "武汉市", "黄石市", "十堰市",
           "宜昌市", "襄阳市", "鄂州市", "荆门市", "孝感市", "荆州市", "黄冈市", "咸宁市", "随州市")
#: (indicator, unit, typical size)
INDICATORS = (
    ("地区生产总值", "亿元", 5000.0), ("规模以上工业增加值", "亿元", 1500.0),
    ("社会消费品零售总额", "亿元", 2000.0), ("一般公共预算收入", "亿元", 400.0),
    ("进出口总额", "亿元", 800.0), ("城乡居民储蓄存款余额", "亿元", 3000.0),
    ("粮食产量", "万吨", 300.0), ("蔬菜产量", "万吨", 500.0), ("发电量", "亿千瓦时", 200.0),
    ("常住人口", "万人", 600.0), ("城镇新增就业", "万人", 10.0), ("发明专利授权量", "件", 5000.0),
    ("货物运输量", "万吨", 20000.0), ("接待国内游客", "万人次", 8000.0),
)
TOPICS = ("综合", "农业", "工业", "建筑业", "国内贸易", "对外经济", "交通运输", "金融", "人口",
          "就业", "科技", "教育", "卫生", "文化旅游", "财政")
#: the page of the PDF, in points (A4), and where things go on it
PAGE = (595.0, 842.0)
LEFT, TOP_Y, LEADING, SIZE = 56.0, 780.0, 17.5, 10.5
COLUMNS = (56.0, 330.0, 450.0)


@dataclass(frozen=True)
class Line:
    """One line of a page: a heading (centred), a sentence, or a table row (cells in columns)."""

    kind: str
    cells: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.cells)


def _value(chooser: random.Random, size: float) -> str:
    value = size * chooser.uniform(0.05, 2.0)
    return f"{value:.2f}" if value < 100 else f"{value:.1f}"


def _growth(chooser: random.Random) -> str:
    return f"{chooser.uniform(-3.0, 12.0):.1f}"


def _sentence(chooser: random.Random, year: int) -> str:
    region = chooser.choice(REGIONS)
    name, unit, size = chooser.choice(INDICATORS)
    value, growth = _value(chooser, size), _growth(chooser)
    form = chooser.randrange(4)
    if form == 0:
        return f"{year}年{region}{name}{value}{unit}，比上年增长{growth}%。"
    if form == 1:
        return f"{region}全年{name}达到{value}{unit}，增长{growth}%。"
    if form == 2:
        more = _value(chooser, size / 20)
        return f"年末{region}{name}{value}{unit}，比上年末增加{more}{unit}。"
    share = f"{chooser.uniform(1.0, 60.0):.1f}"
    return f"{region}{name}{value}{unit}，占全省的{share}%，增长{growth}%。"


def page_lines(number: int) -> list[Line]:
    """The 40 lines of page ``number`` (1-based), the same for every run."""
    chooser = random.Random(number)
    year = 2015 + number % 10
    topic = TOPICS[(number - 1) // 100 % len(TOPICS)]
    lines = [Line("heading", (f"第{number}节 {topic}统计",))]
    lines += [Line("sentence", (_sentence(chooser, year),)) for _ in range(24)]
    name, unit, size = chooser.choice(INDICATORS)
    lines.append(Line("heading", (f"表{number} 各地{name}（{unit}）",)))
    for region in chooser.sample(REGIONS, 14):
        lines.append(Line("row", (f"{region}{name}", _value(chooser, size), _growth(chooser))))
    return lines


def table_rows(count: int) -> list[tuple[str, str, str, str]]:
    chooser = random.Random(60_000)
    rows = []
    for _ in range(count):
        name, unit, size = chooser.choice(INDICATORS)
        rows.append((f"{chooser.choice(REGIONS)}{name}", unit, _value(chooser, size),
                     _growth(chooser)))
    return rows


TABLE_HEADER = ("指标", "单位", "2024年", "比上年增长(%)")
TABLE_TITLE = "2024年各地主要统计指标"


# --- the files -----------------------------------------------------------------------------


def write_pdf(path: Path, pages: int) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    try:
        pdfmetrics.getFont(font)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = PAGE
    pdf = canvas.Canvas(str(path), pagesize=PAGE, pageCompression=1)
    pdf.setTitle(TITLE)
    for number in range(1, pages + 1):
        pdf.setFont(font, 9)
        pdf.drawCentredString(width / 2, height - 40, TITLE)
        pdf.drawCentredString(width / 2, 36, f"— {number} —")
        pdf.setFont(font, SIZE)
        y = TOP_Y
        for line in page_lines(number):
            if line.kind == "heading":
                pdf.drawCentredString(width / 2, y, line.text)
            elif line.kind == "sentence":
                pdf.drawString(LEFT + 2 * SIZE, y, line.text)
            else:
                for x, cell in zip(COLUMNS, line.cells):
                    pdf.drawString(x, y, cell)
            y -= LEADING
        pdf.showPage()
    pdf.save()


def yearbook_text(pages: int) -> str:
    return "\n\n".join(line.text for n in range(1, pages + 1) for line in page_lines(n)) + "\n"


def write_html(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>\n"
                   for row in [TABLE_HEADER, *rows])
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TABLE_TITLE}'
                    f'</title></head><body><div class="nav"><a href="/">首页</a></div>'
                    f'<div class="article-content"><h1>{TABLE_TITLE}</h1><table>\n{body}'
                    "</table></div></body></html>\n", encoding="utf-8")


def table_text(rows: list[tuple[str, str, str, str]]) -> str:
    return "\n\n".join([TABLE_TITLE] + [" | ".join(row) for row in [TABLE_HEADER, *rows]]) + "\n"


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    import docx

    skeleton = io.BytesIO()
    docx.Document().save(skeleton)

    def cell(text: str) -> str:
        return (f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r>'
                f"<w:t>{escape(text)}</w:t></w:r></w:p></w:tc>")

    grid = "".join('<w:gridCol w:w="2000"/>' for _ in TABLE_HEADER)
    table = "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>"
                    for row in [TABLE_HEADER, *rows])
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{_W}"><w:body>'
                f"<w:p><w:r><w:t>{TABLE_TITLE}</w:t></w:r></w:p>"
                f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{table}</w:tbl>"
                '<w:sectPr/></w:body></w:document>')
    skeleton.seek(0)
    with zipfile.ZipFile(skeleton) as source, zipfile.ZipFile(path, "w",
                                                              zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = document.encode("utf-8") if item.filename == "word/document.xml" \
                else source.read(item.filename)
            out.writestr(item.filename, data)


def generate(pages: int, rows: int) -> dict[str, Path]:
    folder = CACHE / f"p{pages}-r{rows}"
    folder.mkdir(parents=True, exist_ok=True)
    files = {name: folder / name for name in
             ("yearbook.pdf", "yearbook.txt", "table.html", "table.txt", "table.docx")}
    if all(path.exists() for path in files.values()):
        return files
    started = time.monotonic()
    every = table_rows(rows)
    files["yearbook.txt"].write_text(yearbook_text(pages), encoding="utf-8")
    write_html(files["table.html"], every)
    files["table.txt"].write_text(table_text(every), encoding="utf-8")
    write_docx(files["table.docx"], every[: rows // 3])
    partial = files["yearbook.pdf"].with_suffix(".part")
    write_pdf(partial, pages)
    partial.replace(files["yearbook.pdf"])
    print(f"generated in {time.monotonic() - started:.0f} s: {folder}", file=sys.stderr)
    return files


# --- measuring -----------------------------------------------------------------------------


def run(command: list[str], timeout: float = 3600,
        env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall-clock seconds and peak resident bytes of a child process: the larger of its own
    maximum resident set (``os.wait4``) and the sum over it and its own children (the PDF's
    reading processes), sampled every 20 ms with psutil. The sum counts pages a fork shares
    with its parent twice: it is an upper bound."""
    import psutil

    started = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, **(env or {})})
    watched = psutil.Process(child.pid)
    tree = 0
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        try:
            children = watched.children(recursive=True)
            if children:  # (alone, the process's own peak is wait4's)
                total = watched.memory_info().rss
                for process in children:
                    try:
                        total += process.memory_info().rss
                    except psutil.Error:
                        continue
                tree = max(tree, total)
        except psutil.Error:
            pass
        if time.monotonic() > deadline:
            child.kill()
            raise TimeoutError(" ".join(command))
        time.sleep(0.02)
    elapsed = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}): {error[-500:]}")
    return elapsed, max(usage.ru_maxrss * 1024, tree)


#: inputs measured once more under another setting: the PDF read in one process
VARIANTS = {"yearbook.pdf, one process": ("yearbook.pdf", {"IPEXTRACT_PDF_PROCESSES": "1"})}


_PARSE = ("import sys, zipfile, lxml.html, lxml.etree\n"
          "data = open(sys.argv[1], 'rb').read()\n"
          "if data[:2] == b'PK':\n"
          "    lxml.etree.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))\n"
          "else:\n"
          "    lxml.html.document_fromstring(data)\n")


def records_of(output: Path) -> tuple[int, str]:
    """How many records, and a hash of them (the records, not the document block)."""
    digest = hashlib.sha256()
    count = 0
    for line in output.read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        records = document.get("records", [])
        count += len(records)
        digest.update(json.dumps(records, ensure_ascii=False, sort_keys=True).encode())
    return count, digest.hexdigest()[:12]


def measure(files: dict[str, Path], repeat: int,
            save: Callable[[str, dict[str, object]], None]) -> None:
    python = sys.executable
    reference = {"yearbook.pdf": ["pdftotext", "-enc", "UTF-8", "{file}", "{out}"],
                 "table.html": [python, "-c", _PARSE, "{file}"],
                 "table.docx": [python, "-c", _PARSE, "{file}"]}
    with tempfile.TemporaryDirectory() as scratch:
        result = Path(scratch) / "out.jsonl"
        runs: list[tuple[str, str, Path, dict[str, str]]] = [
            (name, name, path, {}) for name, path in files.items()]
        for variant, (name, env) in VARIANTS.items():
            if name in files:
                runs.insert([r[0] for r in runs].index(name) + 1,
                            (variant, name, files[name], env))
        for label, name, path, env in runs:
            row: dict[str, object] = {"bytes": path.stat().st_size}
            if name in reference:
                command = [a.format(file=path, out=Path(scratch) / "ref.txt")
                           for a in reference[name]]
                times = [run(command) for _ in range(repeat)]
                row["reference_s"] = min(t for t, _ in times)
                row["reference_mb"] = max(m for _, m in times) / 2**20
            times = []
            try:
                for _ in range(repeat):
                    times.append(run([python, "-m", "ipextract", "extract", str(path),
                                      "--format", "jsonl", "-o", str(result)], env=env))
            except (RuntimeError, TimeoutError) as exc:
                row["error"] = str(exc).rsplit(": ", 1)[-1].strip()[:120]
            else:
                row["extract_s"] = min(t for t, _ in times)
                row["peak_mb"] = max(m for _, m in times) / 2**20
                # (counted in a child: loading the records here would raise this process's
                # peak, which the next child inherits in its maxrss)
                counted = subprocess.run([python, __file__, "--count", str(result)], check=True,
                                         capture_output=True, text=True).stdout.split()
                row["records"], row["hash"] = int(counted[0]), counted[1]
            print(label, json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
            save(label, row)


def run_sampled(command: list[str], timeout: float = 3600) -> tuple[float, int, int, int]:
    """Wall-clock seconds, the peak resident bytes of the child itself (``os.wait4``), the
    largest peak any one of its worker processes reached (sampled every 50 ms with psutil:
    the workers are not this process's children, so their ``ru_maxrss`` is out of reach) and
    how many workers were seen."""
    import psutil

    started = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(child.pid)
    workers: dict[int, int] = {}
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        try:
            for worker in watched.children(recursive=True):
                try:
                    rss = worker.memory_info().rss
                except psutil.Error:
                    continue
                workers[worker.pid] = max(workers.get(worker.pid, 0), rss)
        except psutil.Error:
            pass
        if time.monotonic() > started + timeout:
            child.kill()
            raise TimeoutError(" ".join(command))
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        error = child.stderr.read().decode(errors="replace") if child.stderr else ""
        raise RuntimeError(f"{' '.join(command)} failed: {error[-500:]}")
    return elapsed, usage.ru_maxrss * 1024, max(workers.values(), default=0), len(workers)


def measure_ingest(files: dict[str, Path], save: Callable[[str, dict[str, object]], None]) -> None:
    """``ingest --jobs 2`` over a folder of the text inputs (the PDF and the DOCX too when
    ``--ingest-all``): the peak of each worker, which must stay under the bounds of one
    ``extract`` (a worker reads, extracts, validates and makes the rows of one document)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "in"
        folder.mkdir()
        for name, path in files.items():
            (folder / name).symlink_to(path)
        command = [sys.executable, "-m", "ipextract", "ingest", str(folder), "--db",
                   str(Path(scratch) / "x.duckdb"), "--jobs", "2", "--quiet",
                   "--time-limit", "0"]
        try:
            elapsed, parent, worker, workers = run_sampled(command)
        except (RuntimeError, TimeoutError) as exc:
            row: dict[str, object] = {"error": str(exc).rsplit(": ", 1)[-1].strip()[:120]}
        else:
            row = {"files": sorted(files), "bytes": sum(p.stat().st_size for p in files.values()),
                   "ingest_s": elapsed, "parent_mb": parent / 2**20,
                   "worker_peak_mb": worker / 2**20, "workers": workers}
        print("ingest --jobs 2", json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
        save("ingest", row)


# --- the report ----------------------------------------------------------------------------

WHAT = {
    "yearbook.pdf": "1,500-page text PDF",
    "yearbook.pdf, one process": "the same PDF read in one process",
    "yearbook.txt": "the same text as .txt",
    "table.html": "HTML, 60,000-row table",
    "table.txt": "the same table as .txt",
    "table.docx": "DOCX, 20,000-row table",
}
REFERENCE = {"yearbook.pdf": "pdftotext", "yearbook.pdf, one process": "pdftotext", "table.html": "lxml parse",
             "table.docx": "lxml parse of document.xml"}


def render(store: dict[str, dict[str, object]]) -> str:
    labels = list(store)
    intro = ("`python benchmarks/bench_yearbook.py --label LABEL --write` (generated files, "
             "cached in `benchmarks/.cache/`). `ipextract extract FILE --format jsonl` in a child "
             "process, timed wall-clock (best of the runs), peak memory its maximum resident set "
             "(with its PDF reading processes, the sum of theirs and its own, sampled); "
             "the reference reader runs in the same session. Records: how many, and whether "
             "the set is the same as under the first label (hash of the records' JSON).")
    lines = ["# Yearbooks (#19): time and peak memory", "", intro, ""]
    for label in labels:
        info = store[label].get("_info", {})
        lines.append(f"- **{label}**: {info.get('when', '')}, commit {info.get('commit', '?')}"
                     f"{', ' + str(info['note']) if info.get('note') else ''}")
    lines += ["", "| input | size | reference | "
              + " | ".join(f"{label}: time (× ref) | {label}: peak" for label in labels)
              + " | records |",
              "|---|---|---|" + "---|---|" * len(labels) + "---|"]
    first = store[labels[0]]
    for name, what in WHAT.items():
        rows = [store[label].get(name) for label in labels]
        some = next((r for r in rows if isinstance(r, dict)), None)
        if some is None:
            continue
        ref = next((r for r in reversed(rows) if isinstance(r, dict) and "reference_s" in r),
                   None)  # the latest run's reference
        ref_text = (f"{REFERENCE[name]}: {ref['reference_s']:.2f} s, {ref['reference_mb']:.0f} MB"
                    if ref else "—")
        cells = []
        for row in rows:
            if not isinstance(row, dict) or "error" in row:
                cells += [f"failed: {row['error']}" if isinstance(row, dict) else "—", "—"]
                continue
            ratio = (f" ({row['extract_s'] / row['reference_s']:.0f}×)"
                     if "reference_s" in row else "")
            per_mb = (f" ({row['peak_mb'] / (row['bytes'] / 2**20):.0f}/MB)"
                      if row.get("bytes") else "")
            cells += [f"{row['extract_s']:.1f} s{ratio}", f"{row['peak_mb']:.0f} MB{per_mb}"]
        base = first.get(name)
        records = []
        for label, row in zip(labels, rows):
            if isinstance(row, dict) and "records" in row:
                same = isinstance(base, dict) and row["hash"] == base.get("hash")
                records.append(f"{row['records']:,}" + ("" if label == labels[0] else
                                                         (" (same)" if same else " (differ)")))
        lines.append(f"| {what} | {some['bytes'] / 1e6:.1f} MB | {ref_text} | "
                     + " | ".join(cells) + f" | {' / '.join(records)} |")
    ingests = [(label, store[label]["ingest"]) for label in labels
               if isinstance(store[label].get("ingest"), dict)]
    if ingests:
        lines += ["", ("`ingest --jobs 2` over a folder of the inputs (`--time-limit 0`; "
                       "workers sampled every 50 ms with psutil):"), "",
                  "| label | files | time | parent peak | largest worker peak |",
                  "|---|---|---|---|---|"]
        for label, row in ingests:
            if "error" in row:
                lines.append(f"| {label} | — | failed: {row['error']} | — | — |")
                continue
            lines.append(f"| {label} | {', '.join(map(str, row['files']))} | "
                         f"{row['ingest_s']:.0f} s | {row['parent_mb']:.0f} MB | "
                         f"{row['worker_peak_mb']:.0f} MB ({row['workers']} workers) |")
    lines += ["", ("Peak memory per input size: the peak column's (N/MB) is the peak divided "
                   "by the input's size; the interpreter and its imports are about 70 MB of "
                   "every peak whatever the input (a one-line text peaks at 68 MB; until the "
                   "eighth label, when the segmentation dictionary was made whole at start-up, "
                   "about 150 MB).")]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="now")
    parser.add_argument("--note", default="")
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", nargs="*", choices=sorted(WHAT), help="only these inputs")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--ingest", nargs="*", choices=sorted(WHAT), metavar="INPUT",
                        help="also run ingest --jobs 2 over a folder of these inputs "
                             "(default with the flag alone: yearbook.txt, table.html)")
    parser.add_argument("--count", metavar="JSONL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.count:
        print(*records_of(Path(args.count)))
        return
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext is needed: apt-get install poppler-utils")
    files = generate(args.pages, args.rows)
    if args.only is not None:  # (--only alone: no extract runs, the ingest run only)
        files = {k: v for k, v in files.items() if k in args.only}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()
    info = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "commit": commit,
            "note": args.note}
    keep = args.pages == 1500 and args.rows == 60_000  # only the full sizes are stored
    store = json.loads(STORE.read_text(encoding="utf-8")) if keep and STORE.exists() else {}
    store.setdefault(args.label, {})["_info"] = info

    def save(name: str, row: dict[str, object]) -> None:
        store[args.label][name] = row
        if keep:
            STORE.write_text(json.dumps(store, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")

    measure(files, args.repeat, save)
    if args.ingest is not None:
        every = generate(args.pages, args.rows)
        chosen = args.ingest or ["yearbook.txt", "table.html"]
        measure_ingest({name: every[name] for name in chosen}, save)
    report = render(store)
    print(report)
    if args.write:
        RESULTS.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
