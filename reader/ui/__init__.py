"""The desktop app: the only package of Offprint that imports PySide6.

Each module owns one widget or one job (see ``main_window`` for how they fit);
none of them holds business logic — every action goes through
:class:`reader.library.Library` and :class:`reader.cite.Citer`, through the packages' public faces.
"""
