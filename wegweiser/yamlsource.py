"""Read YAML files safely while remembering where each value stands (file, line, column).

The validator reports problems as ``file:line:column``; PyYAML's plain loaders forget
positions once they build Python objects, so this module composes the node tree itself and
keeps a map from each value's path (``("institutions", 3, "email")``) to its position.

Data comes from pull requests, so reading is bounded: file size, nesting depth, the number of
values and alias expansions ("billion laughs") are limited, only YAML's standard tags are read,
and every problem – a tab, a missing colon, bytes that are not UTF-8 – becomes a message with
a line and a hint in English and German instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

# ---- Limits ----

MAX_FILE_BYTES = 20 * 1024 * 1024   # a data file is a few hundred KB; 5,000 entries about 10 MB
MAX_VALUES = 1_000_000              # values built from one file
MAX_ALIAS_USES = 2_000              # *alias and <<: *merge uses in one file
MAX_DEPTH = 40                      # nesting of lists and mappings

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}

# ---- Types ----


@dataclass(frozen=True)
class Position:
    """A place in a data file, 1-based as editors show it."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class SourceFile:
    """The parsed content of one YAML file with the position of every value."""

    path: str
    data: Any
    positions: dict[tuple, Position] = field(default_factory=dict)
    key_positions: dict[tuple, Position] = field(default_factory=dict)
    scalars: dict[tuple, str] = field(default_factory=dict)   # the text as written, for hints

    def where(self, path: tuple) -> Position:
        """Position of a value, or of the closest enclosing value that exists."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Position(self.path, 1, 1))

    def where_key(self, path: tuple) -> Position:
        """Position of the key of a mapping entry (where a typo in a field name is)."""
        return self.key_positions.get(tuple(path)) or self.where(path)

    def written(self, path: tuple) -> Optional[str]:
        """A scalar exactly as the maintainer wrote it (``01067`` before YAML made it 567)."""
        return self.scalars.get(tuple(path))


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all, said in English and German with a hint."""

    def __init__(self, position: Position, en: str, de: str, hint_en: str = "", hint_de: str = ""):
        super().__init__(f"{position} {en}")
        self.position = position
        self.en, self.de, self.hint_en, self.hint_de = en, de, hint_en, hint_de


# ---- Loader ----


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps dates as text: the validator checks their format itself."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _fast_loader() -> Optional[type]:
    """The same resolvers (dates stay text) over libyaml's parser, where PyYAML was built with it."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    return type("_FastLoader", (yaml.CSafeLoader,), {"yaml_implicit_resolvers": _Loader.yaml_implicit_resolvers})


_FastLoader = _fast_loader()

# What PyYAML's Python reader refuses (yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def read(path: Path | str, display: str | None = None) -> SourceFile:
    """Parse ``path``; raise YamlProblem with file:line:column when it cannot be read."""
    shown = display or str(path)
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlProblem(Position(shown, 1, 1),
                          f"file is too large ({size // 1024 // 1024} MB; at most {MAX_FILE_BYTES // 1024 // 1024} MB)",
                          f"Datei ist zu groß ({size // 1024 // 1024} MB; höchstens {MAX_FILE_BYTES // 1024 // 1024} MB)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise YamlProblem(Position(shown, line, column), "the file is not saved as UTF-8",
                          "die Datei ist nicht als UTF-8 gespeichert",
                          "save it as UTF-8 in your editor (VS Code: bottom bar › encoding)",
                          "im Editor als UTF-8 speichern (VS Code: Leiste unten › Codierung)") from None
    return parse(text, shown)


def _compose(text: str):
    """The node tree of ``text``: with libyaml's C parser when PyYAML has it (about 15 times
    faster: 5,000 entries in a second instead of 20), else with the Python parser. Any text the
    C parser does not take, or that has characters the Python reader refuses, goes through the
    Python parser, so every problem is reported exactly as before."""
    if _FastLoader is not None and not _NON_PRINTABLE.search(text):
        try:
            loader = _FastLoader(text)
            try:
                return loader.get_single_node()
            finally:
                loader.dispose()
        except Exception:  # noqa: BLE001 - the Python parser below says what is wrong
            pass
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse(text: str, shown: str) -> SourceFile:
    """Parse YAML text that came from the file shown as ``shown``."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        raise _explain(err, shown, text) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        raise YamlProblem(Position(shown, line, column), f"invisible control character U+{err.character:04X}",
                          f"unsichtbares Steuerzeichen U+{err.character:04X}",
                          "delete it (it often comes from copying out of a PDF or Word)",
                          "löschen (kommt oft beim Kopieren aus PDF oder Word)") from None
    except yaml.YAMLError as err:
        raise YamlProblem(Position(shown, 1, 1), f"YAML syntax: {err}", f"YAML-Syntaxfehler (englisch: {err})") from None
    except RecursionError:
        raise _too_deep(Position(shown, 1, 1)) from None
    source = SourceFile(shown, None)
    if node is None:
        source.positions[()] = Position(shown, 1, 1)
        return source
    builder = _Builder(source)
    source.data = builder.build(node, ())
    return source


