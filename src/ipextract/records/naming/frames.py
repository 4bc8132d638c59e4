"""Counts written inside a frame of what was there before (在…基础上): the things a count adds
are the frame's, named with the verb after it and the subject before it.

“放心消费”在完成全省部署的20个事项基础上又推出8个 counts 事项 that 放心消费 added: the words left
of the count (``事项基础上又推出``) hold the frame's last noun, 基础上, an adverb of repetition and
the verb; the name is the subject, the verb and the noun (``放心消费推出事项``).
"""

from __future__ import annotations

import regex

from ...vocabulary.lexicon import pos_tag
from ..base import _NOMINAL_TAGS, _QUOTES, _tokens

# the things before 基础上 (的 between), a mark, an adverb of repetition and the verb after it
_ON_THE_BASIS = regex.compile(r"^(?P<things>\p{Han}{2,10}?)的?基础上[，,]?(?:又|再|还|另)?(?P<verb>\p{Han}{2,4})$")
_FRAME_OPENING = "在"  # 在…基础上: the frame, after the subject


def things_added_on_a_basis(left: str, clause: str) -> str:
    """The name of a count whose left words close a 在…基础上 frame with a verb (see the module);
    ``""`` when they do not.

    >>> things_added_on_a_basis("事项基础上又推出", "“放心消费”在完成全省部署的20个事项基础上又推出")
    '放心消费推出事项'
    >>> things_added_on_a_basis("事项基础上又推出", "在20个事项基础上又推出")
    '推出事项'
    """
    if "基础上" not in left:
        return ""  # (most names: told on the characters)
    found = _ON_THE_BASIS.match(left)
    if found is None:
        return ""
    things, verb = _tokens(found.group("things")), found.group("verb")
    if not things or not pos_tag(things[-1]).startswith(_NOMINAL_TAGS) or not pos_tag(verb).startswith("v"):
        return ""
    # (the subject: the words before the frame's 在 at the clause's start, its quotes off; a
    # quoted name whatever its words, “高效办成一件事”, else nouns alone)
    at = clause.find(_FRAME_OPENING)
    written = clause[:at].strip() if at > 0 else ""
    subject = _QUOTES.sub("", written)
    quoted = _QUOTED_NAME.fullmatch(written) is not None
    if subject and not quoted and not all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in _tokens(subject)):
        subject = ""
    return subject + verb + things[-1]


_QUOTED_NAME = regex.compile(r"“[^“”]{2,16}”")


__all__ = ["things_added_on_a_basis"]
