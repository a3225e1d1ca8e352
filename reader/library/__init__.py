"""The library: the SQLite store (truth), the derived full-text index, the
importer, search and facets, behind the :class:`reader.library.facade.Library`
facade that both the CLI and the app use.
"""
