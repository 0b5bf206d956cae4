"""Browser harness: Debian's Chromium driven by Playwright against the app on a local port.

Outside CI the tests skip with a clear message when Chromium is missing; with CI=true
they fail instead, because `make test` installs it there.
"""
import os
import shutil
import threading
from datetime import datetime

import pytest
from werkzeug.serving import make_server

from netzwerk import create_app
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.seeding import load_seed

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"]


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Debian's chromium is missing: `make test` should have installed it.")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped.")
    return path


@pytest.fixture
def live_server(store, tmp_path):
    """The app with the demo data, served on a free local port in a thread."""
    yield from _serve(store, tmp_path, "2026-01-01T00:00:00")


@pytest.fixture
def live_demo_server(store, tmp_path):
    """Like live_server, with the demo data dated from today as `make run` loads it: the demo
    Expert/innenrunde lies ahead with its registration open."""
    yield from _serve(store, tmp_path, datetime.now().strftime("%Y-%m-%dT%H:%M:%S"))


def _serve(store, tmp_path, today):
    load_seed(store, PROJECT_ROOT / "seed", today)
    app = create_app(TestConfig(tmp_path), store=store)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def page(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        context = browser.new_context(locale="de-DE")
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()


def log_in(page, url, email, password=None):
    """Through the real login form, as a person would; waits for the start page."""
    from ..conftest import PASSWORD
    page.goto(url + "/anmelden")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(password or PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(url + "/")
