#!/usr/bin/env bash
# flowgate's cold-start benchmark (a benchmark, not a test: CI does not run it). See docs/performance.md.
#
#   bench/cold-start.sh [variant...]     variants: baseline tuned jdk25-aot quarkus-appcds native node all side-by-side,
#                                        and baseline-ssm native-ssm (the secrets read from a stand-in of SSM at startup),
#                                        baseline-tracing native-tracing (tracing switched on, docs/operations.md#tracing)
#                                        (default: baseline tuned; all = baseline tuned jdk25-aot quarkus-appcds;
#                                        side-by-side = native node baseline tuned)
#
# native: the native build in NATIVE_TARGET (default target/; ./mvnw package -Dnative), started through its
# function.zip's bootstrap at NATIVE_MEMORY MB (default 256, the smallest memory serverless.yml gives a function).
# node: the Node.js baseline in bench/node-baseline (the vendor's JavaScript sample as a Lambda handler) on this
# machine's node, at the same memory setting.
#
# Environment: RUNS (fresh processes per variant, default 5), WARM (warm createSession+callback pairs per
# process, default 200), MEMORY (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, default 1024), BUILD=1 to run
# ./mvnw -B package -DskipTests first (it also runs when target/*-runner.jar is missing),
# JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64).
#
# It starts each function process (the JVM build through AWS's runtime interface client, which the build copies
# to target/lambda-ric/) against a Lambda Runtime API emulation and a stub vendor on 127.0.0.1, and prints per run and the
# medians: cold start, first callback, warm p50/p99, peak RSS. The CDS/AOT archives of the tuned variants
# are trained by one extra run (not counted) and kept in target/bench-cds/ and target/bench-aot/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
WARM=${WARM:-200}
MEMORY=${MEMORY:-1024}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=${JAVA:-java}
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=(baseline tuned)
[ "${variants[0]}" = all ] && variants=(baseline tuned jdk25-aot quarkus-appcds)
[ "${variants[0]}" = side-by-side ] && variants=(native node baseline tuned)
NATIVE_TARGET=${NATIVE_TARGET:-target}
NATIVE_MEMORY=${NATIVE_MEMORY:-256}

needs_jvm=false
for v in "${variants[@]}"; do case "$v" in native|native-ssm|native-tracing|node) ;; *) needs_jvm=true ;; esac; done

if [ "${BUILD:-0}" = 1 ] || { $needs_jvm && { ! ls target/*-runner.jar >/dev/null 2>&1 \
    || ! ls target/lambda-ric/aws-lambda-java-runtime-interface-client-*.jar >/dev/null 2>&1; }; } \
    || [ ! -f target/test-classes/io/flowgate/testsupport/lambda/PackagedFunction.class ]; then
  ./mvnw -B -q package -DskipTests
fi

# The heap a Lambda function gets is bounded by its memory; the managed java21 runtime sizes the heap
# itself. -Xmx128m is ample for these functions (their live set is a few tens of MB).
COMMON="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=128m -XX:-UsePerfData -Djava.net.preferIPv4Stack=true"
# the Lambda emulation is shared with the tests (target/test-classes); Jackson comes from target/lib
bench() { "$JAVA" -cp "target/test-classes:target/lib/*" bench/ColdStart.java --runs "$RUNS" --warm "$WARM" --memory "$MEMORY" "$@"; }

for v in "${variants[@]}"; do
  case "$v" in
    baseline)
      bench --label baseline-jdk17 --jvm-opts "" ;;
    baseline-ssm)
      bench --ssm --label baseline-jdk17-ssm --jvm-opts "" ;;
    tuned)
      # AppCDS (JDK 17): one training run dumps the classes it loaded (at its clean exit on SIGTERM)
      rm -rf target/bench-cds && mkdir -p target/bench-cds
      bench --runs 1 --warm 20 --label train-cds-jdk17 \
        --jvm-opts "-XX:ArchiveClassesAtExit=target/bench-cds/app.jsa $COMMON -Xlog:cds=off" >/dev/null
      bench --label tuned-jdk17 --jvm-opts "-XX:SharedArchiveFile=target/bench-cds/app.jsa -Xshare:auto $COMMON" ;;
    jdk25-aot)
      # JDK 25 AOT cache (JEP 483/514): one training run writes it at its exit
      rm -rf target/bench-aot && mkdir -p target/bench-aot
      bench --java "$JDK25/bin/java" --runs 1 --warm 20 --label train-aot-jdk25 \
        --jvm-opts "-XX:AOTCacheOutput=target/bench-aot/app.aot $COMMON" >/dev/null
      bench --java "$JDK25/bin/java" --label aot-jdk25 --jvm-opts "-XX:AOTCache=target/bench-aot/app.aot $COMMON" ;;
    quarkus-appcds)
      # Quarkus' own AppCDS archive (target/app-cds.jsa, trained by the build on startup only); it needs the
      # runner jar by its relative name, from target/. This rebuilds target/, so it runs last.
      ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
      bench --runner-jar-cp --label quarkus-appcds-jdk17 --jvm-opts "-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto $COMMON" ;;
    native)
      # function.zip and the executable from ./mvnw package -Dnative (with the native-image kit on our machines)
      bench --mode native --target "$NATIVE_TARGET" --memory "$NATIVE_MEMORY" --label native ;;
    native-ssm)
      bench --mode native --target "$NATIVE_TARGET" --memory "$NATIVE_MEMORY" --ssm --label native-ssm ;;
    native-tracing)
      # tracing switched on (docs/operations.md#tracing), its spans to a stand-in of the ADOT collector layer
      bench --mode native --target "$NATIVE_TARGET" --memory "$NATIVE_MEMORY" --tracing --label native-tracing ;;
    baseline-tracing)
      bench --tracing --label baseline-jdk17-tracing --jvm-opts "" ;;
    node)
      bench --mode node --memory "$NATIVE_MEMORY" --label "node-$(node --version)" ;;
    *) echo "unknown variant $v (baseline baseline-ssm baseline-tracing tuned jdk25-aot quarkus-appcds native native-ssm native-tracing node all side-by-side)" >&2; exit 2 ;;
  esac
done
