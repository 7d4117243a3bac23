#!/usr/bin/env bash
# Runs the runtime benchmark harness in a JVM of its own. Extra arguments: strategy names.
# JAVA_HOME selects the JDK; -Dbench.seconds=N (in BENCH_OPTS) the measuring time per row.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl scheduler test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" ${BENCH_OPTS:-} -cp "scheduler/target/test-classes:scheduler/target/classes:$(cat scheduler/target/bench.cp)" \
  dev.weft.scheduler.bench.RuntimeBenchmark "$@"
