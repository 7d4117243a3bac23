#!/usr/bin/env bash
# Weft measured against Lincheck: builds the benchmarks module (Maven profile "lincheck") and the
# modules it needs, then runs every target under both tools, each in a fresh JVM, and prints the
# tables. Options go to dev.weft.benchmarks.Compare: --scenarios N --schedules N (default 50 × 200),
# --runs N (median of N forks per cell, default 1).
# Run from anywhere; the repository root is found from this script's location.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Plincheck -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.weft.benchmarks.Compare "$@"
