"""Where a question goes: `router.route` returns a typed `Turn` naming one route.

- `router.py`: the one decision (glossary, algorithm, retrieval or out of scope);
- `followup.py`: a short follow-up + the conversation -> a self-contained question;
- `scope.py`: is the question about another cancer than the review's?
- `treatment.py`: does the question ask for a treatment decision (the Figure 2 algorithm)?
"""
