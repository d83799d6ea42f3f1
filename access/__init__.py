"""The one place that decides who may see or do what.

Views, API endpoints, templates and later modules ask this package; nothing else compares role
names. Two layers:

* **actions** (``access.can(user, "audit.view")``): which roles may use a capability at all;
* **objects** (``access.can_view_person(user, person)``): whether a scoped role reaches one record.
  A leidinggevende reaches their direct reports and everyone in the nodes they lead;
  TCO coordinators and care professionals reach people in their own unit; the
  functioneel beheerder reaches everyone.

One module per app (``access.aftercare``, ``access.monitor``, ``access.barista``) on top of
``access.base`` (roles, scopes, the capability table and the view decorators). Each app module
registers its capabilities when it is imported; importing ``access`` imports them all, so
``ACTIONS`` is complete wherever it is read. Callers import from ``access`` itself.

Layering: ``access`` sits above ``core`` and ``organisation`` and reads only the ``constants``
of other apps; the apps' views, selectors and API import it (checked by import-linter,
``.importlinter``).
"""

from access.aftercare import *  # noqa: F403
from access.agenda import *  # noqa: F403
from access.barista import *  # noqa: F403
from access.base import *  # noqa: F403
from access.casework import *  # noqa: F403
from access.complaints import *  # noqa: F403
from access.confidential import *  # noqa: F403
from access.homefront import *  # noqa: F403
from access.integrity import *  # noqa: F403
from access.jaarbeeld import *  # noqa: F403
from access.monitor import *  # noqa: F403
from access.recognition import *  # noqa: F403
from access.teamcare import *  # noqa: F403
