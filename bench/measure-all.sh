#!/usr/bin/env bash
# Every whole-process figure of bench/README.md's Summary in one run, on the current checkout:
#   bash bench/measure-all.sh 2>&1 | tee /tmp/measure.log
# Publishes the native CLI (scripts/publish-native.sh: NativeAOT, the build the figures are for) to /tmp/parry and the
# portable ReadyToRun one to /tmp/parry-r2r (`R2R=1` times that one instead), builds the bench host, makes the inputs under /tmp if they are missing (the 1M-line
# web log, the 1 GB .evtx, the attack samples hard-linked 15 times), then times each command with GNU time
# (CPU = user + sys of the whole process; divide the work by it for a per-core rate) and runs the in-process modes.
# Prints the load average before each run: on a shared machine, only quiet runs are comparable. Needs ../shared.
set -u
cd "$(dirname "$0")/.."
S=../shared/corpora/sigma
R="--rules $S/rules --rules $S/rules-compliance --rules $S/rules-dfir --rules $S/rules-emerging-threats --rules $S/rules-placeholder --rules $S/rules-threat-hunting"
P=/tmp/parry/parry
[ "${R2R:-0}" = 1 ] && P=/tmp/parry-r2r/parry
BENCH="dotnet bin/Release/net10.0/Parry.Bench.dll"

bash scripts/publish-native.sh /tmp/parry
dotnet publish src/Parry.Cli -c Release -o /tmp/parry-r2r >/dev/null
dotnet build bench/Parry.Bench -c Release >/dev/null
dotnet build tests/Parry.Gateway.Tests -c Release >/dev/null    # the test MCP server gateway-latency starts
[ -f /tmp/access-1m.log ] || (cd bench/Parry.Bench && $BENCH generate-weblog /tmp/access-1m.log 1000000)
[ -f /tmp/evtx-1g.evtx ] || (cd bench/Parry.Bench && $BENCH evtx-bigfile /tmp/evtx-1g.evtx 1024)
if [ ! -d /tmp/evtx-rep ]; then
    mkdir /tmp/evtx-rep
    for i in $(seq -w 1 15); do cp -al ../shared/corpora/evtx-attack-samples /tmp/evtx-rep/r$i; done
    find /tmp/evtx-rep -type f ! -name '*.evtx' -delete
fi

git log --oneline -1; date -u; nproc; echo "CLI: $P"
run() { echo "== $1 (load $(cut -d' ' -f1 /proc/loadavg))"; shift; /usr/bin/time -f 'cpu %U+%S s rss %M KB wall %e s' "$@" 2>&1 | grep -E '^cpu|^parry: [0-9]'; }
for i in 1 2 3; do run "web 1M lines, default rules, --threads 1" $P hunt /tmp/access-1m.log --format jsonl --threads 1 -o /dev/null; done
for i in 1 2; do run "web 1M lines, default + SigmaHQ web rules, --threads 1" $P hunt /tmp/access-1m.log --rules $S/rules/web --format jsonl --threads 1 -o /dev/null; done
for t in 2 1; do
    for i in 1 2; do run "evtx 1 GB decode --threads $t" $P decode /tmp/evtx-1g.evtx --threads $t -o /dev/null; done
    for i in 1 2; do run "evtx 1 GB hunt, all SigmaHQ rules, --threads $t" $P hunt /tmp/evtx-1g.evtx $R --threads $t --format jsonl -o /tmp/measure-hunt.jsonl; done
done
for i in 1 2; do run "evtx 532.6 MB decode" $P decode /tmp/evtx-rep -o /dev/null; done
for i in 1 2; do run "evtx 532.6 MB hunt, all SigmaHQ rules" $P hunt /tmp/evtx-rep $R --format jsonl -o /tmp/measure-hunt.jsonl; done
cd bench/Parry.Bench
for i in 1 2 3 4; do echo "== sigma-cputime 3 (load $(cut -d' ' -f1 /proc/loadavg))"; $BENCH sigma-cputime 3 | grep -E 'events/cpu-s|difference'; done
echo "== behaviour-memory"; $BENCH behaviour-memory 5000000 1000000 | tail -7
echo "== correlation-steady"; $BENCH correlation-steady --threshold 5000 | tail -5
for w in 30000 30000 100000 100000; do echo "== gateway-inspect-cputime, warm-up $w (load $(cut -d' ' -f1 /proc/loadavg))"; $BENCH gateway-inspect-cputime --calls 200000 --warmup $w | grep -E 'judging thread|whole process|allocated|by thread'; done
echo "== gateway-latency (load $(cut -d' ' -f1 /proc/loadavg))"; $BENCH gateway-latency --mix agent --calls 20000 --warmup 10000 | tail -8
date -u
