"""The 14 units of the police with their staff strength on 31-12-2022 (Zorgwijzer 2022/2023, §2.1).

Idempotent: units are matched on their code, strength facts on (unit, reference date), so running
it against a database that already holds them changes nothing. The reverse keeps the data: units
may by then carry teams and people, and deleting them would destroy far more than this added.
"""

import datetime

from django.db import migrations

REFERENCE_DATE = datetime.date(2022, 12, 31)
SOURCE = "Zorgwijzer 2022/2023, §2.1 (fte op 31-12-2022)"

# code, name, kind, fte operational (incl. aspiranten), fte non-operational
UNITS = [
    ("amsterdam", "Amsterdam", "regionaal", 5396, 236),
    ("pdc-staf-kl", "PDC/Staf KL", "dienst", 165, 8125),
    ("den-haag", "Den Haag", "regionaal", 6292, 272),
    ("landelijke-eenheid", "Landelijke Eenheid", "landelijk", 4850, 417),
    ("lms", "Landelijke Meldkamer Samenwerking (LMS)", "dienst", 7, 115),
    ("limburg", "Limburg", "regionaal", 2888, 136),
    ("midden-nederland", "Midden-Nederland", "regionaal", 4887, 216),
    ("noord-holland", "Noord-Holland", "regionaal", 3401, 169),
    ("noord-nederland", "Noord-Nederland", "regionaal", 3906, 157),
    ("politieacademie", "Ondersteunende Dienst Politieacademie", "dienst", 35, 1259),
    ("oost-brabant", "Oost-Brabant", "regionaal", 3043, 135),
    ("oost-nederland", "Oost-Nederland", "regionaal", 6972, 285),
    ("rotterdam", "Rotterdam", "regionaal", 5956, 271),
    ("zeeland-west-brabant", "Zeeland-West-Brabant", "regionaal", 3426, 146),
]


def create_units(apps, schema_editor):
    Unit = apps.get_model("organisation", "Unit")
    UnitStrength = apps.get_model("organisation", "UnitStrength")
    for code, name, kind, operational, non_operational in UNITS:
        unit, _ = Unit.objects.update_or_create(code=code, defaults={"name": name, "kind": kind})
        UnitStrength.objects.update_or_create(
            unit=unit,
            reference_date=REFERENCE_DATE,
            defaults={
                "fte_operational": operational,
                "fte_non_operational": non_operational,
                "source": SOURCE,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_units, migrations.RunPython.noop, elidable=False),
    ]
