"""The tools compared with ipextract, behind one shape, and what the comparison feeds them.

Every adapter has a ``name`` and ``extract(text) -> list[(start, end, value)]``: character
offsets into ``text`` (end exclusive) and the value as a ``Decimal`` in the base unit
(13.38万 → 133800, 19.19% → 19.19), or ``None`` where the tool gives none.

- ``ipextract``: ``extract(text)`` end to end, validation and JSON serialisation included
  (``ipextract.output.to_json``); ``ipextract (validate=False)`` the same without the checks.
- ``JioNLP``: ``jionlp.ner.extract_money(text, with_parsing=True)``; money only. Offline: the
  only network code in jionlp is the back-translation API clients (``jionlp.textaug``), which
  are not used here.
- ``Recognizers-Text``: Microsoft Recognizers-Text for Python, ``Culture.Chinese``, the number,
  percentage, currency and dimension models over the whole text; overlapping results are merged
  (the longest span wins, so 12.5亿元 as currency beats 12.5亿 as a number); start/end are
  inclusive there and converted. Offline (compiled regexes only).
- ``regex floor``: one compiled ``regex`` pattern, number + optional 万/亿 + a unit, with the
  magnitude expanded; no filters.

Peak memory is measured in a fresh interpreter per tool: ``python benchmarks/competitors.py
--peak TOOL INPUT`` prints the peak resident set size in MB after one run.
"""

from __future__ import annotations

import decimal
import json
import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import regex

from ipextract.evaluate import FigureScore, Span

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PATH = ROOT / "corpora" / "wuhan-ip-2024.txt"
REAL = ROOT.parent / "shared" / "corpora" / "real" / "gov-work-reports-2026"


# ─── inputs ───────────────────────────────────────────────────────────────────────────────────

def sample() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")


def repeated_sample(megabytes: float) -> str:
    """The sample repeated (paragraph breaks between copies) to about ``megabytes`` MB."""
    text = sample()
    copies = max(1, round(megabytes * 1e6 / len(text.encode("utf-8"))))
    return "\n\n".join([text] * copies)


def real_reports() -> list[str]:
    """The 24 real provincial work reports in ../shared, or [] when they are not here."""
    return [p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))]


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


# ─── adapters ─────────────────────────────────────────────────────────────────────────────────

def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value).strip().rstrip("%")) if value is not None else None
    except InvalidOperation:
        return None


@dataclass
class Ipextract:
    validate: bool = True

    @property
    def name(self) -> str:
        return "ipextract" if self.validate else "ipextract (validate=False)"

    def __post_init__(self) -> None:
        from ipextract import extract  # imported here: the other tools' memory runs go without
        from ipextract.output import to_json

        self._extract, self._to_json = extract, to_json

    def extract(self, text: str) -> list[Span]:
        document = self._extract(text, validate=self.validate)
        self._to_json(document)
        return [(r.start, r.end, r.value) for r in document.records]


class JioNLP:
    name = "JioNLP extract_money"

    def __init__(self) -> None:
        import jionlp

        self._extract_money = jionlp.ner.extract_money

    def extract(self, text: str) -> list[Span]:
        found = self._extract_money(text, with_parsing=True)
        return [(m["offset"][0], m["offset"][1], _decimal(m.get("detail", {}).get("num"))) for m in found]


_RECOGNIZERS_PRECISION = 15


def _import_recognizers() -> tuple[object, object, object]:
    """Two fixes at import, here rather than in site-packages:

    - recognizers-text 1.0.2a2 imports ``emoji.UNICODE_EMOJI``, which emoji 2.0 removed; the
      dict of emoji it is used as a set of is ``emoji.EMOJI_DATA`` now;
    - recognizers_number sets the process-wide ``decimal`` precision to 15 when imported, which
      breaks exact arithmetic elsewhere in the process (ipextract raised InvalidOperation):
      the context is restored after the import and the models run in a local context with
      the precision they expect."""
    import emoji

    if not hasattr(emoji, "UNICODE_EMOJI"):
        emoji.UNICODE_EMOJI = emoji.EMOJI_DATA  # type: ignore[attr-defined]
    saved = decimal.getcontext().copy()
    try:
        from recognizers_number import Culture, NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
    finally:
        decimal.setcontext(saved)
    return Culture, NumberRecognizer, NumberWithUnitRecognizer


