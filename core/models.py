"""Models shared by every app: the append-only audit trail, the scheduler's run ledger, and the
base of every app's append-only history (``AppendOnlyModel``)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    READ = "read", _("Bekeken")
    CREATE = "create", _("Aangemaakt")
    UPDATE = "update", _("Gewijzigd")
    DELETE = "delete", _("Verwijderd")
    EXPORT = "export", _("Geëxporteerd")
    IMPORT = "import", _("Geïmporteerd")
    LOGIN = "login", _("Ingelogd")
    LOGIN_FAILED = "login_failed", _("Mislukte inlogpoging")
    LOGOUT = "logout", _("Uitgelogd")


class AppendOnlyModel(models.Model):
    """A history row (a status change, a progress note): written once, never changed afterwards.

    The workflow modules (``aftercare/workflow.py`` and its kin) record every move as such a row.
    Saving a row that already exists is refused, so no code path can rewrite the history.
    """

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError(f"{self._meta.verbose_name} is append-only: add a new row instead")
        super().save(*args, **kwargs)


class AuditTrailIsAppendOnly(Exception):
    """Raised when code tries to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AuditTrailIsAppendOnly("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditTrailIsAppendOnly("Audit events cannot be removed.")


class AuditEvent(models.Model):
    """Who (in which roles) read or changed which personal record, when, from which request.

    Append-only: the model refuses updates and deletes, and a database trigger (see the
    migration) refuses them too, so neither the application nor a stray query can edit it.
    """

    occurred_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    actor_roles = models.CharField(_("rollen"), max_length=400, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField(_("soort gegeven"), max_length=100, db_index=True)
    object_id = models.CharField(_("id van het gegeven"), max_length=64, blank=True)
    subject_employee_number = models.CharField(
        _("personeelsnummer van de betrokkene"), max_length=20, blank=True, db_index=True
    )
    fields = models.JSONField(_("velden"), default=list, blank=True)
    request_id = models.CharField(_("request-id"), max_length=64, blank=True)
    method = models.CharField(_("HTTP-methode"), max_length=10, blank=True)
    path = models.CharField(_("pad"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    objects: ClassVar[models.Manager[AuditEvent]] = AuditEventQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("audittrail")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTrailIsAppendOnly("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditTrailIsAppendOnly("Audit events cannot be removed.")


class ScheduledRun(models.Model):
    """Ledger of recurring jobs already enqueued for a time slot, so a slot is enqueued once,
    however many scheduler processes run."""

    job = models.CharField(_("taak"), max_length=100)
    slot = models.DateTimeField(_("tijdvak"))
    enqueued_at = models.DateTimeField(_("ingepland op"), auto_now_add=True)
    task_result_id = models.CharField(_("id van de taak"), max_length=64, blank=True)

    class Meta:
        ordering = ["-slot"]
        verbose_name = _("geplande uitvoering")
        verbose_name_plural = _("geplande uitvoeringen")
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once_per_slot")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
