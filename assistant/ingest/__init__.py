"""Ingest: files in the corpus folder → typed pages → structure (items, resolutions, actions)
→ chunks with metadata, written to the store and the decisions register (``pipeline.ingest``)."""
