"""HTML: the article body of a government page, as blocks of text.

Navigation, scripts, styles, headers, footers and side bars are dropped; of what is left, the
element holding the most Chinese text is the article. Paragraphs, headings and list items
become blocks (a list item keeps a ``●`` bullet, as data lists are printed), a table row
becomes one line with ``|`` between its cells, and ``<br>`` a line break.
"""

from __future__ import annotations

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
    return len(_HAN.findall(element.text_content()))


def _names(element) -> str:  # type: ignore[no-untyped-def]
    return f"{element.get('class', '')} {element.get('id', '')}"


def _article(root):  # type: ignore[no-untyped-def]
    """The element that holds the article: the content-named element with the most Chinese
    text, if it holds most of the page's; else the body."""
    body = root.find(".//body")
    body = body if body is not None else root
    total = _han_count(body) or 1
    best, best_count = body, 0
    for element in body.iter("article", "main", "div", "section", "td"):
        if element.tag in ("article", "main") or _CONTENT_NAMES.search(_names(element)):
            count = _han_count(element)
            if count > best_count and count >= 0.5 * total:
                best, best_count = element, count
    return best


def _text(element) -> str:  # type: ignore[no-untyped-def]
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
    try:
        root = lxml.html.document_fromstring(text)
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
