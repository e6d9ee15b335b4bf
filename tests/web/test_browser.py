"""Browser tests: headless Chromium (Debian's) driven by Playwright against `comity serve`.

The server runs in a subprocess on a free 127.0.0.1 port over the hand-built database.
Every request to anything but 127.0.0.1 is blocked and recorded (the pages must work
with no network); screenshots go to ``artifacts/screenshots/`` (and, with
``COMITY_UPDATE_SCREENSHOTS=1``, to ``docs/screenshots/`` for the README).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from .conftest import DOC_TEXTS, TOKEN

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "artifacts" / "screenshots"
DOC_SHOTS = REPO / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-dev-shm-usage"]

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); "
                "scripts/test.sh installs it where apt works", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of `comity serve` over a copy of the hand-built database."""
    src = Path(web_db.removeprefix("sqlite:///"))
    copy = tmp_path_factory.mktemp("served") / "served.db"
    shutil.copy(src, copy)
    port = free_port()
    env = dict(os.environ, COMITY_API_TOKEN=TOKEN)
    log = (tmp_path_factory.mktemp("log") / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "comity", "serve", "--db",
                             f"sqlite:///{copy}", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                raise RuntimeError(f"comity serve exited with {proc.returncode}")
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("comity serve did not answer within 30 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


class Watch:
    """What a page tried: outside requests (blocked), dialogs, script errors."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[tuple[Any, Watch]]:
    """A fresh page whose requests may reach 127.0.0.1 only."""
    watch = Watch()
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            watch.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    yield pg, watch
    context.close()
    assert watch.blocked == [], f"requests outside 127.0.0.1: {watch.blocked}"
    assert watch.dialogs == []
    assert watch.errors == []


def open_page(pg: Any, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("body[data-ready=yes]")


def shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 1000
    if os.environ.get("COMITY_UPDATE_SCREENSHOTS") == "1":
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOC_SHOTS / path.name)


def test_timeline_filter_by_actor_then_event_shows_highlighted_sentence(
        page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/")
    assert pg.locator("li.event").count() == 8
    shot(pg, "timeline")
    pg.fill("#filter-actor", "Sonexay Siphandone")
    pg.click("#filters button[type=submit]")
    pg.wait_for_function("location.hash.includes('actor=')")
    pg.wait_for_selector("body[data-ready=yes]")
    assert pg.locator("li.event").count() == 2
    assert "2 events" in pg.inner_text("#event-count")
    pg.locator("li.event", has_text="met").locator("a.event-link").click()
    pg.wait_for_selector("mark.evidence.current")
    pg.wait_for_selector("body[data-ready=yes]")
    mark = pg.locator("mark.evidence.current")
    assert mark.count() == 1
    assert mark.inner_text() == ("Lao Prime Minister Sonexay Siphandone met Vietnamese "
                                 "Prime Minister Phạm Minh Chính in Vientiane.")
    text = pg.inner_text("article.mention .article-text")
    assert text == DOC_TEXTS["doc-vientiane"]
    shot(pg, "event")


def test_network_draws_countries_and_edges(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/network?level=country&all=1")
    assert pg.locator("svg#network circle.node").count() == 4
    assert pg.locator("svg#network line.edge").count() == 4
    open_page(pg, server + "/#/network?all=1")
    assert pg.locator("svg#network circle.node").count() == 6
    shot(pg, "network")


def test_network_defaults_to_the_last_90_days(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/network?level=country")
    assert "2025-07-06 – 2025-10-04" in pg.inner_text("#period-note")
    # September (LAO-VNM, THA-LAO) and October (VNM-KHM) only
    assert pg.locator("svg#network line.edge").count() == 3


def test_network_period_filter(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/network?level=country&date_from=2025-09-01&date_to=2025-09-30")
    assert pg.locator("svg#network line.edge").count() == 2


def test_map_draws_outlines_and_event_places(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/map")
    assert pg.locator("svg#map path.country").count() > 150
    places = pg.locator("svg#map circle.loc")
    assert places.count() == 3
    assert {places.nth(i).get_attribute("data-place") for i in range(3)} == {
        "Hanoi", "Phnom Penh", "Vientiane"}
    assert pg.locator("svg#map path.country.active").count() == 3
    shot(pg, "map")


def test_dyad_page_bars_per_month(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/dyad?a=VNM&b=KHM")
    bars = pg.locator("svg#dyad-chart rect.bar")
    assert bars.count() == 3
    assert [bars.nth(i).get_attribute("data-count") for i in range(3)] == ["2", "2", "1"]
    shot(pg, "dyad")


def test_actor_page_shows_roles_over_time(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/actor/kb%3Aperson%2Fhun-sen")
    assert pg.inner_text("#actor-name") == "Hun Sen"
    assert pg.locator("#roles tr").count() >= 2
    assert pg.locator("svg#roles-chart rect").count() >= 1
    assert pg.locator("#actor-events li.event").count() == 1
    shot(pg, "actor")


def test_hostile_article_is_shown_as_text_and_nothing_runs(page: tuple[Any, Watch],
                                                           server: str) -> None:
    pg, watch = page
    hostile = ("Report: <script>window.__pwned = 'script'</script> and "
               "<img src=x onerror=\"window.__pwned = 'onerror'\"> then "
               "<svg onload=\"window.__pwned = 'svg'\"></svg> end.")
    r = httpx.post(server + "/api/documents", timeout=120,
                   headers={"Authorization": f"Bearer {TOKEN}"},
                   json={"id": "doc-hostile", "text": hostile, "date": "2025-11-02",
                         "title": "<img src=x onerror=\"window.__pwned='title'\">"})
    assert r.status_code == 201, r.text
    open_page(pg, server + "/#/document/doc-hostile")
    assert pg.inner_text("#document-text") == hostile
    assert pg.inner_text("#document-title") == "<img src=x onerror=\"window.__pwned='title'\">"
    assert pg.locator("#main img, #main script, #main svg[onload]").count() == 0
    # the fixture's hostile article, through its event page and the search page
    open_page(pg, server + "/#/?type=SUPPORT")
    pg.locator("li.event a.event-link").first.click()
    pg.wait_for_selector("mark.evidence.current")
    pg.wait_for_selector("body[data-ready=yes]")
    assert pg.inner_text("mark.evidence.current") == (
        "Vietnam praised Cambodia <b>warmly</b> for its cooperation.")
    assert pg.locator("#main b").count() == 0
    open_page(pg, server + "/#/search?q=pwned")
    assert pg.locator("#search-results li").count() == 2
    pg.wait_for_timeout(300)
    assert pg.evaluate("window.__pwned === undefined")
    assert watch.dialogs == []


def test_outside_requests_are_caught_by_the_guard(page: tuple[Any, Watch], server: str) -> None:
    pg, watch = page
    open_page(pg, server + "/#/")
    # the page's own fetches are stopped earlier, by the Content-Security-Policy
    ok = pg.evaluate("fetch('http://example.invalid/x.js').then(() => true, () => false)")
    assert ok is False
    with pytest.raises(sync_api.Error):
        pg.goto("http://example.invalid/")
    assert watch.blocked == ["http://example.invalid/"]
    watch.blocked.clear()


def test_api_reference_page_lists_endpoints_offline(page: tuple[Any, Watch],
                                                    server: str) -> None:
    pg, _ = page
    open_page(pg, server + "/#/api")
    heads = pg.locator("section.endpoint h2 code").all_inner_texts()
    assert "GET /api/events" in heads and "POST /api/documents" in heads
    assert pg.locator("section.endpoint", has_text="GET /api/events").locator(
        "td code", has_text="date_from").count() == 1


def test_api_docs_render_and_run_offline(page: tuple[Any, Watch], server: str) -> None:
    pg, _ = page
    console: list[str] = []  # Content-Security-Policy refusals are reported here
    pg.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    pg.goto(server + "/docs")
    pg.wait_for_selector(".swagger-ui .opblock")
    paths = pg.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/documents/{doc_id}" in paths
    # "Try it out" calls this server
    pg.locator(".opblock-summary", has_text="/api/health").first.click()
    pg.click("button.try-out__btn")
    pg.click("button.execute")
    status = pg.locator(".live-responses-table tbody .response-col_status")
    status.wait_for()
    assert status.inner_text() == "200"
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / "api-docs.png"))  # an artefact only, not in the README
    assert console == []
