#!/usr/bin/env bash
# Load bench of issue 9 (see bench/load/README.md): a slot-release rush, a payment burst from several banks and an
# overload past capacity, Gatling simulations against the whole suite (free ports, fresh data), with PostgreSQL checks
# for overbookings and double payments. Writes bench/load/target/results.md.
#
#   bench/load/run.sh [--sims=rush,payments,overload] [--instances=1]
#                     [--users=3000] [--rush-during=60] [--rush-days=3] [--attempts=3] [--confirm=true]
#                     [--invoices=1000] [--banks=4] [--contenders=3] [--pay-during=30] [--twin=true] [--replay=true]
#                     [--overload-rate=1000] [--overload-during=30] [--lookup-rate=20] [--recovery-gap=5]
#                     [--recovery-rate=20] [--recovery-during=20] [--applications=500] [--max-in-flight=8]
#                     [--priority-max-in-flight=] [--shed=status] [--work=<dir>] [--out=<file>]
#
# Builds what is missing (the four services' runnable jars, this module); KEREGE_LOAD_REBUILD=1 rebuilds them.
# Then runs org.kerege.bench.load.LoadBench, which starts the suite, prepares tokens/invoices/applications, runs each
# simulation through ./mvnw -o -Pbench -pl bench/load test-compile gatling:test -Dgatling.simulationClass=..., checks
# the database, and stops everything it started. ~8 minutes with the defaults.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/load
SERVICES=requirements-service,appointments-service,payments-service,status-service

missing=
for s in ${SERVICES//,/ }; do
  [[ -f $s/target/quarkus-app/quarkus-run.jar ]] || missing=1
done
if [[ -n $missing || ${KEREGE_LOAD_REBUILD:-} == 1 ]]; then
  echo "run.sh: building $SERVICES ..."
  ./mvnw -o -q -DskipTests install -pl $SERVICES -am
fi
if [[ ! -f $MODULE/target/bench.classpath || ! -d $MODULE/target/classes || ! -d $MODULE/target/test-classes \
      || ${KEREGE_LOAD_REBUILD:-} == 1 ]]; then
  echo "run.sh: building $MODULE ..."
  ./mvnw -o -q -Pbench -DskipTests install -pl $MODULE -am
fi

exec "$JAVA" -Dkerege.repo="$ROOT" \
  -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" org.kerege.bench.load.LoadBench "$@"
