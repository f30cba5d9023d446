"""Quality measurements: extraction scored against hand-made labels (`people`), and answers
scored against the benchmark questions of issue 10 (`python -m tests.quality`)."""
