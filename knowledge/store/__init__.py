"""The SQLite fact store: schema, the build-time writer and the async reader.

All of newsbot's SQL lives in this package: `schema` (the tables and SCHEMA_VERSION), `writer`
(a build fills a new file), `reader` (`Store`, the queries answering needs), `rows` (the values
queries return) and `fts` (user text to FTS5 expressions that can never be a syntax error).
"""

from knowledge.store.reader import Store
from knowledge.store.schema import SCHEMA_VERSION, SchemaMismatch

__all__ = ["SCHEMA_VERSION", "SchemaMismatch", "Store"]
