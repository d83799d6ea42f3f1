from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constants import ApiScope


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "De combinatie van gebruikersnaam en wachtwoord klopt niet. Let op: na een aantal "
            "mislukte pogingen wordt je account tijdelijk geblokkeerd."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met de functioneel beheerder."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["username"].error_messages["required"] = _("Vul je gebruikersnaam in.")
        self.fields["password"].error_messages["required"] = _("Vul je wachtwoord in.")
        # No autofocus: keyboard and screen-reader users start at the skip link like on every page.
        self.fields["username"].widget.attrs.pop("autofocus", None)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        help_text=_("De code bestaat uit 6 cijfers en verandert elke 30 seconden."),
        min_length=6,
        max_length=6,
        error_messages={
            "required": _("Vul de code van 6 cijfers in."),
            "min_length": _("De code bestaat uit precies 6 cijfers."),
            "max_length": _("De code bestaat uit precies 6 cijfers."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("De code bestaat alleen uit cijfers."))
        return token


class ApiTokenForm(forms.Form):
    """A new API token: what it is for, what it may do, and optionally until when."""

    name = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_("Welk systeem gebruikt dit token? Bijvoorbeeld: Meldingensysteem geweld, eenheid Noord."),
        error_messages={"required": _("Vul een naam in.")},
    )
    scopes = forms.MultipleChoiceField(
        label=_("Rechten"),
        choices=ApiScope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Het token kan alleen wat je hier kiest. Het opent geen pagina's van Zorgwijzer."),
        error_messages={"required": _("Kies minstens één recht.")},
    )
    expires_on = forms.DateField(
        label=_("Verloopt op"),
        required=False,
        help_text=_("Vanaf deze dag werkt het token niet meer. Laat leeg voor een token zonder einddatum."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-03-31.")},
    )

    def clean_name(self) -> str:
        return str(self.cleaned_data["name"]).strip()

    def clean_expires_on(self) -> dt.date | None:
        expires_on: dt.date | None = self.cleaned_data.get("expires_on")
        if expires_on is not None and expires_on <= timezone.localdate():
            raise forms.ValidationError(_("Kies een datum na vandaag."))
        return expires_on
