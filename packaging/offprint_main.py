"""Entry point of the frozen (PyInstaller) Offprint: the ``offprint`` command.

Owns nothing but start-up: the bundle runs exactly what the ``offprint`` console
script runs (``reader.cli:main``), so ``dist/offprint/offprint gui`` and
``offprint gui`` behave the same.
"""

import multiprocessing

from reader.cli import main

if __name__ == "__main__":
    # The importer extracts pages in worker processes; a frozen executable must
    # recognise when it is started as such a worker instead of as the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
