"""The console surface: `newsbot chat` and `newsbot ask`."""
