#!/usr/bin/env bash
# Payments bench (see bench/README.md): bank payment throughput with an Idempotency-Key next to the same path
# without one, and the p99 of replays (same key and body) next to the p99 of first calls.
#
#   bench/payments/run.sh [--jvm-opts="..."] [--payments=2000] [--concurrency=16] [--rounds=2] [--work=<dir>] [--out=<file>]
#
# Needs payments-service built (payments-service/target/quarkus-app/quarkus-run.jar) and this module built with
# the bench profile: ./mvnw -Pbench -o -DskipTests install -pl payments-service,bench/payments -am
# Starts its own PostgreSQL, Kafka and one payments-service on free ports, with
# KEREGE_PAYMENTS_IDEMPOTENCY_REQUIRED=false (the only way to pay without a key; production keeps it true), so
# both variants run on the same instance, database and warm JIT. Results: bench/payments/target/results.md.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/payments

if [[ ! -f $MODULE/target/bench.classpath || ! -d $MODULE/target/classes ]]; then
  echo "run.sh: $MODULE is not built; run: ./mvnw -Pbench -o -DskipTests install -pl payments-service,bench/payments -am" >&2
  exit 1
fi

exec "$JAVA" -Dkerege.repo="$ROOT" \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" org.kerege.bench.payments.PaymentsBench "$@"
