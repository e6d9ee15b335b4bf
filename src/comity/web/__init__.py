"""The REST API and the web interface (``comity serve``); see ``docs/web.md``.

:func:`create_app` builds the FastAPI application over a :class:`comity.store.Store`.
"""

from comity.web.app import create_app, create_app_from_url

__all__ = ["create_app", "create_app_from_url"]
