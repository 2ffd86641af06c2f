"""`python -m rag`: `main.py` (ask), `abbr.py` (glossary), `algorithm.py` (Figure 2)."""
