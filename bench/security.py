"""What the protections of webui/security.py cost per request, against the same app without them.

    python bench/security.py [--requests 400]

One demo instance, three apps built on it in this process: rate limits off (the baseline),
rate limits counted in the instance's SQLite file (the default, shared by worker processes), and
counted in memory (per process). Security headers, CORS and the JSON depth check are on in all
three. Each app answers `--requests` requests of a cheap route (`/api/maturity`, where overhead
shows) and of a search (`/api/search?q=eau`) through the WSGI test client; the script prints the
mean time per request and the ratio to the baseline, in a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUTES = ("/api/maturity", "/api/search?q=eau")
VARIANTS = {
    "limits off (baseline)": {"RATE_LIMITS": False},
    "limits on, SQLite (default)": {"RATE_LIMITS": True, "RATE_LIMIT_STORAGE": "instance"},
    "limits on, memory": {"RATE_LIMITS": True, "RATE_LIMIT_STORAGE": "memory://"},
}
HIGH = {"RATE_LIMIT_SEARCH": "1000000 per minute", "RATE_LIMIT_API": "1000000 per minute"}


def timed(client, url: str, n: int) -> float:  # type: ignore[no-untyped-def]
    """Mean milliseconds per request of `url` over `n` requests (after 20 warm-up requests)."""
    for _ in range(20):
        assert client.get(url).status_code == 200
    start = time.perf_counter()
    for _ in range(n):
        client.get(url)
    return (time.perf_counter() - start) * 1000 / n


def main() -> None:
    """Build the instance, the three apps, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()

    from webui.app import create_app
    from webui.instance import Instance

    work = Path(tempfile.mkdtemp(prefix="bench-security-"))
    try:
        inst = Instance.open({"HOME": str(work / "instance")})
        inst.init(demo=True)
        results: dict[str, dict[str, float]] = {}
        base_config = dict(inst.config)
        for name, overrides in VARIANTS.items():
            inst.config = {**base_config, **HIGH, **overrides}
            client = create_app(instance=inst).test_client()
            results[name] = {url: timed(client, url, args.requests) for url in ROUTES}
        inst.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    baseline = results["limits off (baseline)"]
    print("| variant | " + " | ".join(f"`{u}` ms (ratio)" for u in ROUTES) + " |")
    print("|---|" + "---|" * len(ROUTES))
    for name, row in results.items():
        cells = [f"{row[u]:.2f} ({row[u] / baseline[u]:.2f}x)" for u in ROUTES]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
