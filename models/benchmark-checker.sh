#!/usr/bin/env bash
# Benchmarks the linearizability checker: generates histories into models/target/bench and times
# the whole command line (JVM start, parsing, checking) under a 256 MB heap.
# Usage (from the repository root, after `mvn -B -ntp -pl models verify`):
#   bash models/benchmark-checker.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=models/target/weft-models-0.1.0-SNAPSHOT.jar
out=models/target/bench
generate="java -cp models/target/test-classes dev.weft.models.bench.HistoryGenerator"
mkdir -p "$out"
$generate --ops 100000 --threads 4 --keys 1000 --out "$out/perkey-100k.jsonl"
$generate --ops 100000 --threads 4 --keys 1000 --violation --out "$out/perkey-100k-violation.jsonl"
$generate --ops 10000 --threads 4 --keys 8 --whole --out "$out/whole-10k.jsonl"
$generate --ops 10000 --threads 4 --keys 8 --whole --violation --out "$out/whole-10k-violation.jsonl"
# outcomes unknown for 1 operation in 50; then 8 threads, 1 in 20 unknown and a violation: the
# search must try every subset of those operations, and the budget must end it with UNKNOWN
$generate --ops 10000 --threads 4 --keys 8 --whole --pending 50 --out "$out/whole-10k-pending.jsonl"
$generate --ops 10000 --threads 8 --keys 8 --whole --pending 20 --violation \
  --out "$out/whole-10k-pending-hard.jsonl"

echo "== check time inside the command (--stats), and peak memory"
for history in perkey-100k perkey-100k-violation whole-10k whole-10k-violation \
  whole-10k-pending whole-10k-pending-hard; do
  echo "-- $history"
  /usr/bin/time -f "wall %e s, user %U s, max resident %M KB" \
    java -Xmx256m -jar "$jar" check --model concurrent-map --timeout 30 --stats \
    "$out/$history.jsonl" \
    | head -1 || true
done

if command -v hyperfine > /dev/null; then
  echo "== whole command, hyperfine"
  hyperfine --warmup 1 --runs 10 -i \
    "java -Xmx256m -jar $jar check --model concurrent-map $out/perkey-100k.jsonl" \
    "java -Xmx256m -jar $jar check --model concurrent-map $out/perkey-100k-violation.jsonl" \
    "java -Xmx256m -jar $jar check --model concurrent-map $out/whole-10k.jsonl" \
    "java -Xmx256m -jar $jar check --model concurrent-map $out/whole-10k-violation.jsonl"
fi

echo "== warmed up, in one JVM"
java -Xmx256m -cp "$jar:models/target/test-classes" dev.weft.models.bench.CheckerBenchmark \
  concurrent-map "$out/perkey-100k.jsonl" 5
java -Xmx256m -cp "$jar:models/target/test-classes" dev.weft.models.bench.CheckerBenchmark \
  concurrent-map "$out/whole-10k.jsonl" 5
java -Xmx256m -cp "$jar:models/target/test-classes" dev.weft.models.check.SmallHistoryBenchmark
