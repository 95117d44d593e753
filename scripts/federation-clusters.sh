#!/usr/bin/env bash
# Three extra PostgreSQL clusters with wal_level=logical for the federation tests and for trying a
# hub with two provinces on one machine: fedhub on 5441, fedprov1 on 5442, fedprov2 on 5443.
#   scripts/federation-clusters.sh up     create (if absent) and start them; idempotent
#   scripts/federation-clusters.sh down   stop and remove them
#   scripts/federation-clusters.sh ports  print the ports (FEDERATION_TEST_PORTS)
# Runs as root or as the postgres user (pg_createcluster); the main cluster on 5432 is never touched.
set -euo pipefail

VERSION="${FEDERATION_PG_VERSION:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)}"
CLUSTERS=(fedhub:5441 fedprov1:5442 fedprov2:5443)

# A cluster exists when PostgreSQL's own list has it (a leftover /etc directory is not one).
exists() { pg_lsclusters -h | awk -v v="$VERSION" -v n="$1" '$1 == v && $2 == n { found = 1 } END { exit !found }'; }

ports() {
  local list=()
  for c in "${CLUSTERS[@]}"; do list+=("${c#*:}"); done
  (IFS=,; echo "${list[*]}")
}

up() {
  [ -n "$VERSION" ] || { echo "federation-clusters: PostgreSQL server packages are not installed" >&2; exit 1; }
  for c in "${CLUSTERS[@]}"; do
    local name="${c%%:*}" port="${c#*:}"
    if ! exists "$name"; then
      # What a removed cluster left behind (our conf.d file keeps pg_dropcluster from removing it).
      rm -rf "/etc/postgresql/$VERSION/$name"
      # Small: three of these share a 2-core CI machine with the main server.
      pg_createcluster "$VERSION" "$name" -p "$port" --start-conf=manual -- --auth-local=trust --auth-host=trust >/dev/null
      cat >"/etc/postgresql/$VERSION/$name/conf.d/federation.conf" <<CONF
listen_addresses = '127.0.0.1'
wal_level = logical
max_replication_slots = 16
max_wal_senders = 16
max_logical_replication_workers = 8
max_worker_processes = 16
max_slot_wal_keep_size = 1GB
shared_buffers = 32MB
max_connections = 60
fsync = off
synchronous_commit = off
full_page_writes = off
wal_receiver_status_interval = 1s
wal_retrieve_retry_interval = 1s
CONF
    fi
    if ! pg_ctlcluster "$VERSION" "$name" status >/dev/null 2>&1; then
      pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$name" start
    fi
  done
  for c in "${CLUSTERS[@]}"; do
    local port="${c#*:}"
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p "$port" -q || { echo "federation-clusters: port $port did not start" >&2; exit 1; }
  done
  echo "federation clusters up: FEDERATION_TEST_PORTS=$(ports)"
}

down() {
  for c in "${CLUSTERS[@]}"; do
    local name="${c%%:*}"
    if exists "$name"; then
      pg_dropcluster --stop "$VERSION" "$name"
    fi
    rm -rf "/etc/postgresql/$VERSION/$name"
  done
  echo "federation clusters removed"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  ports) ports ;;
  *) echo "usage: $0 up|down|ports" >&2; exit 2 ;;
esac
