"""A private iCalendar feed of a user's deadlines, behind a revocable secret.

The feed URL is the only credential (calendar apps cannot log in), so it is
long, random, revocable, and the feed carries no debt detail: each event is a
deadline title, a date and a link to the dossier.

Only the SHA-256 of the secret is stored. The full link is therefore shown
once, in the response to the POST that creates it (never in a URL, the session
or a log), and the page afterwards only says that a link exists.
"""

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from icalendar import Alarm, Calendar, Event

from . import access, services
from .assessment import assess_dossier
from .law.deadlines import Deadline
from .models import CalendarToken, Dossier

ALARM_BEFORE = dt.timedelta(days=1)
COURT_ALARMS = (dt.timedelta(days=7), ALARM_BEFORE)
"""A court deadline (urgent: an opposition to make…) warns a week before too,
time enough to reach an association and the greffe; other deadlines, the eve."""


def feed_url(secret: str) -> str:
    return settings.SITE_URL + reverse("calendar:feed", args=[secret])


def user_dossiers(user_id: int) -> Iterable[Dossier]:
    """The user's dossiers (their timeline marks suffice for the deadlines)."""
    return access.dossiers_for_owner_id(user_id)


def build_calendar(dossiers: Iterable[Dossier], *, today: dt.date) -> Calendar:
    """Every coming deadline of every dossier, as all-day events with an alarm
    (past ones stay on the dossier page, not in the calendar)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Assistant recouvrement//echeances//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Assistant recouvrement — échéances")
    stamp = timezone.now()
    for dossier in dossiers:
        for deadline in assess_dossier(dossier, today=today).deadlines:
            if not deadline.overdue:
                calendar.add_component(_event(dossier, deadline, stamp, today))
    return calendar


def _event(
    dossier: Dossier, deadline: Deadline, stamp: dt.datetime, today: dt.date
) -> Event:
    link = settings.SITE_URL + dossier.get_absolute_url()
    event = Event()
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    event.add("uid", f"{dossier.pk}-{deadline.code}-{deadline.due:%Y%m%d}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.due)
    event.add("dtend", deadline.due + dt.timedelta(days=1))
    event.add("summary", deadline.title)
    event.add("description", f"Voir le dossier : {link}")
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    for before in alarms_for(deadline, today):
        event.add_component(_alarm(deadline, before))
    return event


def alarms_for(deadline: Deadline, today: dt.date) -> tuple[dt.timedelta, ...]:
    """How long before its day a deadline warns: a week and the eve for a
    court deadline, the eve otherwise; a week's warning already past is left
    out (the eve always stays)."""
    if deadline.severity != "urgent":
        return (ALARM_BEFORE,)
    return tuple(
        before
        for before in COURT_ALARMS
        if before == ALARM_BEFORE or deadline.due - before >= today
    )


def _alarm(deadline: Deadline, before: dt.timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    when = "Demain" if before.days == 1 else f"Dans {before.days} jours"
    alarm.add("description", f"{when} : {deadline.title}")
    alarm.add("trigger", -before)
    return alarm


@login_not_required
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed for whoever holds the secret; an unknown token is a 404.

    The lookup is on the secret's digest (unique index): the database never
    compares, or sees, the secret itself, and a near miss hashes to an
    unrelated value, so response time says nothing about the secret.
    """
    user_id = (
        CalendarToken.objects.filter(
            token_hash=CalendarToken.digest(token), user__is_active=True
        )
        .values_list("user_id", flat=True)
        .first()
    )
    if user_id is None:
        raise Http404("Calendrier introuvable")
    calendar = build_calendar(user_dossiers(user_id), today=timezone.localdate())
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="echeances.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """Create (or re-create) and revoke the user's feed link.

    Creating answers the POST with the page itself, showing the new link this
    one time (``no-store``: the browser keeps no copy). Revoking redirects.
    A GET only says whether a link exists, and since when.
    """
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_token_revoke(user=request.user)
            messages.success(request, _("Le lien de calendrier ne fonctionne plus."))
            return redirect("accounts:calendar")
        token, secret = services.calendar_token_create(user=request.user)
        return _settings_page(request, token, new_feed_url=feed_url(secret))
    token = CalendarToken.objects.filter(user_id=request.user.pk).first()
    return _settings_page(request, token)


def _settings_page(
    request: HttpRequest, token: CalendarToken | None, *, new_feed_url: str = ""
) -> HttpResponse:
    return render(
        request,
        "dossiers/calendar/settings.html",
        {"token": token, "new_feed_url": new_feed_url},
    )
