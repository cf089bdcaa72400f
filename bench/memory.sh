#!/usr/bin/env bash
# Heap and RSS of realmcrawl (-Xmx256m) crawling a synthetic protected site of 200,000+ pages on
# loopback, sampled at 10k, 100k and 200k URLs done. See README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/realmcrawl.jar}
# Pages of the synthetic site (plus one index per directory and the root). A little over 200,000 so
# that the 200k sample lands before the crawl ends (at ~1,000 URLs/s the last 200 would be missed).
PAGES=${PAGES:-205000}
PER_DIR=${PER_DIR:-1000}                     # pages per directory
HEAP=${HEAP:-256m}                           # realmcrawl's -Xmx
SAMPLES=${SAMPLES:-"10000 100000 200000"}    # URLs done at which heap and RSS are printed
KEEP=${KEEP:-0}

if [ ! -f "$JAR" ] || [ ! -f target/test-classes/io/realmcrawl/bench/SyntheticSite.class ]; then
    echo "build first:  mvn -B -q -DskipTests package   (compiles the test classes too)" >&2
    exit 2
fi
command -v jcmd >/dev/null || { echo "jcmd (from the JDK) is needed" >&2; exit 2; }
command -v sqlite3 >/dev/null || { apt-get update -q >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3 >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/realmcrawl-memory.XXXXXX")
SITE_PID=
CRAWL_PID=
cleanup() {
    for pid in $CRAWL_PID $SITE_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    if [ "$KEEP" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

( umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$WORK/password" )
java -Xmx1g -cp target/classes:target/test-classes io.realmcrawl.bench.SyntheticSite \
    "$PAGES" "$PER_DIR" bench "$WORK/password" > "$WORK/site.log" 2>&1 &
SITE_PID=$!
for _ in $(seq 100); do [ "$(wc -l < "$WORK/site.log")" -ge 2 ] && break; sleep 0.1; done
URL=$(head -n 1 "$WORK/site.log")
case "$URL" in http://127.0.0.1:*) ;; *) echo "the synthetic site did not start:" >&2; cat "$WORK/site.log" >&2; exit 1;; esac
echo "synthetic site: $URL ($(sed -n 2p "$WORK/site.log"))" >&2

OUT="$WORK/out"
START=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/time" env REALMCRAWL_JAR="$JAR" REALMCRAWL_JAVA_OPTS="-Xmx$HEAP -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" bin/realmcrawl crawl "$URL" --user bench \
    --password-file "$WORK/password" -o "$OUT" -q > "$WORK/crawl.log" 2>&1 &
CRAWL_PID=$!   # /usr/bin/time's; the JVM is its child
JVM=
for _ in $(seq 100); do JVM=$(pgrep -P "$CRAWL_PID" java || true); [ -n "$JVM" ] && break; sleep 0.1; done
[ -n "$JVM" ] || { echo "realmcrawl did not start" >&2; cat "$WORK/crawl.log" >&2; exit 1; }

# "used U / total T" from the heap line of jcmd GC.heap_info (G1, Serial or Parallel alike)
heap_used() {
    jcmd "$JVM" GC.heap_info 2>/dev/null | grep -m1 -E 'total [0-9]+K, used [0-9]+K' \
        | sed -E 's/.*total ([0-9]+)K, used ([0-9]+)K.*/\2 \1/' \
        | awk '{ printf "%.0f / %.0f MiB", $1 / 1024, $2 / 1024 }' || true   # the JVM may just have ended
}
# URLs done so far, read from the crawl state while the crawl writes it (WAL lets readers in).
done_urls() {
    local db="$OUT/.realmcrawl/state.db"
    if [ -f "$db" ]; then
        sqlite3 -readonly "$db" "select count(*) from urls where state = 'done'" 2>/dev/null || echo 0
    else
        echo 0
    fi
}
printf '%-10s %6s %-22s %-22s %12s %12s\n' "URLs done" "s" "heap used / total" "after GC.run" "VmRSS" "VmHWM"
set -- $SAMPLES
while [ $# -gt 0 ] && kill -0 "$JVM" 2>/dev/null; do
    n=$(done_urls)
    if [ "$n" -ge "$1" ]; then
        heap=$(heap_used)
        jcmd "$JVM" GC.run > /dev/null 2>&1 || true
        live=$(heap_used)
        rss=$(awk '/VmRSS/ { print $2 " " $3 }' "/proc/$JVM/status" 2>/dev/null || true)
        hwm=$(awk '/VmHWM/ { print $2 " " $3 }' "/proc/$JVM/status" 2>/dev/null || true)
        printf '%-10s %6.0f %-22s %-22s %12s %12s\n' "$n" "$(echo "$(date +%s.%N) - $START" | bc)" "${heap:-?}" \
            "${live:-?}" "${rss:-?}" "${hwm:-?}"
        shift
        continue
    fi
    sleep 0.5
done
set +e
wait "$CRAWL_PID"
CODE=$?
set -e
CRAWL_PID=
END=$(date +%s.%N)
for left in "$@"; do
    echo "$left: not sampled, the crawl ended first at $(done_urls) URLs (see the peak RSS below)"
done
echo
echo "exit code $CODE, $(done_urls) URLs in $(echo "$END - $START" | bc | xargs printf '%.0f') s"
awk -F': ' '/Maximum resident set size/ { printf "peak RSS of the whole run (time -v): %.0f MiB\n", $2 / 1024 }' "$WORK/time"
if [ "$CODE" != 0 ]; then tail -n 5 "$WORK/crawl.log"; fi
