#!/usr/bin/env bash
# Status lookup bench (issue 7; see bench/status/README.md): throughput of status-service's public lookup
# (GET /v1/applications/{number} with X-Access-Code: throttle check, application, history, due dates) with wrk,
# next to `pgbench -S` (select-only) on the same PostgreSQL with the same number of clients. Goal: ratio >= 0.5.
#
#   bench/status/run.sh [--connections=16] [--threads=2] [--duration=20] [--warmup=10] [--rounds=3]
#                       [--applications=1000] [--scale=10] [--jvm-opts="..."] [--work=<dir>] [--out=<file>]
#
# Needs wrk and pgbench (apt-get install -y wrk postgresql-client), status-service built
# (./mvnw -o -q -DskipTests install -pl status-service -am) and this module built with the bench profile
# (./mvnw -Pbench -o -DskipTests install -pl bench/status -am). Starts its own PostgreSQL and Kafka on free ports
# (a running ./kerege run is not disturbed). Results: bench/status/target/results.md.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/status

for tool in wrk pgbench; do
  if ! command -v $tool >/dev/null; then
    echo "run.sh: $tool is missing; install it: apt-get install -y wrk postgresql-client" >&2
    exit 1
  fi
done
if [[ ! -f status-service/target/quarkus-app/quarkus-run.jar ]]; then
  echo "run.sh: building status-service ..."
  ./mvnw -o -q -DskipTests install -pl status-service -am
fi
if [[ ! -f $MODULE/target/bench.classpath || ! -d $MODULE/target/classes ]]; then
  echo "run.sh: building $MODULE ..."
  ./mvnw -o -q -Pbench -DskipTests install -pl $MODULE -am
fi

exec "$JAVA" -Dkerege.repo="$ROOT" \
  -Dslf4j.internal.verbosity=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" org.kerege.bench.status.StatusBench "$@"
