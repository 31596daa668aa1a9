#!/usr/bin/env bash
# Load test: every page kind and API of planverk, and measure saves, on
# the two-plan database (the examples) and on the synthetic national one
# (planverk demo generate: 500 programmes), in the same run, on SQLite and
# on PostgreSQL. Everything runs on this machine, on loopback.
#
#   scripts/load.sh [--seconds N] [--conns N] [--long] [--engines "sqlite postgres"]
#                   [--postgres URL] [--login-flood N] [--programmes N]
#                   [--writers N] [--writes-only]
#
# --seconds   how long each measurement runs (3; --long makes it 30)
# --conns     connections for the reads (32: the memory goal is at 32)
# --engines   which engines (both where a PostgreSQL is reachable)
# --postgres  a PostgreSQL server URL whose user may create databases
#             (default $PLANVERK_TEST_POSTGRES); the script makes and drops
#             the databases planverk_load_two and planverk_load_national
# --login-flood N   also flood the log-in with N connections (issue 13),
#             on SQLite's two-plan database; 0 (the default) does not
# --programmes N    the national database's size (500)
# --writers N       clients for the measure saves (8 on SQLite, 50 on
#             PostgreSQL), each on a measure of its own while there are enough
# --writes-only     only the measure saves, each client on a measure of its
#             own of one synthetic plan of 60 measures: no reads, none of
#             the other databases (the saves of one plan at once)
#
# Each page prints requests/s, p50 and p99, errors, and its ratio to its
# anchor measured in the same round:
#   health: GET /healthz, planverk's cheapest answer;
#   A1:     the plan page's exact bytes, served from memory by a Go server;
#   A2:     planverk's own plan and measure pages, handlers and templates,
#           for a member, from the plan read once into memory (loadgen
#           anchor -a2, web.PlanInMemory): the anchor of the signed-in
#           draft pages (plan-draft, measure-draft), read by an editor of
#           the programme with a session;
#   A3:     the plan's JSON, decoded once and encoded again per request.
# (Vikunja's task list is not built here.) Then, per page, the national
# database's p50 as a multiple of the two-plan one: the goal is at most 1.2.
#
# The ratios, not the raw numbers, are what to compare between runs and
# machines. The load generator is scripts/loadgen (Go), so nothing needs
# installing beyond Go, curl and jq (and psql for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

secs=3
conns=32
engines=""
pgurl=${PLANVERK_TEST_POSTGRES:-}
login_conns=0
programmes=500
writers_opt=""
writes_only=0
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) secs=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --long) secs=30; shift ;;
    --engines) engines=$2; shift 2 ;;
    --postgres) pgurl=$2; shift 2 ;;
    --login-flood) login_conns=$2; shift 2 ;;
    --programmes) programmes=$2; shift 2 ;;
    --writers) writers_opt=$2; shift 2 ;;
    --writes-only) writes_only=1; shift ;;
    -h|--help) sed -n '2,35p' "$0"; exit 0 ;;
    *) echo "load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for c in curl jq; do command -v $c >/dev/null || { echo "load.sh needs $c: apt-get install -y $c" >&2; exit 2; }; done
if [ -z "$engines" ]; then
  engines=sqlite
  if [ -n "$pgurl" ] && command -v psql >/dev/null && psql -Atq "$pgurl" -c 'SELECT 1' >/dev/null 2>&1; then
    engines="sqlite postgres"
  else
    echo "load.sh: no PostgreSQL (set PLANVERK_TEST_POSTGRES or --postgres): SQLite only" >&2
  fi
fi

dir=$(mktemp -d)
pid=""
apid=""
stop_server() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
stop_anchor() {
  if [ -n "$apid" ]; then kill "$apid" 2>/dev/null || true; wait "$apid" 2>/dev/null || true; apid=""; fi
}
trap 'stop_anchor; stop_server; rm -rf "$dir"' EXIT
echo "building planverk and the load generator…" >&2
go build -o "$dir/planverk" ./cmd/planverk
go build -o "$dir/loadgen" ./scripts/loadgen
addr=127.0.0.1:18080
aaddr=127.0.0.1:18089
base="http://$addr"
year=$(date +%Y)
ulimit -n 4096 2>/dev/null || true
export PGOPTIONS='-c client_min_messages=warning'

# pgdb turns the server URL into one naming database $1.
pgdb() { printf '%s' "$pgurl" | sed -E "s#^(postgres(ql)?://[^/]*)/[^?]*#\1/$1#"; }

