"""Headless Chromium for the map tests (Playwright, the system Chromium, no network).

Chromium that cannot start fails the tests instead of skipping them: the browser tests are
the only proof that the map works. Set CHROMIUM to use another binary.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from map_page import MapPage

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_SCHEMES = ("file:", "data:", "about:")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import Error, sync_playwright

    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    manager = sync_playwright().start()
    try:
        browser = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Error as err:
        manager.stop()
        pytest.fail(f"Chromium ({executable}) did not start: {err}", pytrace=False)
    yield browser
    browser.close()
    manager.stop()


@pytest.fixture
def open_map(chromium: Any) -> Iterator[Callable[..., MapPage]]:
    """``open_map(path)``: a fresh page on a file, every non-local request blocked and counted."""
    contexts: list[Any] = []

    def open_(path: Path, *, wait: bool = True, viewport: tuple[int, int] = (1280, 800)) -> MapPage:
        context = chromium.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        contexts.append(context)
        page = context.new_page()
        loaded = MapPage(page)

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(LOCAL_SCHEMES):
                route.continue_()
            else:
                loaded.blocked.append(url)
                route.abort()

        page.route("**/*", route)
        page.on(
            "console", lambda m: loaded.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda err: loaded.console_errors.append(f"uncaught: {err}"))
        page.on("requestfailed", lambda r: loaded.failed.append(r.url))
        page.goto(Path(path).resolve().as_uri())
        if wait:
            loaded.wait_stable()
        return loaded

    yield open_
    for context in contexts:
        context.close()
