"""Accounts, classes, assignments and group exercises."""
