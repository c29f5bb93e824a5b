"""Which installed packages take a text from one language to another: directly, or through English.

Argos publishes most pairs only to and from English, so de→ar usually means de→en→ar. The route is
recorded in each translated document's provenance (``pivot=["en"]``) and in the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lesbar.translate.packages import InstalledPackage, installed_packages

PIVOT = "en"


@dataclass(frozen=True)
class Route:
    source: str
    target: str
    hops: tuple[InstalledPackage, ...]
    pivot: list[str] = field(default_factory=list)

    @property
    def signature(self) -> str:
        """The models of this route, for the translation memory (new models → new MT entries)."""
        return "+".join(h.signature for h in self.hops)

    @property
    def description(self) -> str:
        return "→".join([self.source, *self.pivot, self.target])


def missing_message(source: str, target: str) -> str:
    """The line a user sees when no model is installed (names the command that fixes it)."""
    return (f"{target}: no model {source}→{target} (or via {PIVOT}) installed; "
            f"install it with: lesbar models install {source} {target}")


def find_route(packages_dir: Path, source: str, target: str) -> Route | None:
    """The direct package if installed, else two packages through English, else ``None``."""
    packages = installed_packages(packages_dir)
    by_pair = {(p.from_code, p.to_code): p for p in packages}  # newest version wins (sorted)
    direct = by_pair.get((source, target))
    if direct is not None:
        return Route(source, target, (direct,))
    if PIVOT in (source, target):
        return None
    first, second = by_pair.get((source, PIVOT)), by_pair.get((PIVOT, target))
    if first is not None and second is not None:
        return Route(source, target, (first, second), pivot=[PIVOT])
    return None


def available_targets(packages_dir: Path, source: str) -> dict[str, Route]:
    """Every language reachable from ``source`` with the installed packages."""
    codes = {p.to_code for p in installed_packages(packages_dir)} | {PIVOT}
    routes = {}
    for code in sorted(codes - {source}):
        route = find_route(packages_dir, source, code)
        if route is not None:
            routes[code] = route
    return routes
