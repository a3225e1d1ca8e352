"""The derived full-text index: one narrow interface (:mod:`.base`) served by whoosh or tantivy."""
