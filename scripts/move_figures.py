"""Make docs/moves/<id>.svg: every move's key poses from figures.toml, side by side
with an arrow between them, as backtimer draws them (``core.figure``).

    .venv/bin/python scripts/move_figures.py
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backtimer.core.figure_draw import Drawing, common_scale, drawing  # noqa: E402
from backtimer.store.catalog import load_catalog  # noqa: E402
from backtimer.store.figures import load_figures  # noqa: E402
from backtimer.store.paths import shipped_catalog  # noqa: E402

BOX, GAP, TOP = 220, 40, 34


def _group(d: Drawing, left: float) -> str:
    parts = []
    for x1, y1, x2, y2 in d.props:
        parts.append(
            f'<line x1="{left + x1:.1f}" y1="{TOP + y1:.1f}" x2="{left + x2:.1f}" '
            f'y2="{TOP + y2:.1f}" stroke="#b8c2cc" stroke-width="3" stroke-linecap="round"/>'
        )
    for x1, y1, x2, y2, layer in sorted(d.segments, key=lambda s: s[4]):
        colour, width = ("#1d2330", 5) if layer else ("#8a94a3", 4)
        parts.append(
            f'<line x1="{left + x1:.1f}" y1="{TOP + y1:.1f}" x2="{left + x2:.1f}" '
            f'y2="{TOP + y2:.1f}" stroke="{colour}" stroke-width="{width}" '
            'stroke-linecap="round"/>'
        )
    hx, hy, r = d.head
    parts.append(
        f'<circle cx="{left + hx:.1f}" cy="{TOP + hy:.1f}" r="{r:.1f}" fill="#fff" '
        'stroke="#1d2330" stroke-width="4"/>'
    )
    return "".join(parts)


def svg(name: str, poses: list[tuple[str, object]]) -> str:
    count = len(poses)
    # wide enough for the name too (bold 18 px: about 11 px a letter)
    width = max(count * BOX + (count - 1) * GAP + 20, 20 + 11 * len(name))
    offset = (width - (count * BOX + (count - 1) * GAP + 20)) / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{BOX + TOP + 28}" '
        f'viewBox="0 0 {width} {BOX + TOP + 28}" font-family="sans-serif">',
        f'<rect width="{width}" height="{BOX + TOP + 28}" fill="#fff"/>',
        f'<text x="10" y="22" font-size="18" font-weight="bold">{escape(name)}</text>',
    ]
    scale = common_scale([pose for _, pose in poses], BOX, BOX)  # type: ignore[misc]
    for n, (label, pose) in enumerate(poses):
        left = 10 + offset + n * (BOX + GAP)
        parts.append(_group(drawing(pose, BOX, BOX, scale=scale), left))  # type: ignore[arg-type]
        parts.append(
            f'<text x="{left + BOX / 2:.0f}" y="{TOP + BOX + 20}" font-size="14" '
            f'text-anchor="middle" fill="#4a5568">{escape(label)}</text>'
        )
        if n:
            x = left - GAP + 6
            y = TOP + BOX / 2
            parts.append(
                f'<path d="M{x} {y} h{GAP - 16} m-8 -6 l8 6 l-8 6" fill="none" '
                'stroke="#4a5568" stroke-width="2"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def main() -> int:
    figures, problems = load_figures()
    if problems:
        print("\n".join(problems))
        return 1
    names = {e.id: e.name for e in load_catalog(shipped_catalog()).exercises.values()}
    out = ROOT / "docs" / "moves"
    out.mkdir(parents=True, exist_ok=True)
    for move, figure in figures.items():
        (out / f"{move}.svg").write_text(svg(names.get(move, move), list(figure.poses)))
    print(f"wrote {len(figures)} figures to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