def _too_deep(position: Position) -> YamlProblem:
    return YamlProblem(position, f"nested too deeply (more than {MAX_DEPTH} levels)",
                       f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")


class _Builder:
    """Turns nodes into plain values, recording positions, with bounded work."""

    def __init__(self, source: SourceFile):
        self.source = source
        self.constructor = _Loader("")
        self.values = 0
        self.alias_uses = 0
        self.seen: set[int] = set()
        self.active: set[int] = set()

    def position(self, node: yaml.Node) -> Position:
        return Position(self.source.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: tuple, depth: int = 0) -> Any:
        where = self.position(node)
        if depth > MAX_DEPTH:
            raise _too_deep(where)
        self.values += 1
        if self.values > MAX_VALUES:
            raise YamlProblem(where, f"too many values (more than {MAX_VALUES:,}); are anchors (&) and aliases (*) expanding?",
                              f"zu viele Werte (mehr als {MAX_VALUES:,}); vervielfachen Anker (&) und Aliasse (*) den Inhalt?")
        if id(node) in self.active:
            raise YamlProblem(where, "an alias (*) refers to the value it is part of", "ein Alias (*) verweist auf den Wert, in dem er steht")
        if id(node) in self.seen and not isinstance(node, yaml.ScalarNode):
            self.alias_uses += 1
            if self.alias_uses > MAX_ALIAS_USES:
                raise YamlProblem(where, f"too many alias uses (*name; more than {MAX_ALIAS_USES})",
                                  f"zu viele Alias-Verwendungen (*name; mehr als {MAX_ALIAS_USES})")
        self.seen.add(id(node))
        self.source.positions[path] = where
        if node.tag not in _STANDARD_TAGS and not (node.tag == "tag:yaml.org,2002:merge"):
            raise YamlProblem(where, f'the tag "{node.tag}" is not allowed', f'das Tag "{node.tag}" ist nicht erlaubt',
                              "remove the part starting with ! (write plain text, in quotes if needed)",
                              "den Teil mit ! entfernen (einfachen Text schreiben, wenn nötig in Anführungszeichen)")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path, depth)
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, path + (index,), depth + 1) for index, item in enumerate(node.value)]
            self.source.scalars[path] = node.value
            try:
                return self.constructor.construct_object(node, deep=True)
            except yaml.YAMLError as error:
                raise YamlProblem(where, f"value cannot be read: {getattr(error, 'problem', error)}",
                                  "Wert kann nicht gelesen werden", "write it as plain text in quotes",
                                  "als einfachen Text in Anführungszeichen schreiben") from None
        finally:
            self.active.discard(id(node))

    def _key(self, key_node: yaml.Node) -> str:
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(self.position(key_node), "a field name must be plain text", "ein Feldname muss einfacher Text sein",
                              "write `name: value`; `?` and lists as keys are not used here",
                              "`name: Wert` schreiben; `?` und Listen als Schlüssel gibt es hier nicht")
        return str(key_node.value)

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        result: dict = {}
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<"
                                                             and not key_node.style):
                merges.append(value_node)
                continue
            key = self._key(key_node)
            where = self.position(key_node)
            if key in result:
                first = self.source.key_positions.get(path + (key,))
                raise YamlProblem(where, f'duplicate key "{key}"', f'doppelter Schlüssel "{key}"',
                                  f"first written at line {first.line}" if first else "",
                                  f"zuerst in Zeile {first.line}" if first else "")
            self.source.key_positions[path + (key,)] = where
            result[key] = self.build(value_node, path + (key,), depth + 1)
        # `<<: *base` (a merge key, as in many tutorials): the base's fields, unless written here
        for merge in merges:
            bases = merge.value if isinstance(merge, yaml.SequenceNode) else [merge]
            for base in bases:
                if not isinstance(base, yaml.MappingNode):
                    raise YamlProblem(self.position(merge), "<< must refer to a mapping (<<: *name)",
                                      "<< muss auf eine Zuordnung verweisen (<<: *name)")
                merged = self._mapping_of(base, path, depth)
                for key, value in merged.items():
                    result.setdefault(key, value)
        return result

    def _mapping_of(self, base: yaml.MappingNode, path: tuple, depth: int) -> dict:
        """A merged mapping's values; their positions are where the anchor's fields are written."""
        self.alias_uses += 1
        if self.alias_uses > MAX_ALIAS_USES:
            raise YamlProblem(self.position(base), f"too many alias uses (more than {MAX_ALIAS_USES})",
                              f"zu viele Alias-Verwendungen (mehr als {MAX_ALIAS_USES})")
        values = {}
        for key_node, value_node in base.value:
            key = self._key(key_node)
            if path + (key,) not in self.source.positions:
                self.source.key_positions.setdefault(path + (key,), self.position(key_node))
                values[key] = self.build(value_node, path + (key,), depth + 1)
        return values


# ---- Explaining syntax errors ----


