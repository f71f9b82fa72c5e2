# shellcheck shell=bash
# A throw-away PostgreSQL server for the history's integration tests (HistoryPostgresIT): Debian's `postgresql`
# package (in TEST_PACKAGES), its own data directory under a temporary directory owned by the postgres user,
# listening on 127.0.0.1 only, on a free port, with its Unix socket in that directory; one database and one user.
# Sourced by scripts/test after common.sh (log, die); needs root (runuser).
#
#   pg_test_start   initdb, start, create the database; exports VBENCH_TEST_PG_URL
#   pg_test_stop    stop the server and remove its directory (safe to call when nothing was started)

PG_TEST_DIR=""
PG_TEST_BIN=""
PG_TEST_PORT=""
PG_TEST_DB=vbench_test
PG_TEST_USER=vbench_test

# pg_test_bin: the newest installed server's bin directory (/usr/lib/postgresql/VERSION/bin).
pg_test_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]] \
        || die 3 "no PostgreSQL server under /usr/lib/postgresql (install the postgresql package)"
    printf '%s\n' "$dir"
}

# pg_test_free_port: a TCP port nothing listens on at 127.0.0.1, from 40000-59999.
pg_test_free_port() {
    local port tries
    for tries in 1 2 3 4 5 6 7 8 9 10; do
        port=$(( 40000 + (RANDOM * 32768 + RANDOM) % 20000 ))
        if [[ -z $(ss -Hltn "sport = :$port" 2>/dev/null) ]]; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die 3 "no free TCP port found for PostgreSQL after $tries tries"
}

# pg_test_as_postgres CMD...: run a command as the postgres user.
pg_test_as_postgres() { runuser -u postgres -- "$@"; }

# pg_test_sql SQL: run one statement as the superuser over the private socket.
pg_test_sql() {
    pg_test_as_postgres "$PG_TEST_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_TEST_DIR" -p "$PG_TEST_PORT" \
        -d postgres -c "$1" >/dev/null
}

pg_test_start() {
    local password
    id postgres >/dev/null 2>&1 || die 3 "no postgres user (install the postgresql package)"
    PG_TEST_BIN=$(pg_test_bin)
    PG_TEST_PORT=$(pg_test_free_port)
    PG_TEST_DIR=$(mktemp -d /tmp/vbench-pg.XXXXXX)
    chown postgres:postgres "$PG_TEST_DIR"
    chmod 700 "$PG_TEST_DIR"
    log "    initdb in $PG_TEST_DIR ($("$PG_TEST_BIN/postgres" --version))"
    # the socket directory is private to postgres (mode 700): trust there; passwords over TCP
    pg_test_as_postgres "$PG_TEST_BIN/initdb" -D "$PG_TEST_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_TEST_DIR/initdb.log" 2>&1 \
        || { tail -n 20 "$PG_TEST_DIR/initdb.log" >&2; die 3 "initdb failed"; }
    log "    pg_ctl start on 127.0.0.1:$PG_TEST_PORT"
    pg_test_as_postgres "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
        -o "-k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -p $PG_TEST_PORT" start >/dev/null \
        || { tail -n 20 "$PG_TEST_DIR/server.log" >&2; die 3 "PostgreSQL did not start"; }
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    pg_test_sql "CREATE ROLE $PG_TEST_USER LOGIN PASSWORD '$password'"
    pg_test_sql "CREATE DATABASE $PG_TEST_DB OWNER $PG_TEST_USER"
    export VBENCH_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_TEST_PORT/$PG_TEST_DB?user=$PG_TEST_USER&password=$password"
    log "    database $PG_TEST_DB, user $PG_TEST_USER: VBENCH_TEST_PG_URL set"
}

pg_test_stop() {
    [[ -n $PG_TEST_DIR && -d $PG_TEST_DIR ]] || return 0
    if [[ -n $PG_TEST_BIN && -f $PG_TEST_DIR/data/postmaster.pid ]]; then
        pg_test_as_postgres "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w -t 60 stop >/dev/null \
            || log "    pg_ctl stop failed (see $PG_TEST_DIR/server.log)"
    fi
    rm -rf -- "$PG_TEST_DIR"
    PG_TEST_DIR=""
    unset VBENCH_TEST_PG_URL
}
