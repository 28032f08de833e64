"""`python -m zhpress`: the `zhpress` console command (zhpress/cli.py)."""
import sys

from .cli import main

sys.exit(main())
