"""Stage 3, resolve: the people of all articles merged into one registry of persons."""
