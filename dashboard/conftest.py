"""pytest: page modules register themselves with the Dash app that imports them, so
they are not imported for doctest collection (the browser tests cover them)."""

collect_ignore = ["pages", "__main__.py", "screenshots.py"]
