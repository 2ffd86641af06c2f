"""What the app shows, without Streamlit: HTML and markdown built from the project's types."""

from rag.ui.view import *  # noqa: F401,F403
