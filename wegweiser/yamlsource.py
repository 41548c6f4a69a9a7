"""Read YAML files while remembering where each value stands (file, line, column).

The validator reports problems as ``file:line:column``; PyYAML's plain loaders forget
positions once they build Python objects, so this module composes the node tree itself and
keeps a map from each value's path (``("institutions", 3, "email")``) to its position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all (syntax error, duplicate key)."""

    def __init__(self, position: Position, message: str):
        super().__init__(f"{position} {message}")
        self.position = position
        self.message = message


# ---- Loader ----


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps dates as text: the validator checks their format itself."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path: Path | str, display: str | None = None) -> SourceFile:
    """Parse ``path``; raise YamlProblem with file:line:column when it is not valid YAML."""
    shown = display or str(path)
    text = Path(path).read_text(encoding="utf-8")
    return parse(text, shown)


def parse(text: str, shown: str) -> SourceFile:
    """Parse YAML text that came from the file shown as ``shown``."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = err.problem or err.context or "invalid YAML"
        raise YamlProblem(Position(shown, line, column), f"YAML syntax: {reason}") from None
    source = SourceFile(shown, None)
    if node is None:
        source.positions[()] = Position(shown, 1, 1)
        return source
    constructor = _Loader("")
    source.data = _build(node, (), source, constructor)
    return source


def _build(node: yaml.Node, path: tuple, source: SourceFile, constructor: _Loader) -> Any:
    """Turn a node into plain Python values, recording positions along the way."""
    source.positions[path] = Position(source.path, node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if key in result:
                raise YamlProblem(
                    Position(source.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                    f'duplicate key "{key}" / doppelter Schlüssel "{key}"',
                )
            source.key_positions[path + (key,)] = Position(
                source.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            result[key] = _build(value_node, path + (key,), source, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), source, constructor) for index, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)
