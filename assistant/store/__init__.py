"""Store: chunks → Chroma (with LangChain's record manager) and the keyword (BM25) index built
from it; the embedding models. Retrieval reads it; ingest writes it."""
