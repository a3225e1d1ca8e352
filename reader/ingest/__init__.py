"""Ingest: pure functions from one saved file to a repaired article.

bytes → decoded text → repaired text → cleaned DOM → article + metadata + repair report.  Nothing here
imports Qt, touches the network or writes files.  This module is the package's one public face: code
outside ``reader.ingest`` imports only the names in :data:`__all__`.

Each name is loaded on first use, so a caller that needs only :class:`Article` (the library's store)
does not pay for the parser, the repair tables and the metadata vocabulary at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ingest.decode import Decoded, decode_bytes
    from reader.ingest.files import (
        FILE_DIALOG_PATTERNS,
        PAGE_KINDS,
        PAGE_SUFFIXES,
        FoundPage,
        find_pages,
        page_kind,
    )
    from reader.ingest.metadata.item_type import item_type_from_names
    from reader.ingest.metadata.item_type_words import ITEM_TYPES
    from reader.ingest.model import Article, RepairEntry, Resource
    from reader.ingest.pipeline import STAGES, StageTimer, extract_bytes, extract_file
    from reader.ingest.repair.document import Repaired, repair_text
    from reader.ingest.repair.unrepaired import find_unrepaired
    from reader.ingest.repair.words import (
        ATTENTION_REASONS,
        RepairNote,
        attention_reasons,
        damage_tooltip,
        describe_repairs,
    )

__all__ = [
    "ATTENTION_REASONS",
    "FILE_DIALOG_PATTERNS",
    "ITEM_TYPES",
    "PAGE_KINDS",
    "PAGE_SUFFIXES",
    "STAGES",
    "Article",
    "Decoded",
    "FoundPage",
    "RepairEntry",
    "RepairNote",
    "Repaired",
    "Resource",
    "StageTimer",
    "attention_reasons",
    "damage_tooltip",
    "decode_bytes",
    "describe_repairs",
    "extract_bytes",
    "extract_file",
    "find_pages",
    "find_unrepaired",
    "item_type_from_names",
    "page_kind",
    "repair_text",
]

# Where each public name lives.
_HOMES: dict[str, str] = {
    "Article": "reader.ingest.model",
    "RepairEntry": "reader.ingest.model",
    "Resource": "reader.ingest.model",
    "FILE_DIALOG_PATTERNS": "reader.ingest.files",
    "PAGE_KINDS": "reader.ingest.files",
    "PAGE_SUFFIXES": "reader.ingest.files",
    "FoundPage": "reader.ingest.files",
    "find_pages": "reader.ingest.files",
    "page_kind": "reader.ingest.files",
    "Decoded": "reader.ingest.decode",
    "decode_bytes": "reader.ingest.decode",
    "Repaired": "reader.ingest.repair.document",
    "repair_text": "reader.ingest.repair.document",
    "find_unrepaired": "reader.ingest.repair.unrepaired",
    "ITEM_TYPES": "reader.ingest.metadata.item_type_words",
    "item_type_from_names": "reader.ingest.metadata.item_type",
    "ATTENTION_REASONS": "reader.ingest.repair.words",
    "RepairNote": "reader.ingest.repair.words",
    "attention_reasons": "reader.ingest.repair.words",
    "damage_tooltip": "reader.ingest.repair.words",
    "describe_repairs": "reader.ingest.repair.words",
    "STAGES": "reader.ingest.pipeline",
    "StageTimer": "reader.ingest.pipeline",
    "extract_bytes": "reader.ingest.pipeline",
    "extract_file": "reader.ingest.pipeline",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
