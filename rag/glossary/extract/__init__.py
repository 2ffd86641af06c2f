"""Text -> (short form, long form) pairs, with no model: `pairs.extract_abbreviations`.

`pairs.py` finds candidate definitions; `rules.py` aligns a short form's characters with a
long form and judges the result.
"""
