"""The 2021/2022 tables of Zorgwijzer 2022/2023, section 2 (§2.2 absence, §2.3 occupational-risk
reports, §2.4 violence against police officers). §2.1 (fte per unit) is organisation.UnitStrength.

Idempotent: tables are matched on their code and numbers on (table, label, year), so running it
again changes nothing. The reverse removes these three tables and every number in them.
"""

from decimal import Decimal

from django.db import migrations

# code, section, title, measure, ranked, notes, [(label, {year: value}, is_total, {year: note})]
TABLES = [
    (
        "verzuim",
        "2.2",
        "Verzuim bij de politie",
        "percentage",
        False,
        "Twaalfmaandsgemiddelde van het ziekteverzuim.",
        [
            (
                "Verzuimpercentage (12-maandsgemiddelde)",
                {2021: "5.6", 2022: "6.7"},
                False,
                {2021: "Afgeleid: de bron noemt 6,7% over 2022, 1,1 procentpunt hoger dan over 2021."},
            ),
        ],
    ),
    (
        "beroepsrisico-meldingen",
        "2.3",
        "Meldingen bij Team Beroepsrisico",
        "aantal",
        False,
        "Meldingen van beroepsincidenten, beroepsziekten en dienstongevallen.",
        [
            ("Beroepsincident", {2021: "160", 2022: "186"}, False, {}),
            ("Beroepsziekte (excl. PTSS)", {2021: "97", 2022: "88"}, False, {}),
            ("Beroepsziekte PTSS", {2021: "284", 2022: "374"}, False, {}),
            ("Dienstongeval", {2021: "3501", 2022: "3560"}, False, {}),
            ("Totaal", {2021: "4042", 2022: "4208"}, True, {}),
        ],
    ),
    (
        "geweld-top-10",
        "2.4",
        "De tien meest voorkomende vormen van geweld tegen politieambtenaren",
        "aantal",
        True,
        "Unieke registraties: wie meer vormen van geweld meemaakt, telt één keer mee, "
        "onder de ernstigste vorm. De totaalregel telt alle vormen, ook die buiten de tien.",
        [
            ("Belediging", {2021: "5826", 2022: "6035"}, False, {}),
            ("Wederspannigheid", {2021: "2673", 2022: "2815"}, False, {}),
            ("Bedreiging woordelijk", {2021: "1035", 2022: "1081"}, False, {}),
            ("Openlijk geweld", {2021: "448", 2022: "245"}, False, {}),
            ("Mishandeling (eenvoudig)", {2021: "396", 2022: "472"}, False, {}),
            ("Wederspannigheid met letsel ten gevolge", {2021: "382", 2022: "366"}, False, {}),
            ("Belediging - spugen", {2021: "371", 2022: "326"}, False, {}),
            ("Bedreiging feitelijk (voorwerp)", {2021: "368", 2022: "299"}, False, {}),
            ("Poging zware mishandeling", {2021: "244", 2022: "206"}, False, {}),
            ("Poging tot doodslag", {2021: "231", 2022: "170"}, False, {}),
            # §2.4 gives the 2022 total of all forms only in its text; 2021 is not given.
            ("Alle vormen van geweld samen", {2022: "12837"}, True, {}),
        ],
    ),
]


def load_section_2(apps, schema_editor):
    FigureTable = apps.get_model("figures", "FigureTable")
    FigureRow = apps.get_model("figures", "FigureRow")
    for table_order, (code, section, title, measure, ranked, notes, rows) in enumerate(TABLES, start=1):
        table, _ = FigureTable.objects.update_or_create(
            code=code,
            defaults={
                "section": section,
                "title": title,
                "measure": measure,
                "ranked": ranked,
                "notes": notes,
                "source": f"Zorgwijzer 2022/2023, §{section}",
                "order": table_order,
            },
        )
        for row_order, (label, values, is_total, notes_per_year) in enumerate(rows, start=1):
            for year, value in values.items():
                FigureRow.objects.update_or_create(
                    table=table,
                    label=label,
                    year=year,
                    defaults={
                        "value": Decimal(value),
                        "order": row_order,
                        "is_total": is_total,
                        "note": notes_per_year.get(year, ""),
                    },
                )


def remove_section_2(apps, schema_editor):
    apps.get_model("figures", "FigureTable").objects.filter(code__in=[table[0] for table in TABLES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_section_2, remove_section_2, elidable=False),
    ]
