"""Tutorial chapters: models, loading, rendering and search."""