class Recognizers:
    name = "Recognizers-Text (zh)"

    def __init__(self) -> None:
        culture, number_recognizer, unit_recognizer = _import_recognizers()
        numbers = number_recognizer(culture.Chinese)
        units = unit_recognizer(culture.Chinese)
        self._models = [numbers.get_number_model(), numbers.get_percentage_model(),
                        units.get_currency_model(), units.get_dimension_model()]

    def extract(self, text: str) -> list[Span]:
        with decimal.localcontext() as context:
            context.prec = _RECOGNIZERS_PRECISION
            results = [r for model in self._models for r in model.parse(text)]
        results.sort(key=lambda r: (r.start - r.end, r.start))  # longest first
        taken: list[Span] = []
        for r in results:
            start, end = r.start, r.end + 1  # inclusive end there
            if any(start < e and s < end for s, e, _ in taken):
                continue
            taken.append((start, end, _decimal((r.resolution or {}).get("value"))))
        return sorted(taken, key=lambda s: s[0])


_MAGNITUDE = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "": Decimal(1)}
_UNITS = ["个百分点", "平方公里", "平方米", "千瓦时", "人次", "公里", "批次", "元", "%", "‰", "件", "个", "家",
          "人", "项", "次", "起", "所", "位", "倍", "吨", "亩", "户", "单", "名", "场", "年", "天", "月"]


class RegexFloor:
    """One compiled pattern, number + optional magnitude + unit, nothing else."""

    name = "regex floor"
    pattern = regex.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|亿|万)?(?:" + "|".join(map(regex.escape, _UNITS)) + ")")

    def extract(self, text: str) -> list[Span]:
        return [(m.start(), m.end(), Decimal(m.group(1)) * _MAGNITUDE[m.group(2) or ""])
                for m in self.pattern.finditer(text)]


TOOLS: dict[str, Callable[[], object]] = {
    "ipextract": Ipextract,
    "ipextract-novalidate": lambda: Ipextract(validate=False),
    "jionlp": JioNLP,
    "recognizers": Recognizers,
    "regex": RegexFloor,
}


def make(key: str):  # type: ignore[no-untyped-def]
    return TOOLS[key]()


# ─── figure F1 on the gold files ──────────────────────────────────────────────────────────────

def gold_documents() -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold rows) for each file in corpora/gold/."""
    documents = []
    for path in sorted((ROOT / "corpora" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / gold["source"]).read_text(encoding="utf-8")
        documents.append((path.stem, text, gold["records"]))
    return documents


def gold_scores(tool, kinds: frozenset[str] | None = None) -> tuple[FigureScore, FigureScore]:  # type: ignore[no-untyped-def]
    """(value-and-span score, span-only score) over all gold documents, summed (micro), by
    the gold tests' rule (``ipextract.evaluate``); ``kinds`` limits the gold rows to those
    kinds (everything the tool found still counts)."""
    with_values, spans_only = FigureScore(), FigureScore()
    for _, text, gold in gold_documents():
        rows = [row for row in gold if kinds is None or row["kind"] in kinds]
        found = tool.extract(text)
        with_values += FigureScore.of(found, rows)
        spans_only += FigureScore.of(found, rows, values=False)
    return with_values, spans_only


# ─── peak memory in a fresh process ───────────────────────────────────────────────────────────

INPUTS: dict[str, Callable[[], list[str]]] = {
    "sample-1mb": lambda: [repeated_sample(1.0)],
    "sample-100kb": lambda: [repeated_sample(0.1)],
    "real": real_reports,
}


def _peak_main(key: str, input_name: str) -> None:
    texts = INPUTS[input_name]()
    tool = make(key)
    for text in texts:
        tool.extract(text)
    print(json.dumps({"tool": key, "input": input_name, "peak_mb": round(_peak_kb() / 1024, 1)}))


def _peak_kb() -> int:
    """This process's peak RSS in kB: VmHWM (ru_maxrss after fork + exec on Linux can carry the
    parent's high-water mark), ru_maxrss where there is no /proc."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--peak":
        _peak_main(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: competitors.py --peak TOOL INPUT")
