"""``python -m reader`` starts the same command as ``offprint``."""

from reader.cli import main

raise SystemExit(main())
