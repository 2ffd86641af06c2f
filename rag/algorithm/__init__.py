"""The review's Figure 2 treatment algorithm, as data plus a deterministic engine.

- `tree.yaml` + `tree.py`: the decision tree, each node citing the passage it rests on;
- `types.py`: `AlgorithmInputs`, `AlgorithmResult` and the allowed values;
- `inputs.py`: a free-text case -> `AlgorithmInputs` (stated / assumed / unknown);
- `phrases.py`: the regular expressions `inputs.py` reads a case with, grouped by input;
- `engine.py`: `run_algorithm(inputs, settings)`;
- `render.py`: the result as markdown and as a Graphviz graph.
"""
