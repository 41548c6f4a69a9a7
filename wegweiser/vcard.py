"""vCard 3.0 files, so a phone saves an office's contact in one tap.

Every value is escaped for vCard (RFC 6350 § 3.4): backslash, comma and semicolon get a
backslash, and *every* kind of line break – CR, LF, and the separators that some readers also
break at (VT, FF, FS/GS/RS, NEL, U+2028, U+2029) – becomes ``\\n``, so a value can never start a
property or a second card of its own. Lines are joined with CRLF as the format requires.
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def escape(value: object) -> str:
    """A value for one vCard property line."""
    text = _CONTROL.sub("", str(value))
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return _BREAKS.sub("\\\\n", text)


def card(template_output: str) -> str:
    """The rendered template as a vCard file: empty lines dropped, CRLF line ends.

    Splits only at the template's own line feeds (values were escaped, so they hold none)."""
    lines = [line for line in template_output.split("\n") if line.strip()]
    return "\r\n".join(lines) + "\r\n"
