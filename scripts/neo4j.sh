#!/usr/bin/env bash
# Local Neo4j 5.26 LTS Community server for development and tests.
#
#   scripts/neo4j.sh start    provision (first run: download jars from Maven
#                             Central via mvn), start detached, wait for Bolt,
#                             print NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD
#                             lines on stdout (everything else goes to stderr):
#                               eval "$(scripts/neo4j.sh start)"
#   scripts/neo4j.sh stop     SIGTERM, wait up to NEO4J_STOP_TIMEOUT (60 s), SIGKILL
#   scripts/neo4j.sh status   prints running|stopped, exit 0|3
#
# State lives in <repo>/.neo4j/ (git-ignored): lib/ (jars), build/ (classes),
# data/, logs/ (debug.log), neo4j.log (server stdout), pid, port, password.
#
# Environment: NEO4J_PORT (default 7687; a busy port that is not our server
# makes start pick a free one), NEO4J_HEAP (initial = maximum heap, as Neo4j
# recommends; default 1g), NEO4J_PAGECACHE_MB (default 256), NEO4J_JAVA_OPTS
# (extra JVM options, e.g. GC logging), NEO4J_START_TIMEOUT (seconds, default 180),
# NEO4J_STOP_TIMEOUT (seconds, default 60), JAVA_HOME.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/scripts/neo4j"
STATE="$ROOT/.neo4j"
MAIN_CLASS="graphkit.EmbeddedNeo4j"
PID_FILE="$STATE/pid"
PORT_FILE="$STATE/port"
PASSWORD_FILE="$STATE/password"
LOG_FILE="$STATE/neo4j.log"
LOCK_FILE="$STATE/lock"
READY_MARKER="GRAPHKIT_NEO4J_READY"
NEO4J_USER_NAME="neo4j"

if [[ -n "${JAVA_HOME:-}" ]]; then
    JAVA="$JAVA_HOME/bin/java"
    JAVAC="$JAVA_HOME/bin/javac"
else
    JAVA="java"
    JAVAC="javac"
fi

say() { echo "neo4j.sh: $*" >&2; }
die() { echo "neo4j.sh: error: $*" >&2; exit 1; }

neo4j_version() {
    sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$SRC/pom.xml" | head -n1
}

# --- locking ---------------------------------------------------------------

take_lock() {
    mkdir -p "$STATE"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$LOCK_FILE"
        if ! flock -w 900 9; then
            die "timed out waiting for $LOCK_FILE (another neo4j.sh running?)"
        fi
    fi
}

# --- process detection ------------------------------------------------------

# Is PID a live server of *this* checkout?
is_our_server() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline" == *"$MAIN_CLASS"* && "$cmdline" == *"--home $STATE/home "* ]]
}

# Prints the pid of our running server, or returns 1.
find_server_pid() {
    local pid
    if [[ -f "$PID_FILE" ]]; then
        pid="$(cat "$PID_FILE" 2>/dev/null || true)"
        if is_our_server "$pid"; then
            echo "$pid"
            return 0
        fi
    fi
    # pid file lost or stale: look for our process anyway
    local d
    for d in /proc/[0-9]*; do
        pid="${d#/proc/}"
        if is_our_server "$pid"; then
            echo "$pid" >"$PID_FILE"
            echo "$pid"
            return 0
        fi
    done
    rm -f "$PID_FILE"
    return 1
}

# --- ports -------------------------------------------------------------------

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_free_port() {
    local p i
    for ((i = 0; i < 200; i++)); do
        p=$((20000 + RANDOM % 40000))
        if ! port_in_use "$p"; then
            echo "$p"
            return 0
        fi
    done
    die "could not find a free TCP port"
}

# --- provisioning ------------------------------------------------------------

