"""The repair stage: mojibake undone in the decoded text, and a report of what was repaired and what not.

:mod:`.document` runs the repair over a whole document (:func:`~.document.repair_text`), line by line:
:mod:`.western` (ftfy, for the Western code pages), :mod:`.charmap` (cp1251, mac-roman, and windows-1252
where ftfy declines), :mod:`.cjk` with :mod:`.cjk_runs` (CJK codecs that dropped bytes), scored by
:mod:`.scoring` and :mod:`.priors`.  :mod:`.signatures` finds the lines that can hold mojibake at all;
:mod:`.unrepaired` flags the damage left in the final text; :mod:`.report` collects both.
"""
