#!/usr/bin/env bash
# Load test: starts planverk on a fresh database with the example plans and
# measures requests per second with wrk (Debian package wrk) on loopback,
# reporting each page as a ratio of the health check measured in the same
# run. The ratios, not the raw numbers, are what to compare between runs.
#
#   scripts/load.sh [SECONDS] [CONNECTIONS] [LOG-IN CONNECTIONS]
#
# Last, a flood of log-ins (issue 13): LOG-IN CONNECTIONS (default 1000)
# posting wrong passwords for e-mails nobody has, each request from another
# client address (X-Forwarded-For, with --client-ip-header), so that only the
# bound on password checks at once holds them, not the limits per address.
# It reports the answers and the server's peak memory (VmHWM), which must
# stay near --password-checks x 64 MiB, whatever the connections.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
conns=${2:-8}
login_conns=${3:-1000}
command -v wrk >/dev/null || { echo "load.sh needs wrk: apt-get install -y wrk" >&2; exit 2; }

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
go build -o "$dir/planverk" ./cmd/planverk
addr=127.0.0.1:18080
"$dir/planverk" serve --addr "$addr" --db "$dir/planverk.db" --client-ip-header X-Forwarded-For 2>"$dir/serve.log" &
pid=$!
for _ in $(seq 50); do curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

rps() { wrk -t2 -c"$conns" -d"${secs}s" "http://$addr$1" | awk '/Requests\/sec/ {print $2}'; }
base=$(rps /healthz)
printf '%-50s %12s %10s\n' "path" "requests/s" "vs health"
printf '%-50s %12.0f %10s\n' "/healthz" "$base" "1"
for p in / /programmes/vest-telemark/plans/2025 /programmes/driv/plans/2025 \
         /api/v1/programmes/vest-telemark/plans/2025 /organisations/telemark-fylkeskommune \
         '/schemes?q=bustad' '/schemes?q=tilskot&kind=grant&theme=innovation' /schemes/husbanken-startlan \
         '/schemes/finder?who=farmers&want=tourism&where=Vinje' '/api/v1/schemes?q=bolig' /glossary; do
  r=$(rps "$p")
  printf '%-50s %12.0f %10s\n' "$p" "$r" "$(awk -v a="$r" -v b="$base" 'BEGIN {printf "1/%.0f", b/a}')"
done

# The log-in flood.
cat >"$dir/login.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  -- The headers given replace wrk.headers, so all of them here.
  return wrk.format("POST", "/login", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = "http://$addr",
    ["X-Forwarded-For"] = ip,
  }, "email=nobody" .. n .. "%40example.no&password=not+the+right+password")
end
LUA
ulimit -n $((login_conns + 256)) 2>/dev/null || true
rss() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
before=$(rss VmRSS)
wrk -t2 -c"$login_conns" -d"${secs}s" --timeout 15s -s "$dir/login.lua" "http://$addr/login" >"$dir/login.out" &
flood=$!
sleep $((secs / 2))
health=$(curl -s -o /dev/null -w '%{time_total}' --max-time 10 "http://$addr/healthz" || echo "no answer from")
wait "$flood"
echo
echo "log-in flood: $login_conns connections for ${secs}s"
grep -E 'Requests/sec|Non-2xx|Socket errors' "$dir/login.out" | sed 's/^ */  /'
echo "  /healthz during the flood: ${health}s"
echo "  server memory: $before MiB before, peak $(rss VmHWM) MiB, $(rss VmRSS) MiB after"
