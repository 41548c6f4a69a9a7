"""The sheets family: printable handouts a counsellor gives a client (see templates/sheet_*.html)."""

from __future__ import annotations

from .macros import MacroSet

macros = MacroSet("sheets")
