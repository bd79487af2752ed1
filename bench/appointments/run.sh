#!/usr/bin/env bash
# Appointments bench (issue 5; see bench/README.md, "Appointments bench"). Against a running suite (./kerege run, or
# ./kerege run --instances=2 for the two-instance contention run):
#   1. booking throughput: wrk POST /v1/bookings (a new person every request, spread over a week of slots)
#      next to pgbench running the same SQL statements (pgbench/booking.sql) on the same database; ratio goal >= 0.33;
#   2. last-seat contention: many clients (on every instance given) at a slot with 2 places: exactly 2 are taken,
#      the database never holds more than the capacity;
#   3. slot listing latency at a constant arrival rate (OpenLoad.java, open model, wrk2-style), p99.
# Writes bench/appointments/target/results.md.
#
#   bench/appointments/run.sh [--base=http://localhost:8082] [--base2=http://localhost:9082|none]
#        [--pg=postgresql://postgres:postgres@localhost:15432/kerege] [--threads=2] [--connections=32]
#        [--duration=20] [--warmup=30] [--contenders=64] [--contention-duration=5] [--rate=200] [--rate-duration=30]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
ROOT=$PWD
HERE=bench/appointments
OUT=$HERE/target
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
BASE=http://localhost:8082 BASE2=auto PG=postgresql://postgres:postgres@localhost:15432/kerege
THREADS=2 CONNECTIONS=32 DURATION=20 WARMUP=30 CONTENDERS=64 CONTENTION_DURATION=5 RATE=200 RATE_DURATION=30 RATE_WARMUP=10
for arg in "$@"; do
  case $arg in
    --base=*) BASE=${arg#*=} ;; --base2=*) BASE2=${arg#*=} ;; --pg=*) PG=${arg#*=} ;;
    --threads=*) THREADS=${arg#*=} ;; --connections=*) CONNECTIONS=${arg#*=} ;; --duration=*) DURATION=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;; --contenders=*) CONTENDERS=${arg#*=} ;;
    --contention-duration=*) CONTENTION_DURATION=${arg#*=} ;; --rate=*) RATE=${arg#*=} ;;
    --rate-duration=*) RATE_DURATION=${arg#*=} ;; --rate-warmup=*) RATE_WARMUP=${arg#*=} ;;
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done
for tool in wrk pgbench psql curl; do
  command -v $tool >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y wrk postgresql-client curl)" >&2; exit 1; }
done
curl -sf "$BASE/q/health/live" >/dev/null || { echo "run.sh: $BASE is not up; start the suite: ./kerege run" >&2; exit 1; }
if [[ $BASE2 == auto ]]; then
  BASE2=$(echo "$BASE" | sed 's/:8082/:9082/')
  curl -sf "$BASE2/q/health/live" >/dev/null 2>&1 || BASE2=none
fi
mkdir -p "$OUT"
export PGOPTIONS='-c search_path=appointments'
RUN=b$(date +%s)
ADMIN=$(./kerege token admin bench-admin)
PARTNER=$(./kerege token partner bench-partner)

