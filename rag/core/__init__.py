"""What both halves of the product share: `ingest/` writes an index and `rag/` reads it.

- `settings.py`: the one frozen `Settings` object (defaults, then `NELM_*` variables);
- `errors.py`: the error hierarchy every foreseeable failure belongs to;
- `types.py`: the frozen dataclasses that flow between stages (units, chunks, answers);
- `index.py`: the index's staleness and corruption checks, and loading it;
- `manifest.py`: what an index says about itself (seed pages, file checksums), validated;
- `embed.py`: loading the sentence-transformers model offline; `lazy_embedder.py`: on first use;
- `question.py`: raw text -> a clean question, or `InvalidQuestionError` (the one validator);
- `text.py`: the one tokeniser, stop-word list, number-word table and unit-ID helpers.

Nothing here imports the question path (routing, retrieval, answering), so `ingest` can use
it without pulling in what it does not need.
"""
