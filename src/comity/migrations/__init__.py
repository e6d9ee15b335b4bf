"""Alembic migrations of the event store, shipped in the package and run by
:meth:`comity.store.Store.open` (``script_location`` is this folder)."""
