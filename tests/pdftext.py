"""The text of a PDF as a reader sees it, page by page.

PDFium (pypdfium2, which the reader app already uses) reads a letter's text
about twenty times faster than pypdf's ``extract_text`` (3 ms against 73 ms
for a two-page letter) and gives the same lines; pypdf still reads the
structure (metadata, tags, fonts, attachments) where a test needs it.
"""

from pathlib import Path

import pypdfium2 as pdfium


def page_texts(pdf: bytes | Path) -> list[str]:
    """Each page's text, lines separated by ``\\n``."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()
