"""CPU time of the recommender's derived caches (per graph version, per web worker).

    python bench/caches.py INSTANCE_HOME      # e.g. the --home of bench/web.py --actors 100000

Builds the network views, resource links, actor, alliance and tool tables of the instance twice
with each way of binding values into SPARQL, alternating in one process: « old », one `VALUES`
block per variable (main before 2026-12-01), and « new », one combined block
(`graph.store.binding.values`); prints the CPU seconds of each table and their total.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import graph.store.binding as binding  # noqa: E402
from graph.reco import Recommender  # noqa: E402
from webui.instance import Instance  # noqa: E402

TABLES = ["network", "links", "actors", "alliances", "tools"]


def old_values(**bindings: Any) -> str:
    """One `VALUES` block per variable, as before the combined block."""
    return " ".join(binding._block([(n, binding._terms_of(n, v))]) for n, v in bindings.items())


def main() -> None:
    """Alternate old / new twice; print CPU seconds per table."""
    home = sys.argv[1]
    inst = Instance.open({"HOME": home})
    new_values = binding.values
    for label, fn in [("old", old_values), ("new", new_values)] * 2:
        binding.values = fn  # type: ignore[assignment]
        rec = Recommender(inst.store)
        parts, total = [], 0.0
        for name in TABLES:
            t0 = time.process_time()
            getattr(rec, name).get()
            spent = time.process_time() - t0
            total += spent
            parts.append(f"{name} {spent:.1f}")
        print(f"{label}: CPU s {', '.join(parts)}; total {total:.1f}", flush=True)
    binding.values = new_values
    inst.close()


if __name__ == "__main__":
    main()
