#!/usr/bin/env bash
# Outbox relay bench (see bench/README.md): drain rate of a 50,000-row backlog and commit-to-consumed latency
# at 200 events/s, next to Kafka's own ProducerPerformance and EndToEndLatency on the same broker.
#
#   bench/relay/run.sh [--service=payments] [--rows=50000] [--drain-runs=3] [--perf-records=200000]
#                      [--rate=200] [--warmup=5] [--duration=30] [--e2e-records=6000]
#                      [--jvm-opts="..."] [--service-env=KEREGE_EVENTS_RELAY_BATCH_SIZE=5000,...]
#                      [--skip=drain,perf,anatomy,latency,e2e] [--anatomy-batches=2000,10000]
#                      [--latency-history=0,50000] [--extra-sql="create index ..."] [--work=<dir>] [--out=<file>]
#
# Needs the service built (<module>/target/quarkus-app/quarkus-run.jar) and this module built with the bench
# profile: ./mvnw -Pbench -o -DskipTests install -pl bench/relay -am
# Starts its own PostgreSQL and Kafka on free ports (a running ./kerege run is not disturbed).
# Results: bench/relay/target/results.md; logs: bench/relay/target/relay/logs/.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/relay

if [[ ! -f $MODULE/target/bench.classpath || ! -d $MODULE/target/classes ]]; then
  echo "run.sh: $MODULE is not built; run: ./mvnw -Pbench -o -DskipTests install -pl bench/relay -am" >&2
  exit 1
fi

exec "$JAVA" -Dkerege.repo="$ROOT" \
  -Dslf4j.internal.verbosity=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" org.kerege.bench.relay.RelayBench "$@"