# An office open every day 00:00-23:50 (Asia/Bishkek, KG holidays) with <counters> counters taking <service>, booking only.
make_office() { # id counters service
  local counters="" i
  for ((i = 1; i <= $2; i++)); do counters+="${counters:+,}{\"code\":\"$i\",\"priority\":false,\"services\":[\"$3\"]}"; done
  local hours="" d
  for d in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
    hours+="${hours:+,}{\"day\":\"$d\",\"opens\":\"00:00\",\"closes\":\"23:50\",\"breaks\":[]}"
  done
  curl -sf -X PUT "$BASE/v1/offices/$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d \
    "{\"nameEn\":\"Bench office $1\",\"kind\":\"OTHER\",\"country\":\"KG\",\"zone\":\"Asia/Bishkek\",\"hours\":[$hours],\"counters\":[$counters],\"services\":[{\"serviceCode\":\"$3\",\"bookingPolicy\":\"BOOKING_ONLY\",\"slotMinutes\":20}],\"legalSource\":\"bench fixture\"}" >/dev/null
}
# Slot starts (one per line) of an office's service with a place left, over <days> days from tomorrow.
slots() { # office service days [limit]
  local from to limit=${4:-0}
  from=$(date -u -d tomorrow +%F); to=$(date -u -d "+$3 days" +%F)
  curl -sf "$BASE/v1/offices/$1/slots?service=$2&from=$from&to=$to" \
    | python3 -c 'import json,sys
free = [s["startsAt"] for d in json.load(sys.stdin)["days"] for s in d["slots"] if s["remaining"] > 0]
print("\n".join(free[:int(sys.argv[1])] if int(sys.argv[1]) > 0 else free))' "$limit"
}
statuses() { grep '^STATUSES' "$1" | sed 's/^STATUSES //'; }
rps() { grep '^Requests/sec' "$1" | awk '{print $2}'; }

echo "== 1. booking throughput (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s) vs pgbench, same statements"
OFFICE=bench-$RUN
make_office "$OFFICE" 40 bench.booking
slots "$OFFICE" bench.booking 14 > "$OUT/slots.txt"
echo "   office $OFFICE: $(wc -l < "$OUT/slots.txt") slots x 40 places"
export BENCH_TOKEN=$PARTNER BENCH_OFFICE=$OFFICE BENCH_SERVICE=bench.booking BENCH_SLOTS=$OUT/slots.txt
BENCH_RUN=$RUN-w wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s $HERE/wrk/book.lua "$BASE" > "$OUT/booking-warmup.txt"
BENCH_RUN=$RUN-m wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s $HERE/wrk/book.lua "$BASE" > "$OUT/booking-wrk.txt"
HTTP_RPS=$(rps "$OUT/booking-wrk.txt")
echo "   HTTP: $HTTP_RPS bookings/s, answers: $(statuses "$OUT/booking-wrk.txt")"

PGB_OFFICE=pgb-$RUN
make_office "$PGB_OFFICE" 40 bench.booking
BASE_EPOCH=$(date -u -d "tomorrow 00:00" +%s)
NSLOTS=$((14 * 72))
PGB_ARGS=(-n -M prepared -j "$THREADS" -c "$CONNECTIONS" -f $HERE/pgbench/booking.sql -D "office=$PGB_OFFICE"
  -D service=bench.booking -D "base=$BASE_EPOCH" -D "nslots=$NSLOTS" -D capacity=40)
pgbench "${PGB_ARGS[@]}" -T "$WARMUP" "$PG" > "$OUT/pgbench-warmup.txt" 2>&1
pgbench "${PGB_ARGS[@]}" -T "$DURATION" "$PG" > "$OUT/pgbench.txt" 2>&1
PG_TPS=$(grep -E '^tps' "$OUT/pgbench.txt" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
RATIO=$(python3 -c "print(f'{$HTTP_RPS / $PG_TPS:.2f}')")
echo "   pgbench: $PG_TPS tps; ratio HTTP/pgbench = $RATIO (goal >= 0.33)"

echo "== 2. last-seat contention ($CONTENDERS clients per instance for ${CONTENTION_DURATION}s at one slot with 2 places)"
RACE=race-$RUN
make_office "$RACE" 2 bench.race
slots "$RACE" bench.race 7 1 > "$OUT/race-slot.txt"
export BENCH_OFFICE=$RACE BENCH_SERVICE=bench.race BENCH_SLOTS=$OUT/race-slot.txt
BENCH_RUN=$RUN-r1 wrk -t"$THREADS" -c"$CONTENDERS" -d"${CONTENTION_DURATION}s" -s $HERE/wrk/book.lua "$BASE" > "$OUT/race-1.txt" &
P1=$!
if [[ $BASE2 != none ]]; then
  BENCH_RUN=$RUN-r2 wrk -t"$THREADS" -c"$CONTENDERS" -d"${CONTENTION_DURATION}s" -s $HERE/wrk/book.lua "$BASE2" > "$OUT/race-2.txt" &
  P2=$!
  wait $P2
fi
wait $P1
RACE_DB=$(psql -At "$PG" -c "select (select count(*) from booking where office_id = '$RACE' and status in ('HELD','CONFIRMED'))
  || ' ' || coalesce((select max(taken) || ' ' || max(capacity) from slot_capacity where office_id = '$RACE'), '0 0')")
read -r RACE_ACTIVE RACE_TAKEN RACE_CAPACITY <<< "$RACE_DB"
OVER=$((RACE_ACTIVE > RACE_CAPACITY ? RACE_ACTIVE - RACE_CAPACITY : 0))
echo "   instance 1: $(statuses "$OUT/race-1.txt")"
[[ $BASE2 != none ]] && echo "   instance 2: $(statuses "$OUT/race-2.txt")"
echo "   database: $RACE_ACTIVE active bookings, taken $RACE_TAKEN of capacity $RACE_CAPACITY; overbookings: $OVER"

echo "== 3. slot listing at a constant $RATE req/s for ${RATE_DURATION}s (open model)"
LIST_URL="$BASE/v1/offices/kg-bishkek-1/slots?service=kg.passport.id-card"
"$JAVA" $HERE/OpenLoad.java "$LIST_URL" --rate="$RATE" --duration="$RATE_DURATION" --warmup="$RATE_WARMUP" > "$OUT/listing.txt"
LISTING=$(grep '^RESULT' "$OUT/listing.txt" | sed 's/^RESULT //')
echo "   $LISTING"

cat > "$OUT/results.md" <<MD
# Appointments bench, $(date -u +%FT%TZ)

Machine: $(nproc) cores; suite at $BASE$( [[ $BASE2 != none ]] && echo " and $BASE2" ); database $PG.

| measure | result |
|---|---|
| booking throughput, HTTP (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s) | $HTTP_RPS bookings/s ($(statuses "$OUT/booking-wrk.txt")) |
| same statements, pgbench (-c$CONNECTIONS -j$THREADS -T$DURATION -M prepared) | $PG_TPS tps |
| ratio HTTP / pgbench (goal >= 0.33) | $RATIO |
| last-seat contention: answers | instance 1: $(statuses "$OUT/race-1.txt")$( [[ $BASE2 != none ]] && echo "; instance 2: $(statuses "$OUT/race-2.txt")" ) |
| last-seat contention: database | $RACE_ACTIVE active of capacity $RACE_CAPACITY, **$OVER overbookings** |
| slot listing at $RATE req/s (open model, ${RATE_DURATION}s) | $LISTING |

Raw outputs: booking-wrk.txt, pgbench.txt, race-*.txt, listing.txt in this directory.
MD
echo "Results: $OUT/results.md"
