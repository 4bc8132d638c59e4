"""Reading a review page back, for the tests: a strict parser and small document builders."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

from ipextract.models import Document, DocumentInfo, Flag, Record


def record(record_id: str, text: str, start: int, end: int, **fields: object) -> Record:
    """A record over ``text[start:end]`` (the renderer reads only ids, offsets and labels)."""
    values: dict[str, object] = {"metric": "指标", "kind": "count", "value": Decimal(1), "unit": "件",
                                 "context": text}
    values.update(fields)
    return Record(id=record_id, surface=text[start:end], start=start, end=end, **values)  # type: ignore[arg-type]


def flag(flag_id: str, spans: list[tuple[int, int]], severity: str = "warning",
         record_ids: tuple[str, ...] = ()) -> Flag:
    return Flag(id=flag_id, kind="conflict", severity=severity, message=f"{flag_id} message",  # type: ignore[arg-type]
                spans=spans, record_ids=list(record_ids))


def document(text: str, records: Sequence[Record] = (), flags: Sequence[Flag] = ()) -> Document:
    info = DocumentInfo(sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), chars=len(text))
    return Document(document=info, records=list(records), flags=list(flags), text=text)


class Page(HTMLParser):
    """The parts of a page the tests check, read with a parser that fails on any misnesting.

    ``text``: the document text as shown; ``covered[attr][value]``: the text inside the
    elements carrying ``attr="value"`` (all parts joined); ``elements[attr][value]``: how many
    such elements; ``tags``: every start tag of the page; ``scripts``: each script's body."""

    _VOID = frozenset({"meta", "link", "br", "img", "input", "hr"})
    _TRACKED = ("data-record-id", "data-flag-span")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.covered: dict[str, dict[str, str]] = defaultdict(lambda: defaultdict(str))
        self.elements: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.parts = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._text_depth: int | None = None

    @classmethod
    def read(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        page.close()
        assert not page._stack, f"unclosed elements: {[t for t, _ in page._stack]}"
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in self._VOID:
            return
        self._stack.append((tag, attributes))
        if tag == "script":
            self.scripts.append((attributes, ""))
        if attributes.get("id") == "text":
            self._text_depth = len(self._stack)
        elif self._text_depth is not None:
            self.parts += "data-part" in attributes
            for name in self._TRACKED:
                if name in attributes:
                    self.elements[name][attributes[name] or ""] += 1

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1][0] == tag, f"</{tag}> closes {self._stack[-1:]}"
        if self._text_depth == len(self._stack):
            self._text_depth = None
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][0] == "script":
            attributes, body = self.scripts[-1]
            self.scripts[-1] = (attributes, body + data)
        if self._text_depth is None:
            return
        self.text += data
        for _, attributes in self._stack[self._text_depth:]:
            for name in self._TRACKED:
                if name in attributes:
                    self.covered[name][attributes[name] or ""] += data

    def data(self) -> dict[str, Any]:
        """The JSON block the script reads."""
        blocks = [body for attributes, body in self.scripts if attributes.get("type") == "application/json"]
        assert len(blocks) == 1
        return json.loads(blocks[0])
