#!/usr/bin/env bash
# realmcrawl on a synthetic protected site of 1,000,000 pages on loopback, wide and deep
# (io.realmcrawl.bench.SyntheticTree), with the launcher's fixed heap: prints, per 100,000 URLs
# done, the time those took, the rate, the RSS and the heap, so a cost that grows per page shows.
# See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/realmcrawl.jar}
FANOUT=${FANOUT:-10}      # folders per folder
DEPTH=${DEPTH:-4}         # folder levels: FANOUT^DEPTH leaf folders
PER_LEAF=${PER_LEAF:-100} # pages per leaf folder
STEP=${STEP:-100000}      # URLs done between two report lines
KEEP=${KEEP:-0}
OUT_BASE=${OUT_BASE:-/var/tmp}  # the mirror: 2,000,000 small files (pages and header files), ~8 GB on tmpfs

if [ ! -f "$JAR" ] || [ ! -f target/test-classes/io/realmcrawl/bench/SyntheticTree.class ]; then
    echo "build first:  mvn -B -q -DskipTests package   (compiles the test classes too)" >&2
    exit 2
fi
missing=()
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v jcmd >/dev/null || missing+=(openjdk-17-jdk-headless)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/realmcrawl-scale.XXXXXX")
OUT=$(mktemp -d "$OUT_BASE/realmcrawl-scale-out.XXXXXX")
SITE_PID=
CRAWL_PID=
cleanup() {
    for pid in $CRAWL_PID $SITE_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    if [ "$KEEP" = 1 ]; then echo "kept $WORK and $OUT" >&2; else rm -rf "$WORK" "$OUT"; fi
}
trap cleanup EXIT

( umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$WORK/password" )
java -Xmx512m -XX:+UseSerialGC -cp target/classes:target/test-classes io.realmcrawl.bench.SyntheticTree \
    "$FANOUT" "$DEPTH" "$PER_LEAF" bench "$WORK/password" > "$WORK/site.log" 2>&1 &
SITE_PID=$!
for _ in $(seq 100); do [ "$(wc -l < "$WORK/site.log")" -ge 2 ] && break; sleep 0.1; done
URL=$(head -n 1 "$WORK/site.log")
case "$URL" in http://127.0.0.1:*) ;; *) echo "the synthetic site did not start:" >&2; cat "$WORK/site.log" >&2; exit 1;; esac
echo "synthetic site: $URL ($(sed -n 2p "$WORK/site.log")); mirror in $OUT" >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2

START=$(date +%s.%N)
# The trap limits are off: a million URLs on one host is max-urls-per-host's default, and the
# tree's /docs/0/0/0/0/ folders repeat a segment four times (max-segment-repeats 3). On a real site
# both stop a runaway crawl; here they would hide pages from the count checked at the end.
/usr/bin/time -f '%e %U %S %M' -o "$WORK/time" env REALMCRAWL_JAR="$JAR" bin/realmcrawl crawl "$URL" --user bench \
    --password-file "$WORK/password" -o "$OUT" -q --max-urls-per-host 0 --max-segment-repeats 0 \
    > "$WORK/crawl.log" 2>&1 &
CRAWL_PID=$!   # /usr/bin/time's; the JVM is its descendant
JVM=
for _ in $(seq 200); do JVM=$(pgrep -f -n "realmcrawl.jar crawl $URL" || true); [ -n "$JVM" ] && break; sleep 0.1; done
[ -n "$JVM" ] || { echo "realmcrawl did not start" >&2; cat "$WORK/crawl.log" >&2; exit 1; }

done_urls() {
    local db="$OUT/.realmcrawl/state.db"
    if [ -f "$db" ]; then
        sqlite3 -readonly "$db" "select count(*) from urls where state = 'done'" 2>/dev/null || echo 0
    else
        echo 0
    fi
}
# While the crawl runs, once a second: the URLs found (rowids grow by one per URL) less those still
# queued (the queue's index counts them), so the few leased ones count as done. Exact counting
# would read the whole table each time (the index holds queued URLs only) and slow the crawl.
done_urls_while_crawling() {
    local db="$OUT/.realmcrawl/state.db"
    if [ -f "$db" ]; then
        sqlite3 -readonly "$db" "select coalesce(max(rowid), 0) - (select count(*) from urls where state = 'queued') from urls" \
            2>/dev/null || echo 0
    else
        echo 0
    fi
}
heap_used() {
    jcmd "$JVM" GC.heap_info 2>/dev/null | grep -m1 -E 'total [0-9]+K, used [0-9]+K' \
        | sed -E 's/.*total ([0-9]+)K, used ([0-9]+)K.*/\2 \1/' \
        | awk '{ printf "%.0f / %.0f", $1 / 1024, $2 / 1024 }' || true
}
printf '%10s %8s %12s %10s %12s %12s %16s\n' "URLs done" "s" "s since last" "URLs/s" "VmRSS MiB" "VmHWM MiB" "heap MiB used/of"
next=$STEP
last_n=0
last_t=0
while kill -0 "$JVM" 2>/dev/null; do
    n=$(done_urls_while_crawling)
    if [ "$n" -ge "$next" ]; then
        t=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
        rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$JVM/status" 2>/dev/null || echo "?")
        hwm=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$JVM/status" 2>/dev/null || echo "?")
        printf '%10s %8s %12s %10s %12s %12s %16s\n' "$n" "$t" "$(awk -v a="$t" -v b="$last_t" 'BEGIN { printf "%.1f", a - b }')" \
            "$(awk -v a="$t" -v b="$last_t" -v n="$n" -v m="$last_n" 'BEGIN { printf "%.0f", (n - m) / (a - b) }')" \
            "$rss" "$hwm" "$(heap_used)"
        last_n=$n
        last_t=$t
        next=$(( (n / STEP + 1) * STEP ))
        continue
    fi
    sleep 1
done
set +e
wait "$CRAWL_PID"
CODE=$?
set -e
CRAWL_PID=
echo
# every page and every folder index of the tree: FANOUT^DEPTH * PER_LEAF + (FANOUT^(DEPTH+1) - 1) / (FANOUT - 1)
expected=$(awk -v f="$FANOUT" -v d="$DEPTH" -v p="$PER_LEAF" 'BEGIN { printf "%.0f", f^d * p + (f^(d + 1) - 1) / (f - 1) }')
echo "the site has $expected URLs; the crawl did $(done_urls) ($( [ "$(done_urls)" = "$expected" ] && echo all || echo "NOT all"))"
echo "exit code $CODE: $(done_urls) URLs done; $(awk '{ printf "%.0f s wall, %.0f s CPU (user %.0f, sys %.0f), peak RSS %.0f MiB", $1, $2 + $3, $2, $3, $4 / 1024 }' "$WORK/time")"
if [ "$CODE" != 0 ]; then tail -n 5 "$WORK/crawl.log"; fi
