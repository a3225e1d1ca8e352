"""Settings for the whole suite.

``OFFPRINT_STRICT=1`` makes every deliberately swallowed exception (:func:`reader.errors.swallowed`)
fail the test that meets it, so a catch-all never hides a bug; child processes (import workers)
inherit it.  ``OFFPRINT_CACHE`` points at a fresh folder, so the suite never writes to the user's cache
(the citation style index is built there once per session and test process).
"""

from __future__ import annotations

import os
import tempfile

from reader.errors import STRICT_ENV

os.environ.setdefault(STRICT_ENV, "1")
os.environ.setdefault("OFFPRINT_CACHE", tempfile.mkdtemp(prefix="offprint-test-cache-"))
