"""Abbreviations: extracted from the review at build time, looked up in microseconds.

- `store.py`: `Glossary` (exact, variant and typo-tolerant lookup) and `build_glossary`;
- `entries.py`: the review's entries and the labelled supplementary list (`data/`);
- `keys.py`: how a term is folded into a lookup key;
- `questions.py`: spotting an abbreviation question (its frames in `frames.py`, read after
  `standard.py` puts the frame words in standard spelling); `replies.py`: wording the reply;
- `types.py`: `GlossaryEntry`, `GlossaryLookup`;
- `filter.py`: the sidebar's glossary filter;
- `extract/`: the abbreviation extractor (Schwartz & Hearst 2003, extended) and its rules.
"""
