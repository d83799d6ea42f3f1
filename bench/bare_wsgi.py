"""The yardstick for ``make bench``: the least Django can do, a view returning "ok".

No middleware, no apps, no database. Served by gunicorn with the same worker count as
Zorgwijzer, it shows what the machine, gunicorn and Django's request cycle cost by themselves,
so a scenario's ratio to it says how much Zorgwijzer's own work costs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("", ok)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-view-not-secret",  # noqa: S106 - serves only "ok" on loopback
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    USE_I18N=False,
)
application = get_wsgi_application()
