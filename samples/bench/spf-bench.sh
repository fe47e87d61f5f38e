#!/usr/bin/env bash
# SPF micro-benchmark: parse, check_host() and policy analysis of N cached policies (default
# 100,000), median of R rounds (default 5), against a split-on-spaces baseline in the same run.
#   bash samples/bench/spf-bench.sh [N] [ROUNDS]
exec bash "$(dirname "$0")/java-bench.sh" SpfBench "${1:-100000}" "${2:-5}"
