"""YAML parsing for graphkit's data files: libyaml's C parser when PyYAML has it (the actor
registry parses about ten times faster), the pure-Python safe loader otherwise."""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["parse_yaml"]

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Safe-load one YAML document (raises ``yaml.YAMLError`` on bad input)."""
    return yaml.load(text, Loader=_LOADER)
