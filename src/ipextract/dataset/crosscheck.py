"""Checks across documents: what one year's report says against the neighbouring year's.

Figures meet by SQL joins on (region, metric key, year) — never by comparing all pairs — and
are compared by the intervals their printed precision allows (``records.value_low/high``, from
``validate.tolerance``), so 1.20万 is anything in [11950, 12050]:

- ``growth_mismatch`` (error): a growth rate (同比增长10.0%) of a figure whose value last year,
  in another report of the same region, makes the growth something else beyond rounding
  (1.20万 → 1.50万 is 24.1–25.9%, not 10.0%). Growth stated against another base year
  (比2020年, 年均) is left alone. When last year's report gives the indicator several times, one
  agreeing figure is enough.
- ``revision`` (info): a figure for year Y that a later report restates differently.

Both are recomputed over the whole database after every ingest, in one transaction, and stored
in ``flags`` with ``scope = 'dataset'``, owned by the later document, naming both documents
(``document_ids``) and their records as ``<document_id>:r3``.
"""

from __future__ import annotations

import json
from typing import Any

from ..validate import CROSS_CHECK_CODES, CROSS_CHECK_SEVERITY
from ..validate.base import CheckSettings
from ..vocabulary.indicators import load_indicators
from .store import insert_rows

MIN_KEY = 3  # as validate.metrics.MIN_KEY: shorter names are too generic to join on
LEVEL_KINDS = ("count", "amount", "quantity")

# A figure the cross-document checks may compare: a result of the region as a whole — not a
# target or a forecast (a 2025 target is no revision of the 2025 result), not a sub-region's
# (scope), not an average over years (年均). A database made before schema 1.2 has no status or
# scope: its rows are read as before.
_RESULT = ("coalesce({t}.status, 'actual') NOT IN ('target', 'forecast') AND {t}.scope IS NULL "
           "AND {t}.context NOT LIKE '%年均%'")

_GROWTH_MISMATCHES = f"""
WITH growth AS (
    SELECT g.document_id, g.id AS growth_id, g.surface AS growth_surface,
           g.value_low AS growth_low, g.value_high AS growth_high,
           b.id AS base_id, b.surface AS base_surface, b.metric, b.metric_key, b.kind, b.unit,
           b.figure_year, b.value_low AS base_low, b.value_high AS base_high,
           d.region_key, d.source
    FROM records g
    JOIN records b ON b.document_id = g.document_id AND b.id = g."of"
    JOIN documents d ON d.document_id = g.document_id
    WHERE g.kind = 'growth' AND g.unit = '%' AND b.kind IN {LEVEL_KINDS}
      AND {_RESULT.format(t="g")} AND {_RESULT.format(t="b")}
      AND coalesce(g.basis, '') <> 'real' AND NOT list_contains(?, coalesce(b.indicator, ''))
      AND d.region_key IS NOT NULL AND b.figure_year IS NOT NULL
      AND length(b.metric_key) >= {MIN_KEY}
      AND g.context NOT LIKE '%年均%'
      AND coalesce(TRY_CAST(regexp_extract(g.context, '比((?:19|20)[0-9][0-9])年', 1) AS INTEGER),
                   b.figure_year - 1) = b.figure_year - 1
), pairs AS (
    SELECT growth.*, p.document_id AS prior_document_id, dp.source AS prior_source,
           p.id AS prior_id, p.surface AS prior_surface, p.start AS prior_start,
           (growth.base_low / p.value_high - 1) * 100 AS implied_low,
           (growth.base_high / p.value_low - 1) * 100 AS implied_high
    FROM growth
    JOIN records p ON p.metric_key = growth.metric_key AND p.kind = growth.kind
        AND p.unit = growth.unit AND p.figure_year = growth.figure_year - 1
        AND p.document_id <> growth.document_id
    JOIN documents dp ON dp.document_id = p.document_id AND dp.region_key = growth.region_key
    WHERE p.value_low > 0 AND {_RESULT.format(t="p")}
)
SELECT document_id, growth_id, prior_document_id,
       any_value(source), any_value(prior_source), any_value(region_key),
       any_value(metric), any_value(figure_year), any_value(growth_surface),
       any_value(base_id), any_value(base_surface),
       arg_min(prior_id, prior_start), arg_min(prior_surface, prior_start),
       arg_min(implied_low, prior_start), arg_min(implied_high, prior_start)
FROM pairs
GROUP BY document_id, growth_id, prior_document_id
HAVING NOT bool_or(growth_low < implied_high AND implied_low < growth_high)
ORDER BY document_id, growth_id, prior_document_id
"""

