"""Stage 1, read: article files (text, Markdown, HTML, JSON lines) in, clean `Article`s out.

- `readers`: the entry points, `read_file` and `read_bytes`, dispatching on the file type;
- `files`: finding article files, size limits, binary sniffing, decoding; `ReadError`;
- `plain` (text and Markdown: front matter, headline), `pages` (HTML pages: <head> metadata,
  main container) and `feeds` (JSON lines): one reader a kind of file;
- `metadata`: title, source, url, date and language, and the `Article` they make;
- `cleaning`: the article body, from text or a parsed tree to the canonical text, through
  `markup` (the tree walked into lines, tweets lifted), `furniture` (lines that are not the
  article) and `tweets` (embedded and pasted tweets as `EmbeddedQuote`s);
- `patterns`: vocabulary phrases compiled into regular expressions.

Word lists live in `knowledge/vocab/`; each module says which files it reads.
"""
