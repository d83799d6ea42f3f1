"""The site's URLs plus ``/bench/floor/``: the least a logged-in page can cost (bench only).

The view does nothing of its own: it answers "ok" to a logged-in user. Everything a real page
pays for before its own work still runs — every middleware of the site, the session row, the
user, the session rules ("log out everywhere", idle and maximum length), the verified second
factor of a care-data role, the role lookup (``access.roles_of``), CSRF, CSP and the login check —
so its rate is the ceiling of every logged-in page (bench/loggedin.py prints each page against it).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from access import roles_of
from zorgwijzer.urls import urlpatterns as site_urlpatterns


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    # Every page's menu and access check look up the user's roles (one query per request).
    return HttpResponse("ok" if roles_of(request.user) else "")


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]
