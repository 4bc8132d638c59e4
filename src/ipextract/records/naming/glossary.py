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
# around the quoted name hold no figure: 城乡污水治理3个“三年行动” is a count, no term)
_ENTRY = regex.compile(r"[\s\u3000]*(?:[0-9]{1,3}\s*[.．、]\s*)?"
                       r"([^：:，,。；;\n“”0-9]{0,12}“[^”\n]{1,20}”[^：:，,。；;\n“”0-9]{0,12})[：:]")
_MARKS = str.maketrans("", "", "“”")


def term_of_glossary_entries(drafts: list[Draft], blocks: list[Block]) -> None:
    """Open the name of each figure of a glossary note with the term it defines, in place."""
    terms: dict[int, tuple[str, int] | None] = {}  # block → (term, where its definition opens)
    for index, draft in enumerate(drafts):
        figure = draft.figure
        if not draft.metric or draft.section == "table":
            continue
        if figure.block not in terms:
            found = _ENTRY.match(blocks[figure.block].text)
            terms[figure.block] = (found.group(1).translate(_MARKS), found.end()) if found else None
        entry = terms[figure.block]
        if entry is None or figure.lstart < entry[1]:
            continue  # (most figures: no note; a figure of the term's own name is no part of it)
        term = entry[0]
        if term in draft.metric or draft.metric in term:
            continue
        drafts[index] = replace(draft, metric=term + draft.metric)


__all__ = ["term_of_glossary_entries"]
