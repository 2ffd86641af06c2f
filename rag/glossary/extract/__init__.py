"""Text -> (short form, long form) pairs, with no model: `pairs.extract_abbreviations`.

`pairs.py` finds candidate definitions (with `shortform.py`, `window.py`, `legends.py`;
`notation.py` reads ion concentrations such as "[Ca2+]i", `parameters.py` quantities such as
"Cmax" and "K(m)", `series.py` single letters in a series such as "large (L), middle (M)");
`rules.py` holds the named letter rules, kept and ordered by their pseudo-precision
(`pseudo.py` measures it, `rules_data.py` holds the figures); `align.py` aligns a short
form's characters with a long form and scores it.
"""
