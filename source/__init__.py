"""The floor of the content: the base content model, YAML with line numbers, and problem reports."""
