"""newsbot's platform-neutral answer engine and one adapter per chat surface."""