def _explain(err: yaml.MarkedYAMLError, shown: str, text: str) -> YamlProblem:
    """A syntax error as a maintainer can act on it: the right line and a hint."""
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()

    def at(line_no: int, col: int = 1) -> Position:
        return Position(shown, line_no, col)

    unclosed = _unclosed_quote(lines, line)
    if unclosed and ("expected <block end>" in problem or "could not find expected" in problem
                     or "found unexpected end of stream" in problem or "did not find expected key" in problem):
        return YamlProblem(at(unclosed, 1), "YAML syntax: a quotation mark is not closed",
                           "YAML-Syntax: ein Anführungszeichen wird nicht geschlossen",
                           'end the text with the same quotation mark it starts with: "…" or \'…\'',
                           'den Text mit demselben Anführungszeichen beenden, mit dem er beginnt: "…" oder \'…\'')
    if "'\\t'" in problem or "\\t" in problem or (mark and 0 < line <= len(lines) and "\t" in lines[line - 1][: column]):
        return YamlProblem(at(line, column), "YAML syntax: a tab character", "YAML-Syntax: ein Tabulatorzeichen",
                           "indent with spaces, not tabs; in VS Code: bottom bar › Spaces: 2",
                           "mit Leerzeichen einrücken, nicht mit Tabs; in VS Code: Leiste unten › Leerzeichen: 2")
    if "could not find expected ':'" in problem:
        start = err.context_mark or mark
        row = start.line + 1 if start else line
        return YamlProblem(at(row, (start.column + 1) if start else 1), "YAML syntax: a colon is missing",
                           "YAML-Syntax: ein Doppelpunkt fehlt",
                           "write `field: value`, with a colon and a space after the field name",
                           "`feld: wert` schreiben, mit Doppelpunkt und Leerzeichen nach dem Feldnamen")
    if "while scanning a quoted scalar" in context or "found unexpected end of stream" in problem and "quoted" in context:
        start = err.context_mark or mark
        return YamlProblem(at(start.line + 1, start.column + 1) if start else at(line, 1), "YAML syntax: a quotation mark is not closed",
                           "YAML-Syntax: ein Anführungszeichen wird nicht geschlossen",
                           'end the text with the same quotation mark it starts with: "…" or \'…\'',
                           'den Text mit demselben Anführungszeichen beenden, mit dem er beginnt: "…" oder \'…\'')
    if "mapping values are not allowed here" in problem:
        return YamlProblem(at(line, column), "YAML syntax: a colon in the wrong place",
                           "YAML-Syntax: ein Doppelpunkt an falscher Stelle",
                           'a text that contains ": " must be in quotes – or check the indentation of this line',
                           'ein Text mit ": " muss in Anführungszeichen stehen – oder die Einrückung dieser Zeile prüfen')
    if "expected <block end>" in problem or "did not find expected key" in problem or "bad indentation" in problem \
            or "expected <block" in problem:
        return YamlProblem(at(line, column), "YAML syntax: the indentation does not fit",
                           "YAML-Syntax: die Einrückung passt nicht",
                           "indent this line like the other fields of its entry, 2 spaces per level",
                           "diese Zeile so einrücken wie die anderen Felder ihres Eintrags, 2 Leerzeichen je Ebene")
    if "found character" in problem and "that cannot start any token" in problem:
        char = re.search(r"'(.+?)'", problem)
        shown_char = char.group(1) if char else "?"
        return YamlProblem(at(line, column), f"YAML syntax: a value cannot start with {shown_char}",
                           f"YAML-Syntax: ein Wert kann nicht mit {shown_char} beginnen",
                           "put the value in quotes", "den Wert in Anführungszeichen setzen")
    if "found undefined alias" in problem:
        return YamlProblem(at(line, column), "YAML syntax: an alias (*name) without its anchor (&name)",
                           "YAML-Syntax: ein Alias (*name) ohne seinen Anker (&name)")
    if "found duplicate anchor" in problem:
        return YamlProblem(at(line, column), "YAML syntax: the same anchor (&name) twice", "YAML-Syntax: derselbe Anker (&name) zweimal")
    return YamlProblem(at(line, column), f"YAML syntax: {problem or context or 'invalid YAML'}",
                       f"YAML-Syntaxfehler (englisch: {problem or context or 'invalid YAML'})",
                       "compare with the entry above; in doubt, put texts in quotes",
                       "mit dem Eintrag darüber vergleichen; im Zweifel Texte in Anführungszeichen setzen")


def _unclosed_quote(lines: list[str], until: int) -> Optional[int]:
    """The first line before ``until`` whose value opens a double-quoted text it does not close."""
    for number, text in enumerate(lines[:until], 1):
        value = text.split(": ", 1)[1] if ": " in text else (text.strip()[2:] if text.strip().startswith("- ") else "")
        value = value.strip()
        if value.startswith('"'):
            quotes = len(re.findall(r'(?<!\\)"', value))
            if quotes % 2 == 1:
                return number
    return None