# measure NAME URL [loadgen options]: one measurement, kept in R[].
declare -A R
measure() {
  local key=$1 url=$2; shift 2
  local out
  out=$("$dir/loadgen" get -c "$conns" -d "${secs}s" "$@" "$url")
  R[$key]=$out
}
field() { printf '%s' "${R[$1]:-}" | sed -n "s/.*\b$2=\([^ ]*\).*/\1/p"; }
rss() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }

serve() { # serve DSN [options]
  local dsn=$1; shift
  "$dir/planverk" serve --addr "$addr" --db "$dsn" --client-ip-header X-Forwarded-For "$@" 2>"$dir/serve.log" &
  pid=$!
  for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "load.sh: planverk did not start:" >&2; cat "$dir/serve.log" >&2; exit 1
}

# anchor KEY FILE [-json]: serve FILE from memory and measure it.
anchor() {
  local key=$1 file=$2; shift 2
  "$dir/loadgen" anchor -addr "$aaddr" -bytes "$file" "$@" &
  apid=$!
  for _ in $(seq 50); do curl -fs -o /dev/null "http://$aaddr/" 2>/dev/null && break; sleep 0.1; done
  measure "$key" "http://$aaddr/"
  stop_anchor
}

# anchor_a2 DSN DB PROGRAMME YEAR: anchor A2, planverk's own plan and
# measure pages for the member, from the plan read once into memory
# (web.PlanInMemory), measured on the paths of the draft pages.
anchor_a2() {
  local dsn=$1 db=$2 p=$3 y=$4 k="$engine/$2"
  "$dir/loadgen" anchor -addr "$aaddr" -a2 "$dsn" -programme "$p" -year "$y" -email "$member" &
  apid=$!
  for _ in $(seq 100); do curl -fs -o /dev/null "http://$aaddr${PATHS[$db/plan]}" 2>/dev/null && break; sleep 0.1; done
  measure "$k/a2" "http://$aaddr${PATHS[$db/plan]}"
  measure "$k/a2-measure" "http://$aaddr${PATHS[$db/measure]}"
  stop_anchor
}
member=member@example.no
member_password='member password for the load script'

# The pages measured, by name: the path on each database.
pages="home programme plan measure plan-draft measure-draft plan-json plan-json-draft programmes-api organisation scheme-search history projects dashboard jobs"
declare -A PATHS
paths_for() { # paths_for DB PROGRAMME YEAR ORGANISATION
  local db=$1 p=$2 y=$3 org=$4
  PATHS[$db/home]=/
  PATHS[$db/programme]=/programmes/$p
  PATHS[$db/plan]=/programmes/$p/plans/$y
  PATHS[$db/measure]=/programmes/$p/plans/$y/goals/1/measures/1
  PATHS[$db/plan-draft]=/programmes/$p/plans/$y
  PATHS[$db/measure-draft]=/programmes/$p/plans/$y/goals/1/measures/1
  PATHS[$db/plan-json]=/api/v1/programmes/$p/plans/$y
  PATHS[$db/plan-json-draft]=/api/v1/programmes/$p/plans/$y
  PATHS[$db/programmes-api]=/api/v1/programmes
  PATHS[$db/organisation]=/organisations/$org
  PATHS[$db/scheme-search]='/schemes?q=bolig'
  PATHS[$db/history]=/programmes/$p/plans/$y/history
  PATHS[$db/projects]=/programmes/$p/projects
  PATHS[$db/dashboard]=/programmes/$p/dashboard
  PATHS[$db/jobs]=/programmes/$p/jobs
}
anchor_of() {
  case $1 in plan) echo a1 ;; plan-draft) echo a2 ;; measure-draft) echo a2-measure ;; plan-json|plan-json-draft) echo a3 ;; *) echo health ;; esac
}

