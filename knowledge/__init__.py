"""Turns news articles into facts and owns the SQLite fact store."""
