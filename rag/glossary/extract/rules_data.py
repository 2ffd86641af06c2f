"""Which letter rules each class of short form keeps, in which order: measured, not tuned.

Each value is a rule's pseudo-precision (Ab3P, Sohn et al. 2008) in the cascade of its class:
over the bracketed candidates of the MEDSTRACT and Schwartz-Hearst texts (gold not used),
1 - (F + 1) / (N + 1), where N counts the candidates the rule is the first to accept and F
the same count when each short form is paired with the text of a bracket in another
document (mean of several shuffles; the + 1 assumes one false positive before any is
seen, so a rule with little evidence is not kept). Rules at or above MIN_PSEUDO_PRECISION
are kept, most precise first. Regenerate with `python -m eval.abbreviations --rules`; the
corpus test checks these against a fresh measurement.
"""

# A rule estimated to be wrong more than one time in five is dropped. The estimates fall
# into two groups (0.90 and above; 0.78 and below), and 0.8 lies between them; the
# threshold that scores best on one corpus's gold is shown by `--cross`.
MIN_PSEUDO_PRECISION = 0.8

RULE_ORDER: dict[str, tuple[tuple[str, float], ...]] = {
    "one character": (
        ("initials", 0.750),
        ("word-left-over", 0.200),
        ("inner-letters", 0.000),
        ("greek-name", 0.000),
        ("plural-or-qualifier", 0.000),
        ("gene-number", 0.000),
        ("reordered", 0.000),
    ),
    "lower-case": (
        ("initials", 0.929),
        ("inner-letters", 0.924),
        ("word-left-over", 0.000),
        ("greek-name", 0.000),
        ("plural-or-qualifier", 0.000),
        ("gene-number", 0.000),
        ("reordered", 0.000),
    ),
    "two characters": (
        ("initials", 0.978),
        ("inner-letters", 0.898),
        ("reordered", 0.000),
        ("plural-or-qualifier", 0.000),
        ("word-left-over", 0.554),
        ("greek-name", 0.000),
        ("gene-number", 0.000),
    ),
    "three or more": (
        ("initials", 0.994),
        ("gene-number", 0.967),
        ("inner-letters", 0.977),
        ("word-left-over", 0.948),
        ("plural-or-qualifier", 0.530),
        ("reordered", 0.761),
        ("greek-name", 0.000),
    ),
}
