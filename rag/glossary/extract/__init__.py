"""Text -> (short form, long form) pairs, with no model: `pairs.extract_abbreviations`.

`pairs.py` finds candidate definitions; `rules.py` chooses what to align and judges the
resulting pair; `align.py` aligns a short form's characters with a long form and scores it.
"""
