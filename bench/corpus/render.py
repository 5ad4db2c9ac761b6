"""A corpus letter as HTML, then as a born-digital PDF (WeasyPrint, system fonts).

The generator's own template, not the product's letter catalog: these are the
letters agencies send, not the ones the assistant writes.
"""

from __future__ import annotations

from html import escape

from reading.extraction import L111_8_AL2, L111_8_AL3

from .specs import ACTS, LetterSpec, letter_date, money

FONTS = ("DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Serif")
CSS = """
@page { size: A4; margin: 18mm 18mm 16mm 20mm; }
body { font-family: '%(font)s'; font-size: %(size)spt; line-height: 1.35; color: #111; }
.head { margin-bottom: 8mm; } .head .name { font-size: 20pt; font-weight: bold; }
.banner { text-align: center; margin-bottom: 6mm; }
.banner .name { font-size: 24pt; font-weight: bold; letter-spacing: 1px; }
.to { margin-left: 52%%; margin-bottom: 8mm; } .right { text-align: right; }
.box { border: 1px solid #444; padding: 2mm 3mm; display: inline-block; }
table.amounts { border-collapse: collapse; margin: 4mm 0; min-width: 60%%; }
table.amounts td, table.amounts th { padding: 1mm 4mm 1mm 0; text-align: left; }
table.ruled td, table.ruled th { border: 1px solid #555; padding: 1mm 3mm; }
td.n { text-align: right; } tr.total td { font-weight: bold; }
table.grid { width: 100%%; margin-bottom: 8mm; } table.grid td { vertical-align: top; }
.small { font-size: 8pt; margin-top: 6mm; } .title { font-weight: bold; }
.foot { font-size: 7.5pt; margin-top: 8mm; border-top: 1px solid #999; padding-top: 2mm; }
.break { page-break-before: always; }
"""


def _lines(*parts: str) -> str:
    return "<br>".join(escape(p) for p in parts if p)


def _town(spec: LetterSpec) -> str:
    return spec.issuer[4].split(" ", 1)[1].replace(" Cedex", "")


def header(spec: LetterSpec) -> str:
    name, head, street, box, town = spec.issuer
    tagline = "Société de recouvrement amiable de créances"
    if spec.kind in ACTS:
        tagline = "Acte de commissaire de justice"
    debtor = f'<p class="to">{_lines(*spec.debtor)}</p>'
    if spec.layout == "banner":
        return (
            f'<div class="banner"><div class="name">{escape(head)}</div>'
            f"<div>{escape(tagline)}</div></div>{debtor}"
            f"<p>Le {escape(letter_date(spec.date, 'numeric'))}</p>"
            f'<p class="box">Votre référence : {escape(spec.reference)}</p>'
        )
    if spec.layout == "grid":
        right = _lines(
            f"Dossier n° {spec.reference}",
            f"Date : {letter_date(spec.date, 'numeric')}",
        )
        return (
            f'<table class="grid"><tr><td><span class="title">{escape(head)}</span><br>'
            f"{_lines(street, box, town)}<br>{escape(tagline)}</td>"
            f'<td class="right">{right}</td></tr></table>{debtor}'
        )
    dated = f"{_town(spec)}, le {letter_date(spec.date, spec.date_style)}"
    return (
        f'<div class="head"><div class="name">{escape(head)}</div>'
        f"{_lines(street, box, town)}<br>{escape(tagline)}<br>Tél. 09 70 00 00 00</div>"
        f'{debtor}<p class="right">{escape(dated)}</p>'
        f"<p>Réf. dossier : {escape(spec.reference)}</p>"
    )


TITLES = {
    "relance": (
        "Objet : Relance amiable",
        "DERNIER AVIS AVANT POURSUITES",
        "Objet : Demande de règlement",
    ),
    "mise_en_demeure": (
        "Objet : Mise en demeure de payer",
        "MISE EN DEMEURE",
        "Objet : Mise en demeure",
    ),
    "commandement": ("COMMANDEMENT DE PAYER",) * 3,
    "injonction_signifiee": (
        "SIGNIFICATION D'UNE ORDONNANCE PORTANT INJONCTION DE PAYER",
    )
    * 3,
    "assignation": ("ASSIGNATION DEVANT LE TRIBUNAL JUDICIAIRE",) * 3,
}


def _creditor_text(spec: LetterSpec) -> tuple[str, str]:
    """(sentence about the agency's role, creditor block) for the body."""
    name, street, town = spec.creditor
    block = ""
    if spec.creditor_style == "label":
        label = "Créancier d'origine" if spec.role == "purchase" else "Créancier"
        block = f"<p>{_lines(f'{label} : {name}', street, town)}</p>"
    if spec.role == "mandate":
        if spec.creditor_style == "phrase":
            return (
                (
                    "Nous intervenons en qualité de société de recouvrement amiable pour "
                    f"le compte de notre client {name}, dont le siège social est situé "
                    f"{street}, {town}, au titre de votre contrat.",
                    f"Mandatés par la société {name}, {street}, {town}, nous sommes "
                    "chargés du recouvrement amiable de votre dette.",
                )[spec.options["tone"] % 2],
                "",
            )
        return (
            "Nous intervenons pour le compte de notre client au titre du "
            "recouvrement amiable de votre dette.",
            block,
        )
    if spec.role == "purchase":
        return (
            (
                f"La créance que vous aviez contractée auprès de {name} a été cédée "
                "à notre société, qui en est désormais propriétaire.",
                f"Nous sommes désormais propriétaires de la créance détenue "
                f"initialement par {name}, qui nous l'a cédée.",
            )[spec.options["tone"] % 2],
            block,
        )
    return ("Votre dossier présente à ce jour un solde impayé.", block)


