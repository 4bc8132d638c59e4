"""HTML: the article body of a government page, as blocks of text.

Navigation, scripts, styles, headers, footers and side bars are dropped; of what is left, the
element holding the most Chinese text is the article. Paragraphs, headings and list items
become blocks (a list item keeps a ``●`` bullet, as data lists are printed), a table row
becomes one line with ``|`` between its cells, and ``<br>`` a line break.

libxml2 stops at 256 levels of nesting (2,048 with ``huge_tree``) and drops what lies deeper.
A page nested deeper (a generated page, 20,000 ``<div>`` deep) is read again by Python's own
HTML parser, into a tree that keeps every block, cell and list element but none of the wrappers
(``div``, ``span``, ``font``…) below a depth of :data:`MAX_WRAPPERS`.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import regex

from ..errors import InputError
from .base import Source
from .text import decode

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "button", "select", "svg", "template")
_DROP_NAMES = regex.compile(r"nav|menu|footer|header|breadcrumb|crumb|sidebar|share|copyright|"
                            r"banner|toolbar|related|pagination|login|search", regex.IGNORECASE)
_CONTENT_NAMES = regex.compile(r"content|article|main|trs_editor|detail|text|zoom|body",
                               regex.IGNORECASE)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre",
               "figcaption", "caption", "dt", "dd"}
_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", regex.IGNORECASE)
_HAN = regex.compile(r"\p{Han}")
_SPACES = regex.compile(r"[ \t\r\f\v\u3000\xa0]+")


def _decode_html(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    if encoding is None:
        declared = _CHARSET.search(data[:4096])
        if declared:
            label = declared.group(1).decode("ascii").lower()
            label = {"gb2312": "gb18030", "gbk": "gb18030"}.get(label, label)
            try:
                return data.decode(label), label
            except (UnicodeDecodeError, LookupError):
                pass  # the page lies about its charset: detect instead
    return decode(data, name, encoding)


def _han_count(element) -> int:  # type: ignore[no-untyped-def]
    text = element.text_content()
    return len(text) - len(_HAN.sub("", text))


def _names(element) -> str:  # type: ignore[no-untyped-def]
    return f"{element.get('class', '')} {element.get('id', '')}"


def _candidates(element):  # type: ignore[no-untyped-def]
    import lxml.etree

    global _CANDIDATES
    _CANDIDATES = lxml.etree.XPath(
        ".//*[self::article or self::main or ((self::div or self::section or self::td)"
        " and (@class or @id))]")
    return _CANDIDATES(element)


#: the elements that may hold the article, in document order (compiled when first used)
_CANDIDATES = _candidates


def _article(root):  # type: ignore[no-untyped-def]
    """The element that holds the article: the content-named element with the most Chinese
    text, if it holds most of the page's; else the body."""
    body = root.find(".//body")
    body = body if body is not None else root
    total = _han_count(body) or 1
    best, best_count = body, 0
    # (a div, section or td without a class or an id has no name to match: not asked)
    for element in _CANDIDATES(body):
        if element.tag in ("article", "main") or _CONTENT_NAMES.search(_names(element)):
            count = _han_count(element)
            if count > best_count and count >= 0.5 * total:
                best, best_count = element, count
    return best


def _text(element) -> str:  # type: ignore[no-untyped-def]
    if not len(element):  # no children: its text is all (the common table cell)
        return _SPACES.sub(" ", element.text or "").strip()
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


def _blocks(root) -> list[str]:  # type: ignore[no-untyped-def]
    blocks: list[str] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "tr":
            cells = [_text(cell) for cell in element if isinstance(cell.tag, str)
                     and cell.tag in ("td", "th")]
            if any(cells):
                blocks.append(" | ".join(cells))
            return
        if tag == "li":
            text = _text(element)
            if text:
                blocks.append("●" + text)
            return
        if tag in _BLOCK_TAGS:
            blocks.extend(_lines(element))
            return
        if element.text and element.text.strip() and tag not in ("table", "tbody", "ul", "ol"):
            blocks.append(_SPACES.sub(" ", element.text).strip())
        for child in element:
            walk(child)
            if child.tail and child.tail.strip():
                blocks.append(_SPACES.sub(" ", child.tail).strip())

    walk(root)
    return [block for block in blocks if block]


