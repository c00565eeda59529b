"""``zaakwerk counts verify`` and ``zaakwerk counts rebuild``: the kept counts of zaken and
documents compared with, or recomputed from, the rows they count.

The Zaken and Documenten registers keep their lists' counts (per type and vertrouwelijkheid, and
per block of ids) in the transaction of every change. Rows written around the services — a bulk
load, a partial restore, a repair in SQL — are not counted; lists then show a wrong ``count`` and
deep pages start in the wrong place. ``verify`` says whether that happened, ``rebuild`` repairs it.
"""

from __future__ import annotations

from collections.abc import Callable

from zaakwerk.core.counters import Difference
from zaakwerk.documenten import counts as documenten_counts
from zaakwerk.zaken import counts as zaken_counts

# register → (verify, rebuild, what it counts, how many there are)
REGISTERS: dict[str, tuple[Callable[[], list[Difference]], Callable[[], None], str, Callable[[], int]]] = {
    "zaken": (zaken_counts.verify, zaken_counts.rebuild_counts, "zaken", zaken_counts.total),
    "documenten": (
        documenten_counts.verify,
        documenten_counts.rebuild_counts,
        "documents",
        documenten_counts.total,
    ),
}
SHOWN = 20  # differences listed per register; the rest are counted


def verify() -> int:
    """Print, per register, whether its kept counts agree with its rows; 1 when any differ."""
    status = 0
    for register, (check, _, noun, total) in REGISTERS.items():
        found = check()
        if not found:
            print(f"{register}: the kept counts agree with the {total():,} {noun}.")
            continue
        status = 1
        counts = f"{len(found)} kept counts differ" if len(found) != 1 else "1 kept count differs"
        print(f"{register}: {counts} from the {noun}:")
        for difference in found[:SHOWN]:
            print(f"  {difference.what}: kept {difference.kept:,}, counted {difference.counted:,}")
        if len(found) > SHOWN:
            print(f"  … and {len(found) - SHOWN} more")
    if status:
        print("Run `zaakwerk counts rebuild` to recompute them.")
    return status


def rebuild() -> int:
    """Recompute the kept counts of every register from its rows."""
    for register, (_, recompute, noun, total) in REGISTERS.items():
        recompute()
        print(f"{register}: the kept counts are recomputed from the {total():,} {noun}.")
    return 0
