"""How a family of macros declares what pages may call."""

from __future__ import annotations

import inspect
from typing import Any, Callable

from .context import RenderContext, RenderError


class MacroSet:
    """The macros of one family: ``@macros.macro`` marks a function ``f(ctx, ...)`` as callable
    from pages as ``{{ f(...) }}``."""

    def __init__(self, family: str):
        self.family = family
        self.functions: dict[str, Callable[..., Any]] = {}

    def macro(self, function: Callable[..., Any]) -> Callable[..., Any]:
        self.functions[function.__name__] = function
        return function

    def bind(self, ctx: RenderContext) -> dict[str, Callable[..., Any]]:
        """The family's macros for one page; a wrong argument is a clear error, not a TypeError."""
        return {name: _strict(name, function, ctx) for name, function in self.functions.items()}


def _strict(name: str, function: Callable[..., Any], ctx: RenderContext) -> Callable[..., Any]:
    signature = inspect.signature(function)
    allowed = [parameter for parameter in list(signature.parameters)[1:]]

    def call(*args, **kwargs):
        try:
            signature.bind(ctx, *args, **kwargs)
        except TypeError as error:
            raise RenderError(f"{name}(): {error}; arguments: {', '.join(allowed) or 'none'}") from None
        return function(ctx, *args, **kwargs)

    call.__name__ = name
    return call
