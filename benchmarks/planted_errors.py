"""Planted-error benchmark for the validator.

Takes the clean documents of ``corpora/`` (every one but the Wuhan sample, whose faults are
real), plants one error at a time, and reports, per class, how many plants a flag of the
expected kind catches (a warning or error whose spans touch the planted spot), and the alarms
raised on the clean originals.

    python benchmarks/planted_errors.py            # table on stdout
    python benchmarks/planted_errors.py --json     # machine-readable

The plants are chosen from the hand-written gold files (not from the program's output), except
that share plants are limited to shares whose whole the document states (a share of an unnamed
total cannot be checked by anyone).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ipextract import extract
from ipextract.validate.arithmetic import checked_triples
from ipextract.validate.base import CheckInput
from ipextract.validate.metrics import related_metric
from ipextract.vocabulary.lexicon import cut

CLEAN = ("changsha-bulletin-2023", "zhejiang-ip-2024", "hefei-news-2024")
EXPECTED = {
    "restatement_digit": "conflict",
    "magnitude_swap": "conflict",
    "share_altered": "share_mismatch",
    "growth_copied": "duplicate_figure",
    "doubled_character": "typo",
    "figure_to_xianzhu": "missing_figure",
    "triple_growth_altered": "change_mismatch",
}


@dataclass(frozen=True)
class Plant:
    cls: str
    document: str
    text: str
    spot: tuple[int, int]  # the planted span in the new text
    note: str


def _replace(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return text[:start] + new + text[end:], (start, start + len(new))


def _digit_variants(surface: str) -> Iterator[str]:
    """The surface with one digit changed (each digit position once)."""
    for index, char in enumerate(surface):
        if char.isdigit():
            new = str((int(char) + 1) % 10)
            if index == 0 and new == "0":
                new = "8"  # a leading 9 becomes 8, never 0
            yield surface[:index] + new + surface[index + 1:]


def _restatements(gold: list[dict]) -> Iterator[tuple[dict, dict]]:
    for i, first in enumerate(gold):
        for second in gold[i + 1:]:
            if (first["value"] == second["value"] and first["unit"] == second["unit"]
                    and first["kind"] == second["kind"] and first["kind"] != "rank"
                    and related_metric(first["metric"], second["metric"])):
                yield first, second


def plants_for(name: str, text: str, gold: list[dict], rng: random.Random) -> list[Plant]:
    plants: list[Plant] = []
    # 1, 2: a restated figure changed in one of its places
    for first, second in _restatements(gold):
        for variant in _digit_variants(second["surface"]):
            new_text, spot = _replace(text, second["start"], second["end"], variant)
            plants.append(Plant("restatement_digit", name, new_text, spot,
                                f"{second['surface']} → {variant} (restates {first['surface']})"))
        for old, new in (("亿", "万"), ("万", "亿")):
            if old in second["surface"]:
                variant = second["surface"].replace(old, new, 1)
                new_text, spot = _replace(text, second["start"], second["end"], variant)
                plants.append(Plant("magnitude_swap", name, new_text, spot,
                                    f"{second['surface']} → {variant}"))
    # 3: a checkable share altered
    checked = {tuple(f.spans[-1]) for f in extract(text).flags
               if f.kind == "share_mismatch" and f.severity == "info"}
    for record in gold:
        if record["kind"] == "share" and (record["start"], record["end"]) in checked:
            for variant in list(_digit_variants(record["surface"]))[:3]:
                new_text, spot = _replace(text, record["start"], record["end"], variant)
                plants.append(Plant("share_altered", name, new_text, spot,
                                    f"{record['surface']} → {variant}"))
    # 4: a distinctive growth rate copied onto another indicator's growth
    growths = [r for r in gold if r["kind"] == "growth" and r["unit"] == "%"
               and r["qualifier"] == "exact" and not r["surface"].startswith("-")]
    # a slip copies a nearby figure: the targets are the next growths after the source
    for index, source in enumerate(growths):
        if len(source["value"].replace(".", "").lstrip("-0").rstrip("0")) < 3:
            continue
        targets = [r for r in growths[index + 1: index + 4]
                   if not related_metric(r["metric"], source["metric"])
                   and r["value"] != source["value"]]
        for target in targets:
            new_text, spot = _replace(text, target["start"], target["end"], source["surface"])
            plants.append(Plant("growth_copied", name, new_text, spot,
                                f"{source['surface']} copied onto {target['metric']}"))
    # 5: a character doubled at the start of a word
    for record in rng.sample(gold, min(12, len(gold))):
        sentence_start = max(text.rfind("。", 0, record["start"]), text.rfind("\n", 0,
                                                                             record["start"])) + 1
        words, position = [], sentence_start
        for word in cut(text[sentence_start: record["start"]]):
            if len(word) >= 2 and "\u4e00" <= word[0] <= "\u9fff" and word[0] != word[1]:
                words.append((position, word))
            position += len(word)
        if words:
            position, word = rng.choice(words)
            new_text, spot = _replace(text, position, position, word[0])
            plants.append(Plant("doubled_character", name, new_text, (position, position + 2),
                                f"{word} → {word[0]}{word}"))
    # 6: a growth figure replaced by 显著
    for record in gold:
        if record["kind"] == "growth" and record["unit"] == "%" and text[
                record["start"] - 2: record["start"]] == "增长":
            new_text, spot = _replace(text, record["start"], record["end"], "显著")
            plants.append(Plant("figure_to_xianzhu", name, new_text,
                                (spot[0] - 2, spot[1]), f"增长{record['surface']} → 增长显著"))
    # 7: the growth of a level/change/growth triple that change_mismatch checks, altered by
    # one in its first printed digit (a slip a reader of the triple would see)
    document = extract(text)
    for level, _change, growth in checked_triples(CheckInput(document.records, text, [])):
        surface = growth.surface
        for index, char in enumerate(surface):
            if char.isdigit():
                for new in sorted({str((int(char) + 2) % 10), str((int(char) + 5) % 10)}):
                    if index == 0 and new == "0":
                        continue
                    variant = surface[:index] + new + surface[index + 1:]
                    new_text, spot = _replace(text, growth.start, growth.end, variant)
                    plants.append(Plant("triple_growth_altered", name, new_text, spot,
                                        f"{surface} → {variant} (growth of {level.surface})"))
                break
    return plants


def caught(plant: Plant) -> bool:
    kind = EXPECTED[plant.cls]
    for flag in extract(plant.text).flags:
        if flag.kind != kind or flag.severity == "info":
            continue
        if any(start < plant.spot[1] and plant.spot[0] < end for start, end in flag.spans):
            return True
    return False


def run(seed: int = 7) -> dict:
    rng = random.Random(seed)
    results: dict[str, dict[str, int]] = {cls: {"plants": 0, "caught": 0} for cls in EXPECTED}
    false_alarms: list[str] = []
    missed: list[str] = []
    for name in CLEAN:
        text = (ROOT / "corpora" / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((ROOT / "corpora" / "gold" / f"{name}.json").read_text(
            encoding="utf-8"))["records"]
        for flag in extract(text).flags:
            if flag.severity != "info":
                false_alarms.append(f"{name}: {flag.kind}: {flag.message}")
        for plant in plants_for(name, text, gold, rng):
            results[plant.cls]["plants"] += 1
            if caught(plant):
                results[plant.cls]["caught"] += 1
            else:
                missed.append(f"{plant.cls} {name}: {plant.note}")
    total = sum(r["plants"] for r in results.values())
    total_caught = sum(r["caught"] for r in results.values())
    return {"classes": results, "plants": total, "caught": total_caught,
            "rate": total_caught / total if total else 0.0, "false_alarms": false_alarms,
            "missed": missed, "seed": seed}


def _table(report: dict) -> str:
    lines = ["| class | expected flag | plants | caught | rate |", "|---|---|---|---|---|"]
    for cls, row in report["classes"].items():
        rate = row["caught"] / row["plants"] if row["plants"] else 0
        lines.append(f"| {cls} | {EXPECTED[cls]} | {row['plants']} | {row['caught']} | "
                     f"{rate:.1%} |")
    lines.append(f"| **all** | | {report['plants']} | {report['caught']} | "
                 f"{report['rate']:.1%} |")
    lines.append("")
    lines.append(f"False alarms on the {len(CLEAN)} clean originals: "
                 f"{len(report['false_alarms'])}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-missed", action="store_true")
    args = parser.parse_args()
    report = run(args.seed)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        return
    print(_table(report))
    if args.show_missed:
        print("\n".join(["", "Missed:", *report["missed"], "", "False alarms:",
                         *report["false_alarms"]]))


if __name__ == "__main__":
    main()
