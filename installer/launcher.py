"""The frozen application's entry point (PyInstaller runs this file, not ``faceaudit.cli``).

``freeze_support`` must run first: the contained decoders are ``spawn`` worker processes,
and in a frozen build a worker is this same executable started with multiprocessing's
arguments, which must never reach the command-line parser.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from faceaudit.cli import main

    raise SystemExit(main())
