#!/usr/bin/env bash
# SPF micro-benchmark: parse, check_host() and policy analysis of N cached policies (default
# 100,000), median of R rounds (default 5), against a split-on-spaces baseline in the same run.
#   bash samples/bench/spf-bench.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile
cp_file=target/bench.classpath
[ -f "$cp_file" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  io.mailsweep.bench.SpfBench "${1:-100000}" "${2:-5}"
