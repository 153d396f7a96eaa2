"""Convert PETRARCH2's Phoenix dictionaries (vendor/petrarch2/, MIT) into graphkit data files.

    python scripts/convert_phoenix.py           # (re)write the data files
    python scripts/convert_phoenix.py --check   # exit 1 if a committed file differs

Outputs (deterministic: sorted, no timestamps):
  graphkit/data/agents.yaml                       agent nouns ("soldiers", "rebels") by family
  graphkit/data/actors/phoenix_international.yaml IGOs, NGOs and companies (registry format)
  graphkit/data/actors/phoenix_nonstate.yaml      armed groups, parties (registry format)
  graphkit/data/office_holders.yaml               office holders: name -> dated state roles

The conversion policy (which Phoenix codes are the state, which agent nouns are not actors,
which names are too ambiguous to match) is written down next to the code that applies it, in
scripts/phoenix_agents.py and scripts/phoenix_dictionaries.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phoenix_agents import convert_agents, parse_agents
from phoenix_dictionaries import (
    DATA,
    INTERNATIONAL_KINDS,
    NONSTATE_KINDS,
    ROOT,
    VENDOR,
    convert_actor_file,
    convert_office_holders,
)

__all__ = ["main", "outputs", "parse_agents"]


def outputs(vendor: Path = VENDOR) -> dict[Path, str]:
    return {
        DATA / "agents.yaml": convert_agents(vendor),
        DATA / "actors" / "phoenix_international.yaml": convert_actor_file(
            vendor,
            "Phoenix.International.actors.txt",
            INTERNATIONAL_KINDS,
            "international organisations, NGOs, companies",
        ),
        DATA / "actors" / "phoenix_nonstate.yaml": convert_actor_file(
            vendor, "Phoenix.MilNonState.actors.txt", NONSTATE_KINDS, "armed and non-state groups"
        ),
        DATA / "office_holders.yaml": convert_office_holders(vendor),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        if args.check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, "utf-8")
    for path in stale:
        print(f"{path.relative_to(ROOT)}: differs from a fresh conversion", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
