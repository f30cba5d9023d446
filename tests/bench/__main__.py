"""One measured phase in its own interpreter: `python -m bench <phase> <json arguments>`.

Prints the phase's result as the last line of standard output, in JSON.
"""

import sys

from bench.phases import child_main

raise SystemExit(child_main(sys.argv[1:]))
