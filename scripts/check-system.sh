#!/usr/bin/env bash
# Make sure the system packages the project needs are present:
#  - Pango and fonts for WeasyPrint (letters as PDF; DejaVu as the fallback
#    for characters outside the fonts we ship);
#  - Debian's Chromium (/usr/bin/chromium) for the browser tests (tests/e2e);
#  - Node.js and npm to install axe-core (accessibility checks) from the npm registry;
#  - Tesseract 5 and its French model to read photographed letters (reading/).
# As root with apt-get, install what is missing; otherwise say what to install.
set -euo pipefail

missing=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
# System fonts: letters fall back to them for characters outside our Latin
# subsets (a name in Cyrillic or Greek; tests/letters/test_fonts.py).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)  # tests/e2e: PDF page → PNG
# The letter reader's OCR (reading/ocr.py): the engine and its French model.
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
# (`|| true`: before tesseract-ocr is installed the folder is missing, and
# find's failure would end the script under `set -euo pipefail`.)
tessdata=$(find /usr/share/tesseract-ocr -name fra.traineddata 2>/dev/null | head -1 || true)
[ -n "$tessdata" ] || missing+=(tesseract-ocr-fra)
# A Node.js that already ships npm (e.g. NodeSource's) is fine: only ask for
# Debian's packages when a command is really missing.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "(Pango for PDFs, chromium for the browser tests, nodejs/npm for axe-core," >&2
  echo " tesseract-ocr and tesseract-ocr-fra to read photographed letters)" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
