"""WSGI entry point (gunicorn intrum_assistant.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intrum_assistant.settings")
application = get_wsgi_application()
