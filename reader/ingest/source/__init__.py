"""The read stage: from a saved file (or its bytes) to the page's markup, its kind and its saved images.

:mod:`.read` reads a file or bytes of the kinds :mod:`reader.ingest.files` names (gzip undone, kind
sniffed) into a :class:`.record.Source`; :mod:`.mhtml` opens MHTML archives and :mod:`.saved_folder`
the ``NAME_files/`` folder of a "Save page as… complete"; :mod:`.textdump` turns a plain-text dump into
HTML the later stages treat like a page.  Nothing here decodes text or parses HTML; the original bytes
are never altered (the caller hashes them).
"""
