#!/usr/bin/env bash
# Builds the examples' jcstress tests (profile jcstress: examples/target/jcstress.jar) and runs them in a
# short mode sized for CI on 2 cores (about 2 minutes here, build included; budget 5 minutes).
#
#   examples/jcstress.sh                         all tests, short mode
#   examples/jcstress.sh -t UnsafeLazySettings   a subset (jcstress -t regexp), short mode
#   examples/jcstress.sh --full [jcstress args]  jcstress's own presets instead of the short mode
#   examples/jcstress.sh --scenario TOKEN_OR_TEXT --map CLASS_OR_EXPRESSION [--expect linearizable|bug] [args]
#                                                one map scenario on real threads through Weft's jcstress
#                                                bridge (docs/jcstress-bridge.md): the replay token of a
#                                                map-form test's failure report, or a scenario text such as
#                                                'thread 1: put(1, 1) | thread 2: put(2, 1); size()', run on
#                                                a fresh map per sample and checked for linearizability;
#                                                --expect linearizable (the default) fails on a violation
#
# Exits non-zero when the build fails, when jcstress fails, when a test reports a FORBIDDEN outcome or
# an error (jcstress 0.16 itself exits 0 in both cases, so the report is parsed), or when fewer tests
# ran than the jar lists (an empty test list means annotation processing did not run).
# The console report is kept in examples/target/jcstress-results/console.txt, the HTML report beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_cmd="$JAVA_HOME/bin/java"; fi

# Short mode: one fork per JVM configuration, no stress forks, compilation unified across actors, and
# one JVM flag set with C2's scheduling randomizers (jcstress adds its biased-locking variants on JDKs
# that have them). jcstress's "quick" preset with its JVM flag auto-detection takes about 4.5 minutes
# per test on 2 cores.
short_mode=(-m quick -sc false -fsm 0
  -jvmArgs "-Xmx256m -XX:+UnlockDiagnosticVMOptions -XX:+StressLCM -XX:+StressGCM -XX:+StressIGVN -XX:+StressCCP")

# --scenario: one spec file for the bridge, in examples/target/weft-bridge-specs (the profile reads it).
specs="examples/target/weft-bridge-specs"
rm -rf "$specs"
if [ "${1:-}" = "--scenario" ]; then
  scenario="" map="" expect="linearizable"
  while [ $# -gt 0 ]; do
    case "$1" in
      --scenario) scenario="${2:-}"; shift 2 || shift ;;
      --map) map="${2:-}"; shift 2 || shift ;;
      --expect) expect="${2:-}"; shift 2 || shift ;;
      *) break ;;
    esac
  done
  if [ -z "$scenario" ] || [ -z "$map" ]; then
    echo "usage: examples/jcstress.sh --scenario TOKEN_OR_TEXT --map CLASS_OR_EXPRESSION [--expect linearizable|bug] [jcstress args]" >&2
    exit 2
  fi
  mkdir -p "$specs"
  printf 'scenario = %s\nmap = %s\nexpect = %s\n' "$scenario" "$map" "$expect" > "$specs/YourScenarioTest.properties"
  set -- "$@" -t 'bridge\.YourScenarioTest'
fi

if [ "${1:-}" = "--full" ]; then
  shift
  run_args=("$@")
else
  run_args=("${short_mode[@]}" "$@")
fi

# Only the -t selector matters for the listing.
list_args=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "-t" ] && [ $((i + 1)) -lt ${#args[@]} ]; then list_args=(-t "${args[$((i + 1))]}"); fi
done

echo "== jcstress: build (mvn -Pjcstress package)"
# the bridge's generated tests and a removed scenario's classes must not outlive their spec
rm -rf examples/target/generated-sources/weft-bridge examples/target/classes/dev/weft/examples/jcstress/bridge
# -am: the tests run on this checkout's engine, never on a snapshot installed from another one
mvn -B -ntp -q -pl examples -am -Pjcstress -DskipTests package

jar="$PWD/examples/target/jcstress.jar"
results="$PWD/examples/target/jcstress-results"
work="$PWD/examples/target/jcstress-work"
rm -rf "$results" "$work"
mkdir -p "$results" "$work"

listed="$(cd "$work" && "$java_cmd" -jar "$jar" -l "${list_args[@]}" | grep -c '^dev\.weft\.' || true)"
if [ "$listed" -eq 0 ]; then
  echo "jcstress: the jar lists no tests matching '${list_args[*]:-all}'; was annotation processing on (-proc:full on JDK 23+)?" >&2
  exit 1
fi

echo "== jcstress: run $listed test(s): ${run_args[*]}"
"$java_cmd" -version 2>&1 | sed -n 1p
status=0
(cd "$work" && "$java_cmd" -jar "$jar" "${run_args[@]}" -r "$results") > "$results/console.txt" 2>&1 || status=$?
sed -n '/^RUN RESULTS:/,$p' "$results/console.txt"

if [ "$status" -ne 0 ]; then
  echo "jcstress: exited with $status; see $results/console.txt" >&2
  exit "$status"
fi
if ! grep -q '^RUN RESULTS:' "$results/console.txt"; then
  echo "jcstress: no results section in the report; see $results/console.txt" >&2
  exit 1
fi
# jcstress writes one HTML page per test it ran (the console lists only interesting and failed ones).
all_ran="$(find "$results" -maxdepth 1 -name 'dev.weft.*.html' | wc -l)"
if [ "$all_ran" -lt "$listed" ]; then
  echo "jcstress: $all_ran of $listed listed tests ran; see $results/console.txt" >&2
  exit 1
fi
if ! grep -q '^  Failed tests: No matches\.' "$results/console.txt" || ! grep -q '^  Error tests: No matches\.' "$results/console.txt"; then
  echo "jcstress: a fixed or control test showed a FORBIDDEN outcome, or a test failed to run; see $results/console.txt" >&2
  grep -E '^\.+ \[(FAILED|ERROR)\]' "$results/console.txt" | sort -u >&2 || true
  exit 1
fi
echo "== jcstress: $all_ran test(s) ran, no FORBIDDEN outcome, no error"
