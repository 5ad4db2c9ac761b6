"""``python manage.py read_letter FILE [--json]``: read one letter file."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dossiers.law.checks import AGENCY_ROLES, LETTER_KINDS
from reading.one_file import FileRefused, read_file

LABELS = (
    ("agency", "Société"),
    ("agency_address", "Adresse de la société"),
    ("reference", "Référence"),
    ("letter_date", "Date du courrier"),
    ("creditor", "Créancier"),
    ("creditor_address", "Adresse du créancier"),
    ("agency_role", "Rôle de la société"),
    ("letter_kind", "Type de courrier"),
    ("total", "Total réclamé"),
)


class Command(BaseCommand):
    help = "Lit un courrier (photo JPEG/PNG/HEIC ou PDF) avec le lecteur du site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--json",
            action="store_true",
            help="Sortie JSON (clés fixes, null si absent).",
        )
        parser.add_argument(
            "--text", action="store_true", help="Affiche aussi le texte lu."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            reading = read_file(options["file"])
        except FileRefused as refused:
            raise CommandError(refused.message) from refused
        if options["json"]:
            self.stdout.write(
                json.dumps(reading.as_json(), ensure_ascii=False, indent=2)
            )
            return
        data = reading.draft.as_dict()
        self.stdout.write(
            f"Courrier lu : {reading.pages} page(s) en {reading.seconds:.1f} s."
        )
        for key, label in LABELS:
            self.stdout.write(f"{label} : {_shown(key, data)}{_where(key, data)}")
        for line in data["lines"]:
            self.stdout.write(f"  - {line['label']} : {line['amount']} €")
        reproduced = "oui" if data["fees_article_reproduced"] else "non"
        self.stdout.write(f"Article L111-8 recopié : {reproduced}")
        if reading.draft.is_empty:
            self.stdout.write("Rien d'utile n'a pu être lu sur ce courrier.")
        if options["text"]:
            self.stdout.write("\n--- Texte lu ---\n" + reading.text)


def _shown(key: str, data: dict[str, Any]) -> str:
    value = data[key]
    if value is None:
        return "non trouvé"
    if key == "agency_role":
        return AGENCY_ROLES[value].label
    if key == "letter_kind":
        return LETTER_KINDS[value].label
    if key == "total":
        return f"{value} €"
    return str(value).replace("\n", ", ")


def _where(key: str, data: dict[str, Any]) -> str:
    evidence = data["evidence"].get(key)
    if not evidence:
        return ""
    return f"  (ligne {evidence['line']} : « {evidence['text'][:70]} »)"
