#!/bin/sh
# Run every test: data unit tests, built-site tests, and browser tests in Debian's chromium.
# Creates .venv with the pinned packages on first use. The browser tests need /usr/bin/chromium
# (Debian package "chromium"); under CI=true they fail rather than skip when it is missing.
set -eu
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/pytest ] || [ requirements-dev.txt -nt .venv/.installed-dev ] || [ requirements.txt -nt .venv/.installed-dev ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  touch .venv/.installed .venv/.installed-dev
fi
exec .venv/bin/python -m pytest "$@"
