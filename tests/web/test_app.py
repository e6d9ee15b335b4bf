"""The OpenAPI page /docs works offline: Swagger UI's files come from this server (they ship
in the fastapi-offline package), the page names no outside URL, and its
Content-Security-Policy allows this server only. (The browser check is in test_browser.py.)
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from comity.web.app import DOCS_ASSETS_URL

#: src/href attributes and the schema URL handed to SwaggerUIBundle
REFERENCE = re.compile(r"""(?:src|href)\s*=\s*"([^"]*)"|url:\s*'([^']*)'""")


def references(html: str) -> list[str]:
    """Every URL the page loads: script and link targets and the schema URL."""
    return [a or b for a, b in REFERENCE.findall(html)]


def test_docs_page_names_no_outside_url(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "SwaggerUIBundle" in r.text
    assert re.search(r"https?:", r.text) is None
    refs = references(r.text)
    assert len(refs) == 4  # stylesheet, icon, script, schema
    for ref in refs:
        assert ref.startswith("/") and not ref.startswith("//"), ref


@pytest.mark.parametrize(("asset", "media_type", "marker"), [
    ("swagger-ui-bundle.js", "javascript", b"SwaggerUIBundle"),
    ("swagger-ui.css", "text/css", b".swagger-ui"),
    ("favicon.png", "image/png", b"\x89PNG\r\n\x1a\n"),
])
def test_docs_assets_are_served_by_the_app(client: TestClient, asset: str, media_type: str,
                                           marker: bytes) -> None:
    url = f"{DOCS_ASSETS_URL}/{asset}"
    assert url in references(client.get("/docs").text)
    r = client.get(url)
    assert r.status_code == 200
    assert media_type in r.headers["content-type"]
    assert marker in r.content[:200_000]
    assert len(r.content) > 1000


def test_docs_schema_url_is_served(client: TestClient) -> None:
    assert "/openapi.json" in references(client.get("/docs").text)
    assert client.get("/openapi.json").json()["info"]["title"] == "Comity"


@pytest.mark.parametrize("path", ["/docs", "/docs/oauth2-redirect"])
def test_docs_csp_allows_this_server_only(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    for name, sources in directives.items():
        for source in sources.split():
            assert source in {"'self'", "'none'", "'unsafe-inline'", "data:"}, (name, source)


def test_redoc_is_not_served(client: TestClient) -> None:
    # ReDoc's bundle always loads its logo from Redocly's CDN, so there is no /redoc
    r = client.get("/redoc")
    assert r.status_code == 404
    assert r.json()["error"]["message"] == "no such page: /redoc"
