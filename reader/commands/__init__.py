"""Subcommands of ``offprint``; each module exposes ``register(subparsers)``."""
