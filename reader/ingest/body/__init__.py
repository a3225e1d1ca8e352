"""The body stage: from the whole parsed page to the article's reader HTML and plain text.

In pipeline order: :mod:`.boilerplate` drops what is not the article from the whole page (after metadata
was read from it); :mod:`.choose` finds the article body (:mod:`.readability`, the Readability.js port,
with resiliparse and trafilatura as second opinions, :mod:`.candidates`) and :mod:`.leftovers` takes out
what scorers keep inside it; :mod:`.sanitize` rebuilds it from an allow-list and :mod:`.render` writes it
as HTML and text.  :mod:`.dom` holds the DOM helpers they share.
"""
