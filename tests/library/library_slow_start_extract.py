"""A stand-in extractor that takes 1.5 s to load in each worker process, as the real one can on a
loaded machine: ``extract_file`` is looked up through the module's ``__getattr__``, which waits first.
"""

from __future__ import annotations

import threading
from typing import Any

import library_fake_extract

LOAD_SECONDS = 1.5


def __getattr__(name: str) -> Any:
    if name != "extract_file":
        raise AttributeError(name)
    threading.Event().wait(LOAD_SECONDS)
    return library_fake_extract.extract_file
