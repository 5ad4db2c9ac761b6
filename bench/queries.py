"""Item 3: query counts of the dossier page and the admin changelist.

In-process (Django test client + CaptureQueriesContext) on the temp database
given by the environment. Counts must not grow with the data.
"""

import argparse
from typing import Any

SIZES = (1, 10, 100, 1000)


def _count(client: Any, url: str) -> int:
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    client.get(url)  # warm per-process caches (content types, permissions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    return len(ctx.captured_queries)


def measure(sizes: tuple[int, ...] = SIZES) -> dict[str, dict[int, int]]:
    """{measure: {size: queries}}; Django set up, database migrated."""
    from bench import data  # noqa: PLC0415

    admin = data.client_for(data.superuser())
    volunteer = data.client_for(data.volunteer()[0])
    url = "/admin/dossiers/dossier/"
    counts: dict[str, dict[int, int]] = {
        "dossier page (events + uploads + letter versions)": {},
        "admin changelist, superuser (dossiers)": {},
        "admin changelist, volunteer (shared dossiers)": {},
    }
    rows = iter(counts.values())
    page, superuser, scoped = next(rows), next(rows), next(rows)
    have = 0
    for size in sizes:
        data.add_dossiers(size - have)
        have = size
        superuser[size] = _count(admin, url)
        scoped[size] = _count(volunteer, url)
        user, dossier = data.busy_dossier(size)
        page[size] = _count(data.client_for(user), f"/dossiers/{dossier.pk}/")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    from bench import djsetup  # noqa: PLC0415

    djsetup.setup()
    djsetup.write(args.out, measure())


if __name__ == "__main__":
    main()
