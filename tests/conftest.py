"""Settings for the whole suite.

``OFFPRINT_STRICT=1`` makes every deliberately swallowed exception (:func:`reader.errors.swallowed`)
fail the test that meets it, so a catch-all never hides a bug; child processes (import workers)
inherit it.
"""

from __future__ import annotations

import os

from reader.errors import STRICT_ENV

os.environ.setdefault(STRICT_ENV, "1")
