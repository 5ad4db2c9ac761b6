"""Item 3: query counts of the dossier page and the admin changelist.

In-process (Django test client + CaptureQueriesContext) on the temp database
given by the environment. Counts must not grow with the data.
"""

import argparse
from typing import Any

SIZES = (1, 10, 100, 1000)


def _count(client: Any, url: str, *, rendered: bool = False) -> int:
    """``rendered``: the dossier page's cached parts emptied first (what the
    first view after a change costs), else served from them."""
    from django.core.cache import cache  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    client.get(url)  # warm per-process caches (content types, permissions)
    if rendered:
        cache.clear()
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
        "dossier page rendered (events + uploads + letter versions)": {},
        "dossier page, its parts cached": {},
        "admin changelist, superuser (dossiers)": {},
        "admin changelist, volunteer (shared dossiers)": {},
    }
    rows = iter(counts.values())
    page, cached, superuser, scoped = (next(rows) for _ in range(4))
    have = 0
    for size in sizes:
        data.add_dossiers(size - have)
        have = size
        superuser[size] = _count(admin, url)
        scoped[size] = _count(volunteer, url)
        user, dossier = data.busy_dossier(size)
        debtor, path = data.client_for(user), f"/dossiers/{dossier.pk}/"
        page[size] = _count(debtor, path, rendered=True)
        cached[size] = _count(debtor, path)
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
