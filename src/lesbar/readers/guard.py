"""Per-file guards: no single input may take more than a few minutes or unbounded memory.

Readers call :meth:`Guard.check_time` at natural steps (per page, per block) and the ``check_*`` helpers
before expensive work, so a hostile or broken file ends with a clear message instead of a hang.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from lesbar.config import LimitSettings
from lesbar.errors import LimitExceeded


@dataclass
class Guard:
    limits: LimitSettings = field(default_factory=LimitSettings)
    name: str = ""
    started: float = field(default_factory=time.monotonic)

    def check_time(self) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.timeout_seconds:
            raise LimitExceeded(
                f"{self.name}: reading took longer than {self.limits.timeout_seconds:.0f} s and was stopped; "
                "split the file or raise [limits] timeout_seconds",
                code="timeout",
            )

    def check_pages(self, pages: int) -> None:
        if pages > self.limits.max_pages:
            raise LimitExceeded(
                f"{self.name}: {pages} pages is more than the limit of {self.limits.max_pages}; "
                "split the file or raise [limits] max_pages",
                code="pages",
            )

    def check_page_size(self, width_pt: float, height_pt: float, page_no: int) -> None:
        side = max(width_pt, height_pt)
        if side > self.limits.max_page_side_pt:
            raise LimitExceeded(
                f"{self.name}: page {page_no} is {side / 72 * 2.54:.0f} cm wide/high, larger than any printed "
                "report; check the file or raise [limits] max_page_side_pt",
                code="page_size",
            )

    def image_allowed(self, width: int, height: int) -> bool:
        """False for images too large to decode safely (they are skipped with a warning, not fatal)."""
        return width * height <= self.limits.max_image_pixels
