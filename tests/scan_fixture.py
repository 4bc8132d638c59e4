"""Scans made by the suite: a PDF typeset by ``pdf_fixture`` rendered to page images and put
back together as an image-only PDF, the way a scanner's PDF looks: each page an image at
``dpi``, turned by a slight ``angle`` (a sheet laid a little askew), with speckle noise (dust,
toner). Needs pypdfium2 and Pillow (the ``[ocr]`` extra).

``align`` and ``score_scan`` score what OCR read against the gold of the text it was typeset
from: OCR'd text has its own offsets, so each record's span is carried over to the original text
by a character alignment before the gold rule (``ipextract.evaluate``: spans overlap, values
equal) is applied. A value OCR got wrong is a miss (and the wrong record an extra).
"""

from __future__ import annotations

import io
import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ipextract.evaluate import DocumentScore, score_document


def scan_pdf(pdf: bytes | Path, dpi: int = 300, *, angle: float = 0.4, noise: float = 0.002,
             seed: int = 1, pages: Sequence[int] | None = None) -> bytes:
    """An image-only PDF of ``pdf``: each page (or the 1-based ``pages``) rendered at ``dpi``,
    grey, turned by ``angle`` degrees, with ``noise`` of its pixels flipped to black or white."""
    import pypdfium2 as pdfium
    from PIL import Image

    rnd = random.Random(seed)
    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes())
    numbers = list(pages) if pages is not None else list(range(1, len(document) + 1))
    images = []
    for number in numbers:
        page = document[number - 1]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        page.close()
        if angle:
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        pixels = image.load()
        assert pixels is not None
        width, height = image.size
        for _ in range(int(width * height * noise)):
            pixels[rnd.randrange(width), rnd.randrange(height)] = rnd.choice((0, 40, 255))
        images.append(image)
    document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out.getvalue()


def blank_scan(pages: int, dpi: int = 100, *, size: tuple[float, float] = (300.0, 440.0)) -> bytes:
    """An image-only PDF of ``pages`` pages, each the same speckled image with a black bar (not
    blank to the eye, so every page is handed to OCR)."""
    from PIL import Image, ImageDraw

    width, height = round(size[0] * dpi / 72), round(size[1] * dpi / 72)
    image = Image.new("L", (width, height), 255)
    ImageDraw.Draw(image).rectangle((width // 5, height // 3, width * 4 // 5, height // 3 + 12), 0)
    out = io.BytesIO()
    image.save(out, "PDF", save_all=True, append_images=[image] * (pages - 1),
               resolution=float(dpi))
    return out.getvalue()


@dataclass
class Aligned:
    """Offsets of one text carried over to another that is mostly the same."""

    starts: list[int]  # a matching block starts here in the first text…
    targets: list[int]  # …and here in the second
    lengths: list[int]

    def carry(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        inside = min(offset - self.starts[i], self.lengths[i])
        return self.targets[i] + inside


def align(read: str, original: str) -> Aligned:
    """A character alignment of ``read`` (OCR'd) with ``original``."""
    blocks = SequenceMatcher(None, read, original, autojunk=False).get_matching_blocks()
    return Aligned([b.a for b in blocks], [b.b for b in blocks], [b.size for b in blocks])


@dataclass
class Carried:
    """A record with its span carried over to the original text (what ``score_document``
    reads)."""

    record: Any
    start: int
    end: int

    def __getattr__(self, name: str) -> Any:
        return getattr(self.record, name)


def score_scan(name: str, records: Sequence[Any], read: str, original: str,
               gold: Sequence[Any]) -> DocumentScore:
    """The gold score of ``records`` found in ``read`` (OCR'd text of ``original``)."""
    aligned = align(read, original)
    carried = []
    for record in records:
        start = aligned.carry(record.start)
        end = max(start + 1, aligned.carry(record.end - 1) + 1)
        carried.append(Carried(record, start, end))
    return score_document(name, carried, gold)
