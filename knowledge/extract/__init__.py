"""Stage 2, extract: one `Article` in, its facts out (sentences, dates, people, roles, quotes)."""
