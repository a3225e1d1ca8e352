"""Ingest: pure functions from one saved file to a repaired article.

bytes → decoded text → repaired text → cleaned DOM → article + metadata +
repair report.  Nothing here imports Qt, touches the network or writes files.
The entry points are :func:`reader.ingest.pipeline.extract_file` and
:func:`reader.ingest.pipeline.extract_bytes`.
"""
