"""Item 4: admin changelist latency at 1 000 vs 100 000 dossiers.

In-process (Django test client) on the database given by the environment:
the temp SQLite file, or PostgreSQL when DATABASE_URL is set
(run.py wraps this module in scripts/with-postgres.sh). Every 10th dossier is
shared with the volunteer's association.
"""

import argparse
import statistics
import time
from typing import Any

SIZES = (1000, 100_000)
URL = "/admin/dossiers/dossier/"


def _p50(client: Any, repeat: int) -> float:
    client.get(URL)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(URL)
        times.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise RuntimeError(f"changelist: HTTP {response.status_code}")
    return statistics.median(times) * 1000


def measure(sizes: tuple[int, ...] = SIZES, repeat: int = 15) -> dict[str, Any]:
    from django.db import connection  # noqa: PLC0415

    from bench import data  # noqa: PLC0415

    admin = data.client_for(data.superuser())
    volunteer = data.client_for(data.volunteer()[0])
    out: dict[str, Any] = {"vendor": connection.vendor}
    have = 0
    for size in sizes:
        data.add_dossiers(size - have, share_every=10)
        have = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        out[str(size)] = {
            "superuser": _p50(admin, repeat),
            "volunteer": _p50(volunteer, repeat),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    from bench import djsetup  # noqa: PLC0415

    djsetup.setup()
    djsetup.write(args.out, measure())


if __name__ == "__main__":
    main()
