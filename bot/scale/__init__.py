"""Running as several processes: a knowledge base in generations, state shared in Redis.

Used only when REDIS_URL is set (`NewsService.open(settings, shared=True)`); without it newsbot
is one process with everything in memory. See `cluster` for how the parts fit.
"""
