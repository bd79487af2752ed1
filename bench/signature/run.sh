#!/usr/bin/env bash
# Issuance bench (see README.md): JMH of the bare crypto (key pair + certificate + PKCS#12), then the HTTP .pfx
# path of a running signature-service, and the ratio of the two.
#
#   bench/signature/run.sh [--jvm-opts="..."] [--threads=2] [--count=1000] [--warmup=50] [--warmup-seconds=60]
#                          [--jmh-args="-wi 3 -w 10s -i 8 -r 10s"]
#                          [--algorithms=RSA_2048,EC_P256]
#
# Needs signature-service built (signature-service/target/quarkus-app) and this module built with the bench profile:
#   ./mvnw -o -q -DskipTests install -pl signature-service -am && ./mvnw -Pbench -o -q -DskipTests install -pl bench/signature
# Starts its own PostgreSQL, Kafka and signature-service on free ports. Results: bench/signature/target/results.md.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE=bench/signature
THREADS=2
JMH_ARGS="-wi 3 -w 10s -i 8 -r 10s"
PASS=()
for a in "$@"; do
  case $a in
    --threads=*) THREADS=${a#*=}; PASS+=("$a") ;;
    --jmh-args=*) JMH_ARGS=${a#*=} ;;
    --algorithms=*) ALGS=${a#*=}; PASS+=("$a") ;;
    --jvm-opts=*) JVM_OPTS=${a#*=}; PASS+=("$a") ;;
    *) PASS+=("$a") ;;
  esac
done
ALGS=${ALGS:-RSA_2048,EC_P256}
# The JMH fork runs with the same JVM options as the service (same heap and collector on both sides).
JMH_JVM=()
if [[ -n ${JVM_OPTS:-} ]]; then
  JMH_JVM=(-jvmArgsAppend "$JVM_OPTS")
fi

if [[ ! -f $MODULE/target/bench.classpath || ! -d $MODULE/target/classes ]]; then
  echo "run.sh: $MODULE is not built; run: ./mvnw -Pbench -o -q -DskipTests install -pl bench/signature" >&2
  exit 1
fi
CP="$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")"

echo "== JMH: bare key generation + certificate signing + PKCS#12 ($THREADS threads)"
# shellcheck disable=SC2086
"$JAVA" -cp "$CP" org.openjdk.jmh.Main IssuanceJmh -f 1 -t "$THREADS" $JMH_ARGS "${JMH_JVM[@]}" -p algorithm="$ALGS" \
  -rf json -rff "$MODULE/target/jmh.json"

echo "== HTTP: POST /v1/key-applications/{id}/pfx ($THREADS clients)"
exec "$JAVA" -Dkerege.repo="$ROOT" -cp "$CP" org.kerege.bench.signature.HttpIssuanceBench \
  --jmh="$MODULE/target/jmh.json" "${PASS[@]}"