_REVISIONS = f"""
SELECT b.document_id, a.document_id, any_value(db.source), any_value(da.source),
       any_value(da.region_key), a.metric_key, a.kind, a.figure_year,
       arg_min(a.id, a.start), arg_min(a.surface, a.start),
       arg_min(b.id, b.start), arg_min(b.surface, b.start)
FROM records a
JOIN documents da ON da.document_id = a.document_id
JOIN records b ON b.metric_key = a.metric_key AND b.kind = a.kind AND b.unit = a.unit
    AND b.figure_year = a.figure_year AND b.document_id <> a.document_id
JOIN documents db ON db.document_id = b.document_id AND db.region_key = da.region_key
    AND db.year > da.year
WHERE a.figure_year = da.year AND a.kind IN {LEVEL_KINDS + ("growth",)}
  AND length(a.metric_key) >= {MIN_KEY} AND {_RESULT.format(t="a")} AND {_RESULT.format(t="b")}
GROUP BY b.document_id, a.document_id, a.metric_key, a.kind, a.figure_year
HAVING NOT bool_or(a.value_low < b.value_high AND b.value_low < a.value_high)
ORDER BY b.document_id, a.document_id, a.metric_key, a.kind
"""


def _growth_flag(row: tuple) -> tuple[str, str, str, list[str], list[str], dict[str, Any]]:
    (later, growth_id, earlier, source, prior_source, region, metric, year, growth_surface,
     base_id, base_surface, prior_id, prior_surface, implied_low, implied_high) = row
    message = (f"{region} {metric}: {year - 1}年 {prior_surface} ({prior_source}) → {year}年 "
               f"{base_surface} ({source}) is a growth of {implied_low:.2f}–{implied_high:.2f}%, "
               f"but the later report says {growth_surface}.")
    evidence = {"rule": "growth outside (value / last year's value - 1) × 100 over both "
                        "values' printed-precision intervals",
                "implied_growth_low": round(implied_low, 4),
                "implied_growth_high": round(implied_high, 4),
                "stated_growth": growth_surface, "value": base_surface,
                "previous_value": prior_surface}
    ids = [f"{earlier}:{prior_id}", f"{later}:{base_id}", f"{later}:{growth_id}"]
    return later, "growth_mismatch", message, [earlier, later], ids, evidence


def _revision_flag(row: tuple) -> tuple[str, str, str, list[str], list[str], dict[str, Any]]:
    (later, earlier, source, prior_source, region, key, kind, year, first_id, first_surface,
     restated_id, restated_surface) = row
    message = (f"{region} {key} ({kind}) for {year}: {first_surface} in {prior_source}, "
               f"restated as {restated_surface} in {source}.")
    evidence = {"rule": "same region, metric key, kind and year; printed-precision intervals "
                        "do not meet", "first": first_surface, "restated": restated_surface}
    ids = [f"{earlier}:{first_id}", f"{later}:{restated_id}"]
    return later, "revision", message, [earlier, later], ids, evidence


def cross_check(connection, settings: CheckSettings | None = None) -> int:
    """Recompute the dataset-scope flags over the whole database; how many there are now.

    ``settings`` switches either check off and overrides the severity of ``growth_mismatch``
    (``revision`` is a note, ``info``, as the passes of the per-document checks are)."""
    settings = settings or CheckSettings()
    found = []
    if settings.enabled("growth_mismatch"):
        # a growth at comparable prices (stated, or by the indicator's convention) is not the
        # ratio of two years' levels at current prices
        real = sorted(load_indicators().real_growth)
        found += [_growth_flag(row)
                  for row in connection.execute(_GROWTH_MISMATCHES, [real]).fetchall()]
    if settings.enabled("revision"):
        found += [_revision_flag(row) for row in connection.execute(_REVISIONS).fetchall()]
    numbers: dict[str, int] = {}
    rows: list[tuple] = []
    for owner, kind, message, documents, record_ids, evidence in found:
        numbers[owner] = numbers.get(owner, 0) + 1
        severity = CROSS_CHECK_SEVERITY[kind]
        if severity != "info":
            severity = settings.severity.get(kind, severity)
        rows.append((owner, f"x{numbers[owner]}", "dataset", kind, CROSS_CHECK_CODES[kind],
                     severity, message, documents, record_ids, "[]",
                     json.dumps(evidence, ensure_ascii=False)))
    connection.begin()
    try:
        connection.execute("DELETE FROM flags WHERE scope = 'dataset'")
        insert_rows(connection, "flags", rows)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return len(rows)
