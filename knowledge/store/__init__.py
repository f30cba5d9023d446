"""The SQLite fact store: schema, the build-time writer and the async reader.

All of newsbot's SQL lives in this package.
"""

from knowledge.store.reader import Store
from knowledge.store.schema import SCHEMA_VERSION, SchemaMismatch

__all__ = ["SCHEMA_VERSION", "SchemaMismatch", "Store"]
