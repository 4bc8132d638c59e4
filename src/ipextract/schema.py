"""The JSON Schema of ``extract``'s output, generated from the models.

``python -m ipextract.schema > schemas/document.schema.json`` regenerates the committed file;
``tests/test_schema.py`` fails when it is stale.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from .models import SCHEMA_VERSION, Document


def document_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(mode="serialization")
    schema["$id"] = f"https://ipextract.invalid/schemas/document-{SCHEMA_VERSION}.schema.json"
    schema["title"] = "ipextract document"
    return schema


if __name__ == "__main__":
    sys.stdout.write(json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n")
