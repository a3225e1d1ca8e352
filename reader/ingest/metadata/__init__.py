"""The metadata stage: citation metadata of a saved page, read from the whole parsed tree before cleaning.

:mod:`.orchestrate` runs it (:func:`~.orchestrate.extract_metadata`): :mod:`.signals`, :mod:`.jsonld` and
:mod:`.scan` read what the page declares and shows, once, into a :class:`~.page.Page`; the field modules
decide each field from it — :mod:`.url`, :mod:`.language`, :mod:`.site`, :mod:`.authors` (with
:mod:`.bylines` and :mod:`.names`), :mod:`.headline` (with :mod:`.titles` and :mod:`.site_names`),
:mod:`.published` (with :mod:`.dates`), :mod:`.excerpt`, :mod:`.topics` (with :mod:`.blocks`).  Every word
list they recognise is in :mod:`.vocabulary`; :mod:`.text` holds the text keys they share.
"""
