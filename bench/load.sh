#!/usr/bin/env bash
# flowgate's load benchmark (a benchmark, not a test: CI does not run it). See docs/performance.md.
#
#   bench/load.sh [--clients 50] [--duration 60s] [--warmup 10s] [--instances 4] [--jvm-opts "..."] [--java PATH]
#
# Many concurrent clients on loopback run createSession -> the browser's callback -> getResult against
# --instances processes of the packaged JVM function (the runner jar through AWS's runtime interface client,
# polling one emulated Lambda Runtime API behind an emulated HTTP API), sessions in one dynalite, a stub
# vendor. Prints throughput, p50/p99 latency and errors, then checks every created session in the table.
# BUILD=1 runs ./mvnw -B package -DskipTests first (it also runs when the package or the test classes are
# missing); dynalite is installed from src/test/dynalite when its node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-java}
if [ "${BUILD:-0}" = 1 ] || ! ls target/*-runner.jar >/dev/null 2>&1 || [ ! -d target/lambda-ric ] \
    || [ ! -f target/test-classes/io/flowgate/testsupport/lambda/LambdaStack.class ]; then
  ./mvnw -B -q package -DskipTests
fi
if grep -q '^type=native' target/quarkus-artifact.properties; then
  echo "target/ holds a native build; the load benchmark runs the JVM build: ./mvnw package" >&2
  exit 2
fi
# the shared Lambda emulation and dynalite runner (target/test-classes), Jackson and the AWS SDK (target/lib)
exec "$JAVA" -cp "target/test-classes:target/lib/*" bench/Load.java "$@"
