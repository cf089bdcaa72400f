#!/usr/bin/env bash
# What a crawl of the JDK docs realm costs once the JVM is warm, next to wget2 on the same realm:
# RUNS crawls (6) in one JVM with the launcher's options (io.realmcrawl.bench.WarmCrawls), the
# first paying JVM start-up and JIT warm-up, the later ones neither; then wget2 three times.
# The same nginx realm as bench/compare.sh. See bench/README.md.
#
#   bench/warm.sh [--runs N] [--c2]      (--c2: the JVM's default JIT, C1 and C2, instead of C1 only)
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/realmcrawl.jar}
RUNS=6
JIT="-XX:TieredStopAtLevel=1"
DOCS_DIR=${DOCS_DIR:-/usr/share/doc/openjdk-17-jre-headless/api}
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS=$2; shift ;;
        --c2) JIT= ;;
        *) echo "usage: bench/warm.sh [--runs N] [--c2]" >&2; exit 2 ;;
    esac
    shift
done
for need in nginx htpasswd wget wget2 ss java; do
    command -v "$need" >/dev/null || { echo "needs $need: run bench/compare.sh once (it installs them)" >&2; exit 2; }
done
[ -d "$DOCS_DIR" ] || { echo "needs $DOCS_DIR (openjdk-17-doc): run bench/compare.sh once" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ ! -f target/test-classes/io/realmcrawl/bench/WarmCrawls.class ]; then
    echo "build first: mvn -B -q -DskipTests package (the jar and the test classes)" >&2
    exit 2
fi
DOCS=$(readlink -f "$DOCS_DIR")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/realmcrawl-warm.XXXXXX")
OUTS=$(mktemp -d /dev/shm/realmcrawl-warm-out.XXXXXX)
NGINX_PID=
cleanup() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID"
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK" "$OUTS"
}
trap cleanup EXIT

source bench/nginx-realm.sh
start_nginx_realm '$status'
( umask 077; printf 'user = %s\npassword = %s\n' "$USER_NAME" "$PASSWORD" > "$WORK/wget2rc" )
find "$DOCS" -type f -exec cat {} + > /dev/null   # the page cache holds the docs for both tools
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2

# realmcrawl: the launcher's heap and collector, its JIT choice unless --c2; no class archive
# (a warm JVM has loaded its classes anyway; the first run pays for loading them)
# shellcheck disable=SC2086
java -Xmx128m -XX:+UseSerialGC $JIT -cp "$JAR:target/test-classes" io.realmcrawl.bench.WarmCrawls "$RUNS" "$OUTS" \
    crawl "$URL" --user "$USER_NAME" --password-file "$WORK/password" -q --max-depth 1000 | tee "$WORK/realmcrawl"

for round in 1 2 3; do
    out="$OUTS/wget2-$round"
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" wget2 --config="$WORK/wget2rc" --mirror --no-parent -nv -P "$out" "$URL" \
        > /dev/null 2>&1 || true
    tail -n 1 "$WORK/time" | awk -v r="$round" '{ printf "wget2 %d wall %.2f cpu %.2f\n", r, $1, $2 + $3 }' | tee -a "$WORK/wget2"
    rm -rf "$out"
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
first_wall=$(awk '$1 == "run" && $2 == 1 { print $6 }' "$WORK/realmcrawl")
first_cpu=$(awk '$1 == "run" && $2 == 1 { print $8 }' "$WORK/realmcrawl")
warm_wall=$(awk '$1 == "run" && $2 > 1 { print $6 }' "$WORK/realmcrawl" | median)
warm_cpu=$(awk '$1 == "run" && $2 > 1 { print $8 }' "$WORK/realmcrawl" | median)
best_wall=$(awk '$1 == "run" && $2 > 1 { print $6 }' "$WORK/realmcrawl" | sort -g | head -n 1)
w2_wall=$(awk '{ print $4 }' "$WORK/wget2" | median)
w2_cpu=$(awk '{ print $6 }' "$WORK/wget2" | median)
echo
echo "JIT: ${JIT:-C1 and C2}; output on /dev/shm; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %8s\n' "" "wall s" "CPU s"
printf '%-34s %8s %8s\n' "realmcrawl, first run in the JVM" "$first_wall" "$first_cpu"
printf '%-34s %8s %8s\n' "realmcrawl, warm (median of 2..$RUNS)" "$warm_wall" "$warm_cpu"
printf '%-34s %8s %8s\n' "wget2 (median of 3)" "$w2_wall" "$w2_cpu"
echo "warm realmcrawl pages/s / wget2 pages/s: $(awk -v a="$warm_wall" -v b="$w2_wall" 'BEGIN { printf "%.2f", b / a }')x (best warm run: $(awk -v a="$best_wall" -v b="$w2_wall" 'BEGIN { printf "%.2f", b / a }')x)"
echo "what start-up and warm-up add to the first run: $(awk -v a="$first_wall" -v b="$warm_wall" 'BEGIN { printf "%.2f", a - b }') s wall, $(awk -v a="$first_cpu" -v b="$warm_cpu" 'BEGIN { printf "%.2f", a - b }') s CPU"
