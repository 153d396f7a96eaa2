#!/usr/bin/env bash
# Fresh machine to full test run: set up .venv with dev tools, install Chromium, start Neo4j
# (unless NEO4J_URI points at a server of yours), run ruff, mypy (strict) and the whole pytest suite.
# Skipped tests fail the run: the Neo4j and browser tests must really run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev

# Debian packages the tests need: chromium for the browser tests, graphviz (neato) for the
# report figures' layout.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
command -v neato >/dev/null 2>&1 || missing+=(graphviz)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test: installing Debian ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >&2
fi

started_neo4j=""
if [ -z "${NEO4J_URI:-}" ]; then
  settings=$(scripts/neo4j.sh start)
  while IFS='=' read -r key value; do
    case "$key" in NEO4J_URI|NEO4J_USER|NEO4J_PASSWORD) export "$key=$value" ;; esac
  done <<< "$settings"
  started_neo4j=1
  trap 'scripts/neo4j.sh stop >&2 || true' EXIT
fi

.venv/bin/ruff check graphkit tests benchmarks
.venv/bin/mypy graphkit
export GRAPHKIT_NO_SKIP=1
.venv/bin/python -m pytest "$@"