ensure_tools() {
    command -v "$JAVA" >/dev/null 2>&1 || die "java not found (install a JDK 17 or 21, or set JAVA_HOME)"
    command -v "$JAVAC" >/dev/null 2>&1 || die "javac not found (install a JDK 17 or 21, or set JAVA_HOME)"
    local major
    major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    case "$major" in
        17 | 21) ;;
        *) say "warning: Java $major found; Neo4j 5.26 supports Java 17 and 21" ;;
    esac
}

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# Jars into $STATE/lib, via mvn (cached in ~/.m2); skipped when pom unchanged.
ensure_jars() {
    local version stamp key
    version="$(neo4j_version)"
    [[ -n "$version" ]] || die "cannot read neo4j.version from $SRC/pom.xml"
    key="$(hash_of "$SRC/pom.xml")"
    stamp="$STATE/lib/.stamp"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
        return 0
    fi
    command -v mvn >/dev/null 2>&1 || die "mvn not found; it is needed once to download Neo4j $version from Maven Central"
    say "resolving Neo4j $version jars with Maven (first run downloads ~130 MB; log: $STATE/mvn.log)"
    local tmp="$STATE/lib.tmp"
    rm -rf "$tmp"
    if ! mvn -B -q -f "$SRC/pom.xml" \
        dependency:copy-dependencies \
        -DincludeScope=runtime \
        -DoutputDirectory="$tmp" >"$STATE/mvn.log" 2>&1; then
        rm -rf "$tmp"
        local reason
        reason="$(sed 's/\x1b\[[0-9;]*m//g' "$STATE/mvn.log" | grep -m1 -E '^\[ERROR\] .+' | cut -c9-400 || true)"
        die "could not download Neo4j $version jars from Maven Central: ${reason:-mvn failed} (full log: $STATE/mvn.log)"
    fi
    [[ -f "$tmp/neo4j-$version.jar" ]] || die "Maven finished but neo4j-$version.jar is missing from $tmp (see $STATE/mvn.log)"
    echo "$key" >"$tmp/.stamp"
    rm -rf "$STATE/lib"
    mv "$tmp" "$STATE/lib"
    # the compiled launcher depends on the jars
    rm -rf "$STATE/build"
}

ensure_classes() {
    local src="$SRC/src/main/java/graphkit/EmbeddedNeo4j.java"
    local key stamp="$STATE/build/.stamp"
    key="$(hash_of "$src" "$SRC/pom.xml")"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
        return 0
    fi
    say "compiling $MAIN_CLASS"
    rm -rf "$STATE/build"
    mkdir -p "$STATE/build/classes"
    "$JAVAC" -nowarn --release 17 -encoding UTF-8 -cp "$STATE/lib/*" -d "$STATE/build/classes" "$src" >&2 ||
        die "javac failed for $src"
    echo "$key" >"$stamp"
}

ensure_password() {
    if [[ ! -s "$PASSWORD_FILE" ]]; then
        (
            umask 077
            head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | cut -c1-32 >"$PASSWORD_FILE"
        )
        say "generated a new password in $PASSWORD_FILE"
    fi
    chmod 600 "$PASSWORD_FILE"
}

# --- readiness ---------------------------------------------------------------

PY=""
pick_python() {
    if [[ -x "$ROOT/.venv/bin/python" ]] && "$ROOT/.venv/bin/python" -c 'import neo4j' 2>/dev/null; then
        PY="$ROOT/.venv/bin/python"
    fi
}

# 0: answers RETURN 1 with our credentials (or TCP open without a driver);
# 1: not yet; 2: authentication failed.
bolt_check() {
    local port="$1"
    if [[ -z "$PY" ]]; then
        port_in_use "$port"
        return
    fi
    GK_URI="bolt://127.0.0.1:$port" GK_USER="$NEO4J_USER_NAME" GK_PW="$(cat "$PASSWORD_FILE")" \
        "$PY" - <<'EOF' 2>/dev/null
import os, sys
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError
try:
    with GraphDatabase.driver(os.environ["GK_URI"], auth=(os.environ["GK_USER"], os.environ["GK_PW"]),
                              connection_timeout=3) as d:
        rec = d.execute_query("RETURN 1 AS one").records
        sys.exit(0 if rec and rec[0]["one"] == 1 else 1)
except AuthError:
    sys.exit(2)
except Exception:
    sys.exit(1)
EOF
}

wait_ready() {
    local pid="$1" port="$2" timeout="${NEO4J_START_TIMEOUT:-180}"
    local start=$SECONDS rc
    while true; do
        if ! kill -0 "$pid" 2>/dev/null; then
            say "server exited during start-up; last lines of $LOG_FILE:"
            tail -n 30 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            die "Neo4j failed to start (see $LOG_FILE and $STATE/logs/debug.log)"
        fi
        if grep -q "$READY_MARKER" "$LOG_FILE" 2>/dev/null; then
            rc=0
            bolt_check "$port" || rc=$?
            if [[ $rc -eq 0 ]]; then
                return 0
            elif [[ $rc -eq 2 ]]; then
                die "Bolt on port $port rejects the password in $PASSWORD_FILE"
            fi
        fi
        if ((SECONDS - start > timeout)); then
            say "server did not become ready within ${timeout}s; stopping it"
            do_stop >/dev/null || true
            die "Neo4j start timed out (see $LOG_FILE)"
        fi
        sleep 1
    done
}

