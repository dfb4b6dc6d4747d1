"""Streamlit pages and widgets; thin: they call the core and draw."""