# run_db ENGINE DB DSN PROGRAMME YEAR ORGANISATION WRITE-PLANS...
run_db() {
  local engine=$1 db=$2 dsn=$3 p=$4 y=$5 org=$6; shift 6
  local k="$engine/$db"
  printf 'load-test password for the script\n' | "$dir/planverk" user add --db "$dsn" --email load@example.no --name "Load test" --admin >/dev/null
  local token
  token=$("$dir/planverk" token add --db "$dsn" --email load@example.no --name load)
  # The member who reads the draft pages: an editor of the programme.
  printf '%s\n' "$member_password" | "$dir/planverk" user add --db "$dsn" --email "$member" --name "Member" >/dev/null
  serve "$dsn" $([ "$db" != two ] && echo --no-examples)
  [ "$writes_only" = 1 ] || reads "$engine" "$db" "$p" "$y" "$org" "$token" "$dsn"
  # The size before and after the writes is read with the server stopped,
  # so that SQLite's write-ahead log is in the database file.
  stop_server
  local before after
  before=$(db_bytes "$engine" "$dsn")
  serve "$dsn" --no-examples

  # Writes: each client its own measure, taken in turn from the plans named.
  local writers=8
  [ "$engine" = postgres ] && writers=50
  [ -n "$writers_opt" ] && writers=$writers_opt
  local ids=() lists=()
  for wp in "$@"; do
    lists+=("$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/measures?plan=$wp" | jq -r '.measures[].id' | tr '\n' ' ')")
  done
  local i=0 more=1
  while [ ${#ids[@]} -lt $writers ] && [ $more = 1 ]; do
    more=0
    for l in "${lists[@]}"; do
      read -r -a arr <<<"$l"
      if [ $i -lt ${#arr[@]} ]; then ids+=("$base/api/v1/measures/${arr[$i]}"); more=1; fi
      [ ${#ids[@]} -ge $writers ] && break
    done
    i=$((i + 1))
  done
  echo "  $engine, $db database: measure saves, $writers clients on ${#ids[@]} measures" >&2
  R[$k/writes]=$("$dir/loadgen" patch -c $writers -d "${secs}s" -token "$token" "${ids[@]}")
  R[$k/writers]="$writers clients on ${#ids[@]} measures"
  if [ "$engine/$db" = sqlite/two ] && [ "$login_conns" -gt 0 ]; then
    login_flood
  fi
  stop_server
  after=$(db_bytes "$engine" "$dsn")
  local n
  n=$(field "$k/writes" status | tr ',' '\n' | sed -n 's/^200://p')
  R[$k/per-edit]=$(awk -v a="$after" -v b="$before" -v n="${n:-0}" 'BEGIN {if (n > 0) printf "%.1f KB", (a - b) / n / 1024; else print "-"}')
}

# reads ENGINE DB PROGRAMME YEAR ORGANISATION TOKEN: every page measured,
# on a server started on the database.
reads() {
  local engine=$1 db=$2 p=$3 y=$4 org=$5 token=$6 dsn=$7
  local k="$engine/$db"
  "$dir/loadgen" member -db "$dsn" -email "$member" -programme "$p"
  curl -fs -o /dev/null -c "$dir/jar" --data-urlencode "email=$member" --data-urlencode "password=$member_password" "$base/login"
  local session
  session=$(awk '$6 == "planverk_session" {print $7}' "$dir/jar")
  [ -n "$session" ] || { echo "load.sh: the member could not log in" >&2; exit 1; }
  paths_for "$db" "$p" "$y" "$org"
  echo "  $engine, $db database: reads at $conns connections, ${secs}s each" >&2
  curl -fs -o "$dir/plan.html" "$base${PATHS[$db/plan]}"
  curl -fs -o "$dir/plan.json" "$base${PATHS[$db/plan-json]}"
  R[$k/size/plan]=$(stat -c %s "$dir/plan.html")
  measure "$k/health" "$base/healthz"
  anchor "$k/a1" "$dir/plan.html"
  anchor "$k/a3" "$dir/plan.json" -json
  anchor_a2 "$dsn" "$db" "$p" "$y"
  for page in $pages; do
    if [ "$page" = plan-json-draft ]; then
      measure "$k/$page" "$base${PATHS[$db/$page]}" -H "Authorization: Bearer $token"
    elif [ "$page" = plan-draft ] || [ "$page" = measure-draft ]; then
      measure "$k/$page" "$base${PATHS[$db/$page]}" -H "Cookie: planverk_session=$session"
    else
      measure "$k/$page" "$base${PATHS[$db/$page]}"
    fi
  done
  # Scheme search once more with one connection: its latency alone,
  # without 31 other requests queued before it on two cores.
  measure "$k/scheme-search-1" "$base${PATHS[$db/scheme-search]}" -c 1
  R[$k/rss]=$(rss VmRSS)
  R[$k/hwm]=$(rss VmHWM)
}

db_bytes() { # db_bytes ENGINE DSN: the database's size on disk now
  if [ "$1" = sqlite ]; then
    local f sum=0
    for f in "$2" "$2-wal"; do [ -f "$f" ] && sum=$((sum + $(stat -c %s "$f"))); done
    echo $sum
  else
    psql -Atq "$2" -c 'SELECT pg_database_size(current_database())'
  fi
}

# The log-in flood (issue 13): wrong passwords from many addresses, which
# only the bound on password checks at once holds back. The server's peak
# memory must stay near --password-checks x 64 MiB, whatever the connections.
login_flood() {
  local before
  before=$(rss VmRSS)
  "$dir/loadgen" login -c "$login_conns" -d "${secs}s" "$base/login" >"$dir/login.out" &
  local flood=$!
  sleep $(((secs + 1) / 2))
  local health
  health=$(curl -s -o /dev/null -w '%{time_total}' --max-time 10 "$base/healthz" || echo "no answer from")
  wait "$flood"
  R[login]="$login_conns connections for ${secs}s: $(cat "$dir/login.out"); /healthz during it ${health}s; memory $before MiB before, peak $(rss VmHWM) MiB"
}

start_all=$(date +%s)
for engine in $engines; do
  echo "$engine:" >&2
  if [ "$engine" = sqlite ]; then
    two="$dir/two.db"
    national="$dir/national.db"
  else
    for d in planverk_load_two planverk_load_national; do
      psql -Atq "$pgurl" -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d" >/dev/null
    done
    two=$(pgdb planverk_load_two)
    national=$(pgdb planverk_load_national)
  fi
  if [ "$writes_only" = 1 ]; then
    # One synthetic programme whose plans hold 60 measures each: every
    # client saves a measure of its own of the same plan.
    "$dir/planverk" demo generate --quiet --db "$national" --programmes 1 --measures 180 \
      --schemes 4 --projects 20 --reports 50 >/dev/null
    run_db "$engine" one "$national" synthetic-1 "$year" kdd "synthetic-1/$year"
    [ "$engine" = postgres ] && psql -Atq "$pgurl" -c "DROP DATABASE IF EXISTS planverk_load_two" -c "DROP DATABASE IF EXISTS planverk_load_national" >/dev/null
    continue
  fi
  run_db "$engine" two "$two" vest-telemark 2025 kdd vest-telemark/2025 driv/2025
  echo "  $engine: generating the national database ($programmes programmes)…" >&2
  t0=$(date +%s.%N)
  "$dir/planverk" demo generate --quiet --db "$national" --programmes "$programmes" \
    --measures $((programmes * 40)) --schemes $((programmes * 4)) --projects $((programmes * 20)) \
    --reports $((programmes * 200)) >"$dir/generate.out"
  R[$engine/generate]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f s", b - a}')
  R[$engine/made]=$(sed -n '2,4p' "$dir/generate.out" | sed 's/^ *//' | paste -sd';' | sed 's/;/; /g')
  wplans=""
  for n in 1 2 4 5 7 8 10 11; do wplans="$wplans synthetic-$n/$year"; done
  # synthetic-2 is a rural-growth agreement whose plan for this year is
  # proposed: a release open to everyone, and a draft.
  run_db "$engine" national "$national" synthetic-2 "$year" kdd $wplans
  if [ "$engine" = postgres ]; then
    for d in planverk_load_two planverk_load_national; do psql -Atq "$pgurl" -c "DROP DATABASE IF EXISTS $d" >/dev/null; done
  fi
done

# The report.
echo
echo "planverk load test, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
if [ "$writes_only" = 1 ]; then
  for engine in $engines; do
    echo "$engine, one plan of 60 measures: measure saves (${R[$engine/one/writers]}), ${secs}s: ${R[$engine/one/writes]}; stored per save ${R[$engine/one/per-edit]}"
  done
  echo
  echo "run took $(( $(date +%s) - start_all )) s"
  exit 0
fi
echo "reads at $conns connections, ${secs}s each; rps = requests/s, p50/p99 in ms, x = rps as a share of the anchor"
for engine in $engines; do
  echo
  echo "== $engine (national database generated in ${R[$engine/generate]}) =="
  echo "national: ${R[$engine/made]}"
  printf '%-16s | %8s %7s %7s %4s %9s | %8s %7s %7s %4s %9s | %6s\n' page "two rps" p50 p99 err "x anchor" "nat rps" p50 p99 err "x anchor" "nat/two"
  for page in health a1 a2 a2-measure a3 $pages scheme-search-1; do
    line=$(printf '%-16s |' "$page")
    for db in two national; do
      k="$engine/$db/$page"
      rps=$(field "$k" rps); p50=$(field "$k" p50); p99=$(field "$k" p99); err=$(field "$k" errors)
      a=$(anchor_of "$page")
      x="-"
      case $page in health|a1|a2|a2-measure|a3) ;; *) x=$(awk -v r="$rps" -v b="$(field "$engine/$db/$a" rps)" 'BEGIN {if (b > 0) printf "%.3f %s", r / b, ""; else print "-"}')"$a" ;; esac
      line="$line$(printf ' %8s %7s %7s %4s %9s |' "$rps" "$p50" "$p99" "$err" "$x")"
    done
    ratio=$(awk -v n="$(field "$engine/national/$page" p50)" -v t="$(field "$engine/two/$page" p50)" 'BEGIN {if (t > 0) printf "%.2f", n / t; else print "-"}')
    echo "$line $(printf '%6s' "$ratio")"
  done
  for db in two national; do
    echo "$db: plan page ${R[$engine/$db/size/plan]} bytes; server memory after the reads: RSS ${R[$engine/$db/rss]} MiB, peak ${R[$engine/$db/hwm]} MiB"
    echo "$db: measure saves (${R[$engine/$db/writers]}): ${R[$engine/$db/writes]}; stored per save ${R[$engine/$db/per-edit]}"
  done
  echo "goals (issue 14):"
  worst=$(for page in $pages; do awk -v p="$page" -v n="$(field "$engine/national/$page" p50)" -v t="$(field "$engine/two/$page" p50)" 'BEGIN {if (t > 0) printf "%.2f %s\n", n / t, p}'; done | sort -rn | head -1)
  echo "  every page within 1.2x of its two-plan p50: worst $worst — $(awk -v w="${worst%% *}" 'BEGIN {print (w <= 1.2 ? "met" : "NOT met")}')"
  s99=$(field "$engine/national/scheme-search" p99)
  echo "  scheme search p99 <= 20 ms (national): $s99 ms at $conns connections — $(awk -v v="$s99" 'BEGIN {print (v <= 20 ? "met" : "NOT met")}')"
  s1=$(field "$engine/national/scheme-search-1" p99)
  echo "  scheme search p99 <= 20 ms (national, one connection): $s1 ms — $(awk -v v="$s1" 'BEGIN {print (v <= 20 ? "met" : "NOT met")}')"
  hwm=${R[$engine/national/hwm]}
  echo "  server memory < 300 MB at 32 connections (national, peak): $hwm MiB — $(awk -v v="$hwm" -v c="$conns" 'BEGIN {print (c != 32 ? "not measured at 32" : (v < 300 ? "met" : "NOT met"))}')"
  pa=$(awk -v r="$(field "$engine/two/plan" rps)" -v b="$(field "$engine/two/a1" rps)" 'BEGIN {printf "%.2f", r / b}')
  echo "  public plan page >= 0.5x A1 (two-plan): $pa — $(awk -v v="$pa" 'BEGIN {print (v >= 0.5 ? "met" : "NOT met")}')"
  for db in two national; do
    da=$(awk -v r="$(field "$engine/$db/plan-draft" rps)" -v b="$(field "$engine/$db/a2" rps)" 'BEGIN {printf "%.2f", r / b}')
    ma=$(awk -v r="$(field "$engine/$db/measure-draft" rps)" -v b="$(field "$engine/$db/a2-measure" rps)" 'BEGIN {printf "%.2f", r / b}')
    echo "  signed-in draft page >= 1.0x A2 ($db): plan $da, measure $ma — $(awk -v v="$da" -v m="$ma" 'BEGIN {print (v >= 1 && m >= 1 ? "met" : "NOT met")}')"
  done
  ja=$(awk -v r="$(field "$engine/two/plan-json" rps)" -v b="$(field "$engine/two/a3" rps)" 'BEGIN {printf "%.2f", r / b}')
  echo "  plan JSON >= 0.5x A3 (two-plan): $ja — $(awk -v v="$ja" 'BEGIN {print (v >= 0.5 ? "met" : "NOT met")}')"
  want=2000; [ "$engine" = postgres ] && want=500
  for db in two national; do
    w=$(field "$engine/$db/writes" rps); we=$(field "$engine/$db/writes" errors)
    echo "  measure saves >= $want/s with 0 errors ($db): $w/s, $we errors — $(awk -v v="$w" -v e="$we" -v g="$want" 'BEGIN {print (v >= g && e == 0 ? "met" : "NOT met")}')"
  done
  echo "  (a 412 is a client that lost the race for a measure it shares with another: no error)"
  echo "  <= 5 KB stored per measure save: two ${R[$engine/two/per-edit]}, national ${R[$engine/national/per-edit]}"
done
[ -n "${R[login]:-}" ] && { echo; echo "log-in flood (SQLite, two-plan): ${R[login]}"; }
echo
echo "run took $(( $(date +%s) - start_all )) s"
