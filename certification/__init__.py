"""Certification: requirements, the final exam and signed certificates."""
