"""Retrieval: a question (and the conversation) → a typed ``Query`` (``question.understand``)
→ ranked, filtered ``Passage``s (``hybrid.HybridRetriever``, reordered by ``rerank``)."""
