"""The build's progress bar (tqdm): articles done, rate and ETA, on terminals only."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm
    from typing_extensions import Never

__all__ = ["ProgressBar"]

_FORMAT = "[{bar:30}] {n_fmt}/{total_fmt} articles  {rate_fmt}  ETA {remaining}"


class ProgressBar:
    """``update(done, total)`` as the build reports it; nothing at all unless ``enabled``
    and the stream is a terminal (so pipes, logs and CI output stay clean)."""

    def __init__(self, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self._bar: tqdm[Never] | None = None

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                file=self.stream,
                bar_format=_FORMAT,
                unit=" articles",
                ascii=" #",
                dynamic_ncols=False,
                mininterval=0.2,
            )
        bar = self._bar
        bar.total = total
        bar.update(done - bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
