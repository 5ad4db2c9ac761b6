"""Background tasks (django-tasks): run by `manage.py db_worker`."""

from django_tasks import task

from . import services


@task()
def read_letter(job_id: int) -> None:
    """Read the scans of one reading job. Returns nothing: the text and the
    draft stay in the job's rows, never in the task queue's table."""
    services.job_run(job_id=job_id)
