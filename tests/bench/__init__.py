"""`newsbot bench`: ingest, rebuild, answer and reload figures on a real corpus, as one table.

The benchmark lives in the checkout, not in the installed package: `newsbot bench` imports it
from `tests/bench/` with `tests/` on sys.path, so the package's name is `bench`. Every measured
phase runs in a fresh child process (`python -m bench <phase> <json>`), so its peak memory is
its own and not what earlier phases left behind; the parent samples the RSS of the child's
whole process tree (the extraction workers included) and prints the table.

Modules: `corpus` (where the corpus is, and scaled copies of it), `questions` (the question mix,
from the store), `measure` (child processes and their memory), `phases` (what a child runs),
`table` (the printed table) and `run` (the benchmark, `main`).
"""
