"""The term a glossary note defines: ``4.“某某工程”：到2030年，…实施100个左右重大项目`` → the
projects are the programme's (某某工程实施重大项目). A report's notes (名词解释) define a term by
the figures of its programme, so each figure of a note that opens with its number, the term
(a quoted name in it) and a colon is the term's: its name opens with the term, unless it names
the term already. Read once every figure is named.

>>> from ipextract import extract
>>> [r.metric for r in extract("4.“强基工程”：实施重大项目100个。").records]
['强基工程实施重大项目']
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ...blocks import Block
from ..base import Draft

# a note's opening: its number, the term with a quoted name in it, and a colon (the words
# around the quoted name hold no figure: 城乡污水治理3个“三年行动” is a count, no term); the
# number may be left out only where the block opens with the note
_TERM = r"([^：:，,。；;\n“”0-9]{0,12}“[^”\n]{1,20}”[^：:，,。；;\n“”0-9]{0,12})[：:]"
_FIRST_ENTRY = regex.compile(r"[\s\u3000]*(?:[0-9]{1,3}\s*[.．、]\s*)?" + _TERM)
# (a later note of the same block, where a layout joined the notes' lines, the line break
# lost: …具体路径32.“某某”政策：…; with its number, which no figure's digits run into)
_LATER_ENTRY = regex.compile(r"(?<![0-9.．])[0-9]{1,3}\s*[.．、]\s*" + _TERM)
_MARKS = str.maketrans("", "", "“”")


def _entries(text: str) -> list[tuple[int, str]]:
    """The notes a block holds: where each one's definition opens, and its term."""
    first = _FIRST_ENTRY.match(text)
    found = [first] if first is not None else []
    found.extend(_LATER_ENTRY.finditer(text, first.end() if first is not None else 0))
    return [(entry.end(), entry.group(1).translate(_MARKS)) for entry in found]


def term_of_glossary_entries(drafts: list[Draft], blocks: list[Block]) -> None:
    """Open the name of each figure of a glossary note with the term it defines, in place."""
    terms: dict[int, list[tuple[int, str]]] = {}  # block → its notes (definition's start, term)
    for index, draft in enumerate(drafts):
        figure = draft.figure
        if not draft.metric or draft.section == "table":
            continue
        if figure.block not in terms:
            terms[figure.block] = _entries(blocks[figure.block].text) if (
                "“" in blocks[figure.block].text) else []
        # (the nearest note opened before the figure; a figure of a term's own name is no part
        # of its note)
        term = next((term for start, term in reversed(terms[figure.block]) if start <= figure.lstart), "")
        if not term or term in draft.metric or draft.metric in term:
            continue  # (most figures: no note)
        drafts[index] = replace(draft, metric=term + draft.metric)


__all__ = ["term_of_glossary_entries"]
