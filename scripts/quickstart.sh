#!/usr/bin/env bash
# Fresh machine to influence map: set up .venv, build the seed graph into out/, print the map path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/graphkit build seeds --out out
echo "graph files: $(pwd)/out (graph.json, graph.graphml, graph.cypher, graph.html)"
