"""The shipped catalogue, validated when the package is built.

A brand-new profile has no cache yet; without this its first start would import
pydantic (about 140 ms and 10 MB) just to check a file that never changed. The JSON
beside this module holds the catalogue as validated, with the digest of the
``exercises.toml`` it came from and the fingerprint of the rules. It is used only
when both still match; otherwise the file is validated as any other. A test fails
when it is stale; ``python -m backtimer.store.prebuilt`` writes it again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FILE = Path(__file__).with_name("catalog.prebuilt.json")


def stored(source: Path, digest: str) -> Any | None:
    """The validated catalogue for the shipped ``source`` with ``digest``, or None."""
    from backtimer.store.models import fingerprint
    from backtimer.store.paths import shipped_catalog

    try:
        if source.resolve() != shipped_catalog().resolve():
            return None
        data = json.loads(FILE.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("rules") != fingerprint(python=False) or data.get("digest") != digest:
        return None
    return data.get("data")


def build() -> str:
    """The JSON for the shipped catalogue, validated now."""
    from backtimer.store.cache import digest_of
    from backtimer.store.catalog import load_catalog
    from backtimer.store.files import read_file
    from backtimer.store.models import CatalogFile, fingerprint
    from backtimer.store.paths import shipped_catalog
    from backtimer.store.plain import to_plain

    source = shipped_catalog()
    catalog = load_catalog(source, None)
    model = CatalogFile(
        exercise=tuple(catalog.exercises.values()), routine=tuple(catalog.routines.values())
    )
    data = {
        "rules": fingerprint(python=False),
        "digest": digest_of(read_file(source)),
        "data": to_plain(model),
    }
    return json.dumps(data, indent=None, sort_keys=True, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    FILE.write_text(build(), encoding="utf-8")
    print(f"wrote {FILE}")
