"""Text -> (short form, long form) pairs, with no model: `pairs.extract_abbreviations`.

`pairs.py` finds candidate definitions (with `shortform.py`, `window.py`, `legends.py`;
`notation.py` reads ion concentrations such as "[Ca2+]i", `parameters.py` quantities such as
"Cmax" and "K(m)", `residues.py` amino-acid codes such as "RS" and "L169F", `series.py`
single letters in a series such as "large (L), middle (M)"; `symbols.py` knows the symbols
of chemistry and units, which define nothing beside their own names, "zinc (Zn)");
`rules.py` holds the named letter rules, kept and ordered by their pseudo-precision
(`pseudo.py` measures it, `rules_data.py` holds the figures); `align.py` aligns a short
form's characters with a long form and scores it, `spelled.py` says which characters a
whole word supplies (a digit, a genotype sign, a species code).
"""
