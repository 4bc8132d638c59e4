"""Check settings from a TOML file and the command line.

```toml
min_significant_digits = 4
[checks]
ambiguous_attachment = false
[severity]
duplicate_figure = "error"
```
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from ..errors import UsageError
from .base import CheckSettings


def load_settings(path: str | None = None, *, disable: list[str] | None = None,
                  enable: list[str] | None = None) -> CheckSettings:
    data: dict = {}
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise UsageError(path, "no such config file") from exc
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(path, f"not valid TOML ({exc})") from exc
    checks = dict(data.get("checks", {}))
    checks.update({name: False for name in disable or []})
    checks.update({name: True for name in enable or []})
    data["checks"] = checks
    try:
        return CheckSettings(**data)
    except ValidationError as exc:
        raise UsageError(path or "settings", f"invalid: {exc.errors()[0]['msg']} "
                         f"at {'.'.join(map(str, exc.errors()[0]['loc']))}") from exc