def _lines(element) -> list[str]:  # type: ignore[no-untyped-def]
    """A block's text, split where it has <br>."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [_SPACES.sub(" ", line).strip() for line in element.text_content().split("\n")
            if line.strip()]


def read_html(data: bytes, name: str, encoding: str | None = None) -> Source:
    try:
        import lxml.html
    except ImportError as exc:
        raise InputError(name, "reading HTML needs the [formats] extra: "
                         "pip install 'ipextract[formats]'") from exc
    text, used = _decode_html(data, name, encoding)
    parser = lxml.html.HTMLParser()  # lxml.html's default parser, with an error log of its own
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
        if any("Excessive depth" in error.message for error in parser.error_log):
            root = _shallow_tree(text, lxml.html.HTMLParser())
    except Exception as exc:  # lxml raises several types for hopeless markup
        raise InputError(name, f"not readable HTML ({type(exc).__name__})") from exc
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in list(root.iter("div", "ul", "section", "table", "p", "span")):
        if element.getparent() is not None and _DROP_NAMES.search(_names(element)) and (
            not _CONTENT_NAMES.search(_names(element))
        ):
            element.drop_tree()
    article = _article(root)
    blocks = _blocks(article)
    heading = root.find(".//h1")
    title = _text(heading) if heading is not None else ""
    if not title:
        title_element = root.find(".//title")
        title = _text(title_element) if title_element is not None else ""
    if title and (not blocks or title not in blocks[0]):
        blocks.insert(0, title)
    if not blocks:
        raise InputError(name, "no article text found in the HTML")
    return Source(name=name, text="\n\n".join(blocks) + "\n", encoding=used, format="html")


#: below this depth a wrapper element (one not in :data:`_STRUCTURE`) is left out of the tree
#: built by :func:`_shallow_tree`, its content going to its parent; below twice this depth every
#: element is (the tree is walked recursively)
MAX_WRAPPERS = 100
#: what the reader looks at: blocks, table and list structure, what is dropped, the title
_STRUCTURE = frozenset({*_BLOCK_TAGS, *_DROP_TAGS, "html", "head", "body", "title", "table",
                        "thead", "tbody", "tfoot", "td", "th", "ul", "ol", "dl", "br", "article",
                        "main"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
#: an open element that a start tag closes (HTML's implied end tags, the common ones)
_CLOSED_BY = {"p": frozenset({"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
                              "h6", "section", "article", "blockquote", "pre", "dl"}),
              "li": frozenset({"li"}), "tr": frozenset({"tr"}), "td": frozenset({"td", "th", "tr"}),
              "th": frozenset({"td", "th", "tr"}), "dt": frozenset({"dt", "dd"}),
              "dd": frozenset({"dt", "dd"})}
#: how far back an end tag looks for the element it closes
_END_SEARCH = 64


class _ShallowBuilder(HTMLParser):
    """Python's HTML parser (no depth limit) feeding an lxml tree builder; see ``_shallow_tree``.

    ``stack`` holds the open tags, each with whether it is in the tree (a wrapper too deep is
    not); ``depth`` counts those in the tree."""

    def __init__(self, builder: Any) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.stack: list[tuple[str, bool]] = [("html", True)]
        self.depth = 1
        builder.start("html", {})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            return
        while len(self.stack) > 1 and tag in _CLOSED_BY.get(self.stack[-1][0], ()):
            self._pop()
        kept = self.depth < MAX_WRAPPERS or (tag in _STRUCTURE and self.depth < 2 * MAX_WRAPPERS)
        if kept:
            self.builder.start(tag, {k: v or "" for k, v in attrs})
        if tag in _VOID:
            if kept:
                self.builder.end(tag)
            return
        self.stack.append((tag, kept))
        self.depth += kept

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for back in range(len(self.stack) - 1, max(0, len(self.stack) - _END_SEARCH), -1):
            if self.stack[back][0] == tag:
                while len(self.stack) > back:
                    self._pop()
                return  # (an end tag with nothing open to close is left out, as browsers do)

    def _pop(self) -> None:
        tag, kept = self.stack.pop()
        if kept:
            self.builder.end(tag)
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.builder.data(data)

    def finish(self) -> Any:
        self.close()
        while self.stack:
            self._pop()
        return self.builder.close()


def _shallow_tree(text: str, parser: Any):  # type: ignore[no-untyped-def]
    """The page as a tree no deeper than about ``2 * MAX_WRAPPERS``: what lxml.html would give,
    except that wrappers deep down are left out (their text and children go to their parent)."""
    import lxml.etree

    builder = _ShallowBuilder(lxml.etree.TreeBuilder(parser=parser))
    builder.feed(text)
    return builder.finish()
