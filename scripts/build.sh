#!/bin/sh
# Build the site into site/ (or preview it live with: sh scripts/build.sh serve).
# Creates .venv with the pinned packages on first use. Needs python3 (3.11) with venv.
set -eu
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/mkdocs ] || [ requirements.txt -nt .venv/.installed ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  touch .venv/.installed
fi
if [ "${1:-build}" = "serve" ]; then
  exec .venv/bin/mkdocs serve --livereload
fi
# The build validates the data once, first, and stops with every problem at once (hooks/macros.py),
# and makes the file:// download from its own output (hooks/download.py).
exec .venv/bin/mkdocs build --strict
