"""The private calendar feed, outside the login wall: ``/calendrier/<token>.ics``."""

from django.urls import path

from . import calendar

app_name = "calendar"

urlpatterns = [
    path("<str:token>.ics", calendar.feed, name="feed"),
]
