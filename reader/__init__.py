"""Offprint: a desktop reader for an offline corpus of saved web articles.

The package is split by job: ``reader.ingest`` (file → article, pure),
``reader.library`` (store, index, importer, search), ``reader.cite``
(citations and exports), ``reader.ui`` (the only Qt code) and ``reader.cli``.
"""

__version__ = "0.1.0"