print_env() {
    local port="$1"
    echo "NEO4J_URI=bolt://127.0.0.1:$port"
    echo "NEO4J_USER=$NEO4J_USER_NAME"
    echo "NEO4J_PASSWORD=$(cat "$PASSWORD_FILE")"
}

# --- commands ----------------------------------------------------------------

do_start() {
    take_lock
    pick_python
    local pid port
    if pid="$(find_server_pid)"; then
        port="$(cat "$PORT_FILE" 2>/dev/null || true)"
        [[ "$port" =~ ^[0-9]+$ ]] || die "server running (pid $pid) but $PORT_FILE is missing; run '$0 stop' first"
        if [[ -n "${NEO4J_PORT:-}" && "$NEO4J_PORT" != "$port" ]]; then
            say "warning: NEO4J_PORT=$NEO4J_PORT requested, but our server already runs on port $port"
        fi
        say "reusing running server (pid $pid, port $port)"
        [[ -s "$PASSWORD_FILE" ]] || die "server running but $PASSWORD_FILE is missing; run '$0 stop' and start again"
        wait_ready "$pid" "$port"
        print_env "$port"
        return 0
    fi

    ensure_tools
    ensure_jars
    ensure_classes
    ensure_password

    port="${NEO4J_PORT:-7687}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "NEO4J_PORT must be a number, got '$port'"
    if port_in_use "$port"; then
        local wanted="$port"
        port="$(pick_free_port)"
        say "port $wanted is busy (not our server); using port $port"
    fi
    echo "$port" >"$PORT_FILE"

    mkdir -p "$STATE/home" "$STATE/data" "$STATE/logs"
    [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
    say "starting Neo4j $(neo4j_version) on 127.0.0.1:$port (heap ${NEO4J_HEAP:-1g}, page cache ${NEO4J_PAGECACHE_MB:-256}m; log: $LOG_FILE)"
    # fd 9 (the lock) must not leak into the long-running server
    setsid nohup "$JAVA" \
        -Xms"${NEO4J_HEAP:-1g}" -Xmx"${NEO4J_HEAP:-1g}" \
        -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
        -XX:+ExitOnOutOfMemoryError \
        -Djdk.nio.maxCachedBufferSize=1024 \
        -Dio.netty.tryReflectionSetAccessible=true \
        -Dlog4j2.disable.jmx=true \
        --add-opens=java.base/java.nio=ALL-UNNAMED \
        --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
        --add-opens=java.base/java.lang=ALL-UNNAMED \
        ${NEO4J_JAVA_OPTS:-} \
        -cp "$STATE/build/classes:$STATE/lib/*" \
        "$MAIN_CLASS" \
        --home "$STATE/home" \
        --data "$STATE/data" \
        --logs "$STATE/logs" \
        --port "$port" \
        --password-file "$PASSWORD_FILE" \
        --pagecache-mb "${NEO4J_PAGECACHE_MB:-256}" \
        </dev/null >"$LOG_FILE" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
    local t0=$SECONDS
    wait_ready "$pid" "$port"
    say "ready after $((SECONDS - t0))s (pid $pid)"
    print_env "$port"
}

# Stops our server; caller may or may not hold the lock.
do_stop() {
    local pid timeout="${NEO4J_STOP_TIMEOUT:-60}" i
    if ! pid="$(find_server_pid)"; then
        say "not running"
        rm -f "$PID_FILE"
        return 0
    fi
    say "stopping server (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 5; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "still running after ${timeout}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
    fi
    rm -f "$PID_FILE"
    say "stopped"
}

do_status() {
    local pid
    if [[ -d "$STATE" ]] && pid="$(find_server_pid)"; then
        echo "running"
        say "pid $pid, bolt://127.0.0.1:$(cat "$PORT_FILE" 2>/dev/null || echo '?')"
        return 0
    fi
    echo "stopped"
    return 3
}

case "${1:-}" in
    start) do_start ;;
    stop)
        take_lock
        do_stop
        ;;
    status) do_status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 64
        ;;
esac
