"""Shared fixtures for the citation tests: one Citer (and so one citeproc-js runtime) per session.

Tests that format citations need citeproc-js installed by the set-up step; when it is missing they
fail with the message that says how to install it (they are never skipped silently).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from reader.cite.engine import find_citeproc_js
from reader.cite.facade import Citer
from reader.errors import CitationError


@pytest.fixture(scope="session")
def citer() -> Iterator[Citer]:
    try:
        find_citeproc_js()
    except CitationError as exc:
        pytest.fail(str(exc), pytrace=False)
    with Citer() as shared:
        yield shared


@pytest.fixture
def prio_item() -> dict[str, Any]:
    """The record the issue gives expected strings for."""
    return {
        "type": "post-weblog",
        "title": "Shadow of Anchorage no-deal looms over Ukraine peace no-talks",
        "author": [{"family": "Baev", "given": "Pavel K."}],
        "container-title": "PRIO Blogs",
        "issued": {"date-parts": [[2026, 6, 22]]},
        "accessed": {"date-parts": [[2026, 11, 26]]},
        "URL": "https://www.prio.org/comments/XXXX",
    }
