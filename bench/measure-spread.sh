#!/usr/bin/env bash
# More runs for the spread, after bench/measure-all.sh (it uses the native CLI that script publishes to /tmp/parry, or with
# R2R=1 the ReadyToRun one in /tmp/parry-r2r, the bench
# host it builds and the inputs it makes):   bash bench/measure-spread.sh [ROUNDS] 2>&1 | tee /tmp/spread.log
# ROUNDS (default 3) alternating decode/hunt pairs of the 1 GB .evtx on 1 and on 2 threads and of the 532.6 MB
# corpus (4,035 files, default threads) (a hunt's ratio is read against the decode run just before it), two start-ups with every SigmaHQ rule, ROUNDS+1 `sigma-cputime 3 routed
# distinct` processes and two gateway inspection runs. On this host separate processes of one binary swing by up to
# 2x, so a figure is the range of its runs, never one run.
set -u
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
S=../shared/corpora/sigma
R="--rules $S/rules --rules $S/rules-compliance --rules $S/rules-dfir --rules $S/rules-emerging-threats --rules $S/rules-placeholder --rules $S/rules-threat-hunting"
P=/tmp/parry/parry
[ "${R2R:-0}" = 1 ] && P=/tmp/parry-r2r/parry
BENCH="dotnet bin/Release/net10.0/Parry.Bench.dll"
git log --oneline -1; date -u; echo "CLI: $P"
run() { echo "== $1 (load $(cut -d' ' -f1 /proc/loadavg))"; shift; /usr/bin/time -f 'cpu %U+%S s rss %M KB wall %e s' "$@" 2>&1 | grep -E '^cpu'; }
for t in 1 2; do
    for i in $(seq "$ROUNDS"); do
        run "evtx 1 GB decode --threads $t" $P decode /tmp/evtx-1g.evtx --threads $t -o /dev/null
        run "evtx 1 GB hunt, all SigmaHQ rules, --threads $t" $P hunt /tmp/evtx-1g.evtx $R --threads $t --format jsonl -o /tmp/measure-hunt.jsonl
    done
done
for i in $(seq "$ROUNDS"); do
    run "evtx 532.6 MB decode" $P decode /tmp/evtx-rep -o /dev/null
    run "evtx 532.6 MB hunt, all SigmaHQ rules" $P hunt /tmp/evtx-rep $R --format jsonl -o /tmp/measure-hunt.jsonl
done
echo '{}' > /tmp/measure-empty.json
for i in 1 2; do run "hunt start-up, all SigmaHQ rules, empty input" $P hunt /tmp/measure-empty.json $R -o /dev/null; done
cd bench/Parry.Bench
for i in $(seq $((ROUNDS + 1))); do echo "== sigma-cputime 3 routed distinct (load $(cut -d' ' -f1 /proc/loadavg))"; $BENCH sigma-cputime 3 routed distinct | grep -E 'events/cpu-s' | head -2; done
for w in 30000 100000; do echo "== gateway-inspect-cputime, warm-up $w (load $(cut -d' ' -f1 /proc/loadavg))"; $BENCH gateway-inspect-cputime --calls 200000 --warmup $w | grep -E 'judging thread|whole process'; done
date -u
