"""Who acts on whom: one Markdown table per target actor."""

from __future__ import annotations

from collections import defaultdict

from graphkit.models import Actor, Graph, RelationType

__all__ = ["ROLES", "stats_markdown"]

# Column heading per relation type, from the target's point of view.
ROLES: dict[RelationType, str] = {
    RelationType.SUPPORTS: "Supporters",
    RelationType.CONDEMNS: "Condemners",
    RelationType.LOBBIES: "Lobbyists",
    RelationType.DETAINS: "Detained by",
}


def _cell(text: str) -> str:
    # A pipe would end the cell and a newline the row.
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def _label(actor: Actor) -> str:
    return f"{_cell(actor.name)} ({actor.kind.value})"


def stats_markdown(graph: Graph) -> str:
    """Markdown: per target actor, its supporters, condemners, lobbyists and detainers.

    Targets come in order of evidence received (most first, then by name and id); in each
    table the rows follow the role order above, then evidence count (most first), then
    name. Counts are pieces of evidence.
    """
    actors = {a.id: a for a in graph.actors}
    incoming: dict[str, list[tuple[RelationType, Actor, int]]] = defaultdict(list)
    for rel in graph.relations:
        incoming[rel.target].append((rel.type, actors[rel.source], rel.count))
    lines = ["# Influence by target", ""]
    if not incoming:
        lines.append("No relations in this graph.")
        return "\n".join(lines) + "\n"
    role_order = list(ROLES)

    def target_key(target: str) -> tuple[int, str, str]:
        total = sum(count for _, _, count in incoming[target])
        return (-total, actors[target].name.casefold(), target)

    for target in sorted(incoming, key=target_key):
        rows = sorted(
            incoming[target],
            key=lambda row: (role_order.index(row[0]), -row[2], row[1].name.casefold(), row[1].id),
        )
        total = sum(count for _, _, count in rows)
        lines += [
            f"## {_label(actors[target])}: {total} piece{'s' if total != 1 else ''} of evidence",
            "",
            "| Role | Actor | Evidence |",
            "| --- | --- | ---: |",
        ]
        lines += [f"| {ROLES[kind]} | {_label(source)} | {count} |" for kind, source, count in rows]
        lines.append("")
    return "\n".join(lines)
