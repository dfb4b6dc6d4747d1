"""A page that draws nothing: the benchmark's baseline for the signed-in frame."""
