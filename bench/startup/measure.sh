#!/usr/bin/env bash
# Start-up time and RSS of the bare Quarkus REST app and the five services (see bench/README.md).
#
#   bench/startup/measure.sh [--runs=5] [--warmup=1] [--requests=100] [--apps=bare,requirements,...]
#                            [--jvm-opts="-Xmx384m ..."] [--work=<dir>] [--out=<file>]
#
# Needs a build with the bench profile first: ./mvnw -Pbench -o -DskipTests install
# Starts its own PostgreSQL and Kafka on free ports (a running ./kerege run is not disturbed).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/startup

if [[ ! -f $MODULE/target/bench.classpath || ! -d $MODULE/target/classes ]]; then
  echo "measure.sh: $MODULE is not built; run: ./mvnw -Pbench -o -DskipTests install" >&2
  exit 1
fi

exec "$JAVA" -Dkerege.repo="$ROOT" \
  -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" org.kerege.bench.StartupBench "$@"
