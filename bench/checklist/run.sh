#!/usr/bin/env bash
# Checklist bench (issue 4; see bench/README.md): throughput of requirements-service's checklist endpoint next to the
# bare Quarkus app's POST /echo with wrk (same client settings, ratio goal >= 0.8), and the checklist's latency at a
# constant arrival rate with Gatling (open model). Writes bench/checklist/target/results.md.
#
#   bench/checklist/run.sh [--rounds=3] [--threads=2] [--connections=32] [--duration=20] [--warmup=10]
#                          [--gatling=true] [--rate=1000] [--gatling-during=30] [--gatling-warmup=10]
#                          [--share-connections=true] [--jvm-opts="..."] [--out=<file>]
#
# Steps: checks the build (builds what is missing: requirements-service, the bench modules), checks wrk, then runs
# org.kerege.bench.checklist.ChecklistBench, which starts PostgreSQL + Kafka on free ports (a running ./kerege run
# is left alone), starts each app in turn, warms it up, runs wrk, and finally runs the Gatling simulation through
# ./mvnw -o -Pbench -pl bench/checklist test-compile gatling:test against a fresh, warmed-up requirements-service;
# everything it started is stopped at the end. ~6 minutes with the defaults.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/checklist

if ! command -v wrk >/dev/null; then
  echo "run.sh: wrk is missing; install it: apt-get install -y wrk" >&2
  exit 1
fi

# Build check: the two apps' runnable jars, and this module's classes, classpath and simulation.
if [[ ! -f requirements-service/target/quarkus-app/quarkus-run.jar ]]; then
  echo "run.sh: building requirements-service ..."
  ./mvnw -o -q -DskipTests install -pl requirements-service -am
fi
if [[ ! -f bench/bare-rest/target/quarkus-app/quarkus-run.jar || ! -f $MODULE/target/bench.classpath \
      || ! -d $MODULE/target/classes || ! -d $MODULE/target/test-classes ]]; then
  echo "run.sh: building the bench modules ..."
  ./mvnw -o -q -Pbench -DskipTests install -pl bench/bare-rest,$MODULE -am
fi

"$JAVA" -Dkerege.repo="$ROOT" \
  -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" org.kerege.bench.checklist.ChecklistBench "$@"
