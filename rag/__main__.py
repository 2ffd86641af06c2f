"""`python -m rag`: the command line (rag/cli/main.py)."""

import sys

from rag.cli.main import main

sys.exit(main())
