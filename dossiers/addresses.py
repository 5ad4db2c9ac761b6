"""Postal addresses as typed or pasted by the debtor.

A block pasted from the agency's letter often starts with the agency's name,
which the letters already print above the address: « Intrum / Intrum ».
"""

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    """``text`` compared without case, accents, spaces or punctuation."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return _NOT_ALNUM.sub("", plain.casefold())


def without_name(lines: list[str], name: str) -> list[str]:
    """``lines`` without the leading lines that only repeat ``name``."""
    key = _key(name)
    start = 0
    while key and start < len(lines) and _key(lines[start]) == key:
        start += 1
    return lines[start:]


def address_without_name(address: str, name: str) -> str:
    """The address as stored: its lines, trimmed, without the name line."""
    lines = [line.strip() for line in (address or "").splitlines() if line.strip()]
    return "\n".join(without_name(lines, name))


_POSTAL_LINE = re.compile(r"^(?:F-?\s*)?(\d{2}\s?\d{3})\s+(\S.*)$", re.IGNORECASE)


def postal_town(address: str) -> str:
    """« 69800 Saint-Priest »: the last line of a French address that starts
    with a postcode, or "" when there is none (a foreign or partial address)."""
    for line in reversed((address or "").splitlines()):
        match = _POSTAL_LINE.match(line.strip())
        if match:
            return f"{match[1].replace(' ', '')} {match[2].strip()}"
    return ""
