"""Role-play scenarios: models, graph validation and the runner."""
