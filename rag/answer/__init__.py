"""Ranked units -> a cited answer, or an honest refusal.

- `extractive.py`: `Answerer`, verbatim passages with spans, or abstention;
- `segments.py`: the citable pieces of a unit (record fields, legend items, sentences);
- `cues.py`: what shape of answer a question wants (a figure, a record field, names);
- `generate.py` + `verify.py`: the optional generative mode and the verifier that keeps only
  sentences supported by what they cite;
- `citations.py`: the one parser of `[unit-id]` citation groups in answer text (statements and
  the IDs that close them), used by the verifier and by the evaluation's citation scores.
"""
