"""Find input files and decode them to text, reporting unusable ones instead of failing."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from pathlib import Path

from graphkit.errors import InputProblem

__all__ = ["SUPPORTED_SUFFIXES", "decode", "decode_bytes", "iter_input_files", "read_bytes"]

SUPPORTED_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv", ".tsv",
    ".rss", ".atom", ".xml", ".pdf",
)  # fmt: skip
MAX_FILE_BYTES = 200 * 1024 * 1024  # larger inputs are almost certainly not articles


def iter_input_files(
    inputs: list[Path] | list[str],
) -> Iterator[Path | InputProblem]:
    """Yield supported files under the inputs, sorted, each once; problems are yielded too.

    A directory contributes only files with a supported suffix (so a gold YAML beside the
    articles is ignored); a file named explicitly with another suffix is a problem.
    """
    seen: set[Path] = set()
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            yield InputProblem(path=str(path), reason="no such file or directory")
        elif path.is_dir():
            yield from _walk(path, seen)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield InputProblem(
                path=str(path),
                reason=f"unsupported file type {path.suffix or '(none)'}; "
                f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            )
        else:
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                yield path


def _walk(root: Path, seen: set[Path]) -> Iterator[Path | InputProblem]:
    visited_dirs: set[tuple[int, int]] = set()
    problems: list[InputProblem] = []

    def on_error(err: OSError) -> None:
        problems.append(InputProblem(path=str(err.filename), reason=err.strerror or str(err)))

    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        stat = os.stat(dirpath)
        key = (stat.st_dev, stat.st_ino)
        if key in visited_dirs:  # a symlink loop: walk each real directory once
            problems.append(InputProblem(path=dirpath, reason="symlink loop; skipped"))
            dirnames.clear()
            continue
        visited_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            found.append(Path(dirpath) / name)
    for path in sorted(found):
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append(InputProblem(path=str(path), reason="broken or looping symlink"))
            continue
        if real not in seen:
            seen.add(real)
            yield path
    yield from sorted(problems, key=str)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: Path) -> bytes | InputProblem:
    """The file's bytes, or why they cannot be had (missing, unreadable, empty, too large)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return InputProblem(
                path=str(path), reason=f"file is {size // 2**20} MiB; the limit is 200 MiB"
            )
        data = path.read_bytes()
    except PermissionError:
        return InputProblem(path=str(path), reason="permission denied")
    except IsADirectoryError:
        return InputProblem(path=str(path), reason="is a directory")
    except OSError as err:
        return InputProblem(path=str(path), reason=err.strerror or "cannot be read")
    if not data.strip():
        return InputProblem(path=str(path), reason="empty file")
    return data


def decode(path: Path) -> str | InputProblem:
    """Read a file as text (UTF-8, or UTF-16/32 with a BOM); explain why when it cannot be."""
    data = read_bytes(path)
    if isinstance(data, InputProblem):
        return data
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: Path) -> str | InputProblem:
    """``data`` as text with ``\\n`` line ends (UTF-8, or UTF-16/32 with a BOM)."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    else:
        if b"\x00" in data[:8192]:
            return InputProblem(path=str(path), reason="binary file (contains NUL bytes)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        return InputProblem(
            path=str(path), reason=f"not valid {encoding.upper()} text (byte {err.start})"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        return InputProblem(path=str(path), reason="no text")
    return text