def _demand(spec: LetterSpec) -> str:
    total = money(spec.total, spec.money_style)
    if spec.kind == "mise_en_demeure":
        return (
            f"Par la présente, nous vous mettons en demeure de régler la somme de "
            f"{total} sous huit jours."
        )
    if spec.kind == "commandement":
        return (
            f"Nous, commissaires de justice, vous faisons commandement de payer la "
            f"somme de {total} dans un délai de huit jours."
        )
    if spec.kind == "assignation":
        return (
            "Nous vous donnons assignation à comparaître à l'audience du tribunal "
            f"judiciaire pour y être condamné à payer la somme de {total}."
        )
    if spec.kind == "injonction_signifiee":
        return (
            "Nous vous signifions l'ordonnance portant injonction de payer ci-jointe. "
            f"Vous devez la somme de {total}."
        )
    return (
        f"Malgré nos précédents courriers, votre dossier présente toujours un solde "
        f"débiteur. Nous vous demandons de régler la somme de {total} sous huit jours."
    )


def _table(spec: LetterSpec) -> str:
    ruled = spec.layout == "banner"
    rows = "".join(
        f'<tr><td>{escape(label)}</td><td class="n">{escape(money(a, spec.money_style))}</td></tr>'
        for _k, label, a in spec.lines
    )
    total = money(spec.total, spec.money_style)
    head = "<tr><th>Détail de la créance</th><th>Montant</th></tr>" if ruled else ""
    return (
        f'<table class="amounts{" ruled" if ruled else ""}">{head}{rows}'
        f'<tr class="total"><td>{escape(spec.total_label)}</td>'
        f'<td class="n">{escape(total)}</td></tr></table>'
    )


def _payment(spec: LetterSpec) -> str:
    return {
        "virement": "Vous pouvez régler par virement sur le compte IBAN FR76 3000 4000 "
        "0500 0012 3456 789, en rappelant votre référence.",
        "cheque": f"Merci d'adresser votre règlement par chèque à l'ordre de {spec.issuer[0]}.",
        "online": "Vous pouvez payer en ligne par carte bancaire sur votre espace client.",
    }[spec.options["payment"]]


def _fees_article(spec: LetterSpec) -> str:
    if spec.l111_8 == "full":
        return (
            '<p class="small">Article L111-8 du code des procédures civiles d\'exécution '
            f"(alinéas 2 et 3) : « {escape(L111_8_AL2)} {escape(L111_8_AL3)} »</p>"
        )
    if spec.l111_8 == "cited":
        return (
            '<p class="small">Conformément à l\'article L111-8 du code des procédures '
            "civiles d'exécution, des frais peuvent vous être réclamés.</p>"
        )
    return ""


def _footer(spec: LetterSpec) -> str:
    name, _head, street, box, town = spec.issuer
    if spec.layout != "banner":
        return f'<p class="foot">{escape(name)} – RCS 412 345 678 – Capital 1 000 000 €</p>'
    parts = " – ".join(p for p in (name, street, box, town) if p)
    return f'<p class="foot">{escape(parts)} – RCS 412 345 678</p>'


def html(spec: LetterSpec) -> str:
    """The letter's HTML (one or two A4 pages)."""
    role, block = _creditor_text(spec)
    title = TITLES[spec.kind][spec.options["tone"]]
    second = (
        '<div class="break"><p class="title">Informations importantes</p>'
        "<p>Conservez ce courrier. Pour toute question, contactez notre service "
        f"client en rappelant la référence {escape(spec.reference)}.</p>"
        if spec.two_pages
        else "<div>"
    )
    number = int(spec.ident[-3:])
    css = CSS % {"font": FONTS[number % len(FONTS)], "size": 10 + number % 3}
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{css}</style>'
        f'</head><body>{header(spec)}<p class="title">{escape(title)}</p>'
        f"<p>{escape(spec.debtor[0].split()[0])},</p><p>{escape(role)}</p>{block}"
        f"<p>{escape(_demand(spec))}</p>{_table(spec)}<p>{escape(_payment(spec))}</p>"
        "<p>Veuillez agréer l'expression de nos salutations distinguées.</p>"
        f"<p>Le service recouvrement</p>{second}{_fees_article(spec)}</div>"
        f"{_footer(spec)}</body></html>"
    )


def pdf(spec: LetterSpec) -> bytes:
    from weasyprint import (
        HTML,
    )  # test tooling: the product renders in letters/rendering.py

    return HTML(string=html(spec)).write_pdf()
