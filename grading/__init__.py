"""Scoring: objective questions, keyword rubrics and the scenario rule engine."""
