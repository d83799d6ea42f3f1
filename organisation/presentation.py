"""What the role pages show: the search-and-pick fields for a person and an organisational unit."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PickerOption:
    value: str
    label: str
    detail: str = ""
    checked: bool = False


@dataclass(frozen=True)
class Picker:
    """A search field with its results as radio buttons: ``name`` is the form field the chosen
    option fills, ``search_name`` the text box; ``kind`` names the picker in URLs ("persoon")."""

    kind: str
    name: str
    search_name: str
    legend: str
    search_label: str
    query: str
    required: bool
    options: list[PickerOption] = field(default_factory=list)
    more: bool = False
    errors: list[str] = field(default_factory=list)
    help_text: str = ""
    none_label: str = ""

    @property
    def none_checked(self) -> bool:
        return not any(option.checked for option in self.options)
