"""What extract promises about the process it runs in."""

from __future__ import annotations

import decimal
import gc
from decimal import Decimal

import pytest

from ipextract import extract


@pytest.mark.parametrize("enabled", [True, False])
def test_extract_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        assert extract("专利授权量1.2万件，同比增长5%。").records
        assert gc.isenabled() is enabled
        with pytest.raises(TypeError):
            extract(None)  # type: ignore[arg-type]
        assert gc.isenabled() is enabled, "an error inside extract must restore it too"
    finally:
        gc.enable()


def test_values_stay_exact_when_another_library_lowered_the_decimal_precision() -> None:
    with decimal.localcontext(prec=5):
        records = extract("涉案金额达1234567.89亿元，另有13.38万件。").records
    assert [r.value for r in records] == [Decimal(123456789000000), Decimal(133800)]
