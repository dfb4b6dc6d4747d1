"""Question banks, practice sessions and exam assembly."""
