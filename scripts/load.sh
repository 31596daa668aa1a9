#!/usr/bin/env bash
# Load test: starts planverk on a fresh database with the example plans and
# measures requests per second with wrk (Debian package wrk) on loopback,
# reporting each page as a ratio of the health check measured in the same
# run. The ratios, not the raw numbers, are what to compare between runs.
#
#   scripts/load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
conns=${2:-8}
command -v wrk >/dev/null || { echo "load.sh needs wrk: apt-get install -y wrk" >&2; exit 2; }

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
go build -o "$dir/planverk" ./cmd/planverk
addr=127.0.0.1:18080
"$dir/planverk" serve --addr "$addr" --db "$dir/planverk.db" 2>"$dir/serve.log" &
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
