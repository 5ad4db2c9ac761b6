"""The reader adds nothing to the volunteers' admin.

The text read on a letter is the debtor's (volunteers see her scans through the
dossier they were shared); django-tasks-db's own admin of the task queue (job
ids and statuses) is for operators, who use `db_worker` and
`prune_db_task_results`: it is taken out so that the admin keeps one audience.
"""

from django.contrib import admin
from django_tasks_db.models import DBTaskResult

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
