"""A map page loaded in Chromium, with the problems seen while it loaded and ran."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class MapPage:
    """A loaded map page and what went wrong while it loaded and ran."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def wait_stable(self, timeout_ms: float = 30_000) -> None:
        # A selector wait, not wait_for_function: the page's CSP forbids the eval that
        # Playwright's function polling needs.
        self.page.wait_for_selector(
            ".graphkit-map[data-stable]", state="attached", timeout=timeout_ms
        )

    def problems(self) -> list[str]:
        return (
            [f"console: {e}" for e in self.console_errors]
            + [f"blocked: {u}" for u in self.blocked]
            + [f"failed: {u}" for u in self.failed]
        )
