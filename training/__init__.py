"""Fitting models the app reads as data (needs the `train` extra)."""
