"""Citations: article → CSL-JSON, CSL formatting with citeproc-js, BibTeX/BibLaTeX/RIS/CSL-JSON exports.

The public entry points are :func:`reader.cite.csl.article_to_csl`, :class:`reader.cite.facade.Citer`
and the ``to_*`` functions of :mod:`reader.cite.export`.
"""
