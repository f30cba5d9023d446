"""Stage 5, build: read, extract, resolve and store every article into a new knowledge base."""
