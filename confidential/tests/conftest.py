"""Fixtures of the confidential tests: a cheaper scrypt (the cost is a setting) and a worker run."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fast_scrypt(settings: Any) -> None:
    settings.CONFIDENTIAL_SCRYPT_N = 2**10
