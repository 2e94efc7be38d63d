#!/usr/bin/env bash
# flowgate's fault campaign, alone and with its figures (./mvnw verify runs it too, with the defaults). See docs/performance.md.
#
#   bench/fault-campaign.sh [SESSIONS] [SEED]      (defaults: 200 and 20261204)
#
# Runs FaultCampaign (src/test/java/io/flowgate/bench) on the memory store and on DynamoDB (dynalite):
# SESSIONS createSession requests with a reference each, vendor faults 20 %, store faults 5 %, requests that die
# after the vendor's answer 3 %; failed requests repeated once; then past the deadline, two sweeps. Prints, per
# store: sessions created at the vendor, recorded, final, orphaned, paid twice; fails unless 0 orphaned, 0 paid
# twice and 100 % final. dynalite is installed from src/test/dynalite when its node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${1:-200}
SEED=${2:-20261204}
[ -d src/test/dynalite/node_modules ] || npm ci --prefix src/test/dynalite --no-audit --no-fund >/dev/null
./mvnw -B verify -DskipITs -Dsurefire.excludedGroups=small-heap -Dgroups=bench \
  -Dtest='*FaultCampaignTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcampaign.sessions="$SESSIONS" -Dcampaign.seed="$SEED" 2>&1 \
  | sed -n '/^fault campaign/,/^references paid twice/p'
