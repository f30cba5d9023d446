"""Stage 1, read: article files (text, Markdown, HTML, JSON lines) in, clean `Article`s out."""
