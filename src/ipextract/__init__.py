"""ipextract: source-grounded indicator records from Chinese government reports.

>>> from ipextract import extract
>>> document = extract("全年知识产权质押融资金额达83.31亿元，同比增长56.3%。")
>>> [(r.metric, r.kind, str(r.value), r.unit) for r in document.records]
[('知识产权质押融资金额', 'amount', '8331000000', '元'), ('知识产权质押融资金额', 'growth', '56.3', '%')]
"""

from __future__ import annotations

from .models import Document, DocumentInfo, Flag, Record
from .pipeline import extract

__all__ = ["Document", "DocumentInfo", "Flag", "Record", "extract"]
__version__ = "0.1.0"
