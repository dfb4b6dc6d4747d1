"""Persistence: SQLAlchemy engine, tables and migrations."""
