"""The content catalogue: syllabus, loading infrastructure and the whole course in one object."""
