"""Quality measurements: extraction scored against hand-made labels."""
