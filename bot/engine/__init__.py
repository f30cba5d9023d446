"""The platform-neutral answer engine: a question in, a structured `Answer` out."""

from bot.engine.core import Engine

__all__ = ["Engine"]
