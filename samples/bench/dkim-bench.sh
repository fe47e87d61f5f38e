#!/usr/bin/env bash
# DKIM probing cost: per-domain time of the full selector probe against a DMARC-only lookup (the
# baseline, same run), through the run cache and the in-process DNS server on 127.0.0.1 with a
# fixed answer latency. Prints medians.
#   bash samples/bench/dkim-bench.sh [DOMAINS] [ROUNDS] [LATENCY_MS]
exec bash "$(dirname "$0")/java-bench.sh" DkimBench "${1:-200}" "${2:-5}" "${3:-5}"
