#!/usr/bin/env bash
# Runs one of mailsweep's plain timed benchmark harnesses (src/test/java/io/mailsweep/bench/).
#   bash samples/bench/java-bench.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile
cp_file=target/bench.classpath
[ -f "$cp_file" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
class="$1"
shift
exec java -Xmx512m -Ddnsjava.nio.selector_timeout=50 \
  -cp "target/classes:target/test-classes:$(cat "$cp_file")" "io.mailsweep.bench.$class" "$@"
