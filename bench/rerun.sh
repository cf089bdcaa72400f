#!/usr/bin/env bash
# First run vs unchanged re-run of realmcrawl against nginx with auth_basic on loopback, serving a
# real documentation set (CORPUS=openjdk: the JDK 17 API docs, ~10,000 files, the default;
# CORPUS=python: the Python docs, ~550 files); the first run again with --fsync for its cost; and
# wget --mirror on the same realm for a side-by-side figure. See README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/realmcrawl.jar}
KEEP=${KEEP:-0}   # KEEP=1 keeps the work folder (mirrors, logs, nginx config) for a look afterwards
CORPUS=${CORPUS:-openjdk}
case "$CORPUS" in
    openjdk) DOCS_DIR=/usr/share/doc/openjdk-17-jre-headless/api; DOCS_PKG=openjdk-17-doc ;;
    python) DOCS_DIR=/usr/share/doc/python3-doc/html; DOCS_PKG=python3-doc ;;
    *) echo "CORPUS must be openjdk or python" >&2; exit 2 ;;
esac

# ---- what the benchmark needs
missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v htpasswd >/dev/null || missing+=(apache2-utils)
[ -d "$DOCS_DIR" ] || missing+=("$DOCS_PKG")
[ -x /usr/bin/time ] || missing+=(time)
command -v wget >/dev/null || missing+=(wget)
command -v ss >/dev/null || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} with apt-get" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
if [ ! -f "$JAR" ]; then
    echo "no $JAR: build it first with  mvn -B -q -DskipTests package" >&2
    exit 2
fi
DOCS=$(readlink -f "$DOCS_DIR")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/realmcrawl-rerun.XXXXXX")
NGINX_PID=
cleanup() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID"
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if [ "$KEEP" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---- nginx on a free loopback port, /docs/ behind auth_basic (bench/nginx-realm.sh)
source bench/nginx-realm.sh
start_nginx_realm '$status $request_method $request_uri "$http_if_none_match" "$http_if_modified_since" "$http_user_agent"'

# ---- one measured run: NAME, then the command; fills M_* for the table
declare -A WALL RSS REQS CHALLENGES OK NOTMOD PAGES EXIT
log_lines() { if [ -f "$WORK/access.log" ]; then wc -l < "$WORK/access.log"; else echo 0; fi; }
measure() {
    local name=$1; shift
    local before after
    before=$(log_lines)
    local start end
    start=$(date +%s.%N)
    set +e
    /usr/bin/time -v -o "$WORK/time-$name" "$@" > "$WORK/out-$name.log" 2>&1
    EXIT[$name]=$?
    set -e
    end=$(date +%s.%N)
    after=$(log_lines)
    WALL[$name]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
    RSS[$name]=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time-$name")
    tail -n +"$((before + 1))" "$WORK/access.log" | head -n "$((after - before))" > "$WORK/access-$name.log"
    REQS[$name]=$(wc -l < "$WORK/access-$name.log")
    CHALLENGES[$name]=$(awk '$1 == 401' "$WORK/access-$name.log" | wc -l)
    OK[$name]=$(awk '$1 == 200' "$WORK/access-$name.log" | wc -l)
    NOTMOD[$name]=$(awk '$1 == 304' "$WORK/access-$name.log" | wc -l)
}
pages_in() { find "$1" -type f ! -name '*.headers' ! -name '.~rc-*' ! -path '*/.realmcrawl/*' \
    ! -name manifest.jsonl ! -name history.jsonl ! -path '*/_attic/*' | wc -l; }
snapshot() { find "$1" -type f ! -path '*/.realmcrawl/*' ! -name manifest.jsonl ! -name history.jsonl \
    -printf '%P %T@ %i\n' | sort; }

# ---- realmcrawl: first run, then the same command again on an unchanged site
RC=(env REALMCRAWL_JAR="$JAR" bin/realmcrawl crawl "$URL" --user "$USER_NAME" --password-file "$WORK/password" -o "$WORK/rc" -q)
measure rc1 "${RC[@]}"
PAGES[rc1]=$(pages_in "$WORK/rc")
snapshot "$WORK/rc/127.0.0.1_$PORT" > "$WORK/snapshot-1"
measure rc2 "${RC[@]}"
PAGES[rc2]=$(pages_in "$WORK/rc")
snapshot "$WORK/rc/127.0.0.1_$PORT" > "$WORK/snapshot-2"
REWRITTEN=$(diff "$WORK/snapshot-1" "$WORK/snapshot-2" | grep -c '^>' || true)

# ---- the first run again with --fsync (power-loss safety), into a fresh folder: its cost
RCS=(env REALMCRAWL_JAR="$JAR" bin/realmcrawl crawl "$URL" --user "$USER_NAME" --password-file "$WORK/password" -o "$WORK/rc-fsync" -q --fsync)
measure rcsync "${RCS[@]}"
PAGES[rcsync]=$(pages_in "$WORK/rc-fsync")

# ---- wget --mirror -np on the same realm; the password goes in a wgetrc, not in argv
( umask 077; printf 'user = %s\npassword = %s\n' "$USER_NAME" "$PASSWORD" > "$WORK/wgetrc" )
WG=(env WGETRC="$WORK/wgetrc" wget --mirror -np -nv -P "$WORK/wget" "$URL")
measure wget1 "${WG[@]}"
PAGES[wget1]=$(find "$WORK/wget" -type f | wc -l)
measure wget2 "${WG[@]}"
PAGES[wget2]=$(find "$WORK/wget" -type f | wc -l)

# ---- the table
row() { printf '%-26s %14s %14s %16s %14s %14s\n' "$@"; }
echo
echo "corpus: $CORPUS ($DOCS)"
row "" "realmcrawl 1st" "realmcrawl re" "rc 1st --fsync" "wget 1st" "wget re"
row "exit code" "${EXIT[rc1]}" "${EXIT[rc2]}" "${EXIT[rcsync]}" "${EXIT[wget1]}" "${EXIT[wget2]}"
row "wall s" "${WALL[rc1]}" "${WALL[rc2]}" "${WALL[rcsync]}" "${WALL[wget1]}" "${WALL[wget2]}"
row "pages (files, no .headers)" "${PAGES[rc1]}" "${PAGES[rc2]}" "${PAGES[rcsync]}" "${PAGES[wget1]}" "${PAGES[wget2]}"
row "requests" "${REQS[rc1]}" "${REQS[rc2]}" "${REQS[rcsync]}" "${REQS[wget1]}" "${REQS[wget2]}"
row "401s" "${CHALLENGES[rc1]}" "${CHALLENGES[rc2]}" "${CHALLENGES[rcsync]}" "${CHALLENGES[wget1]}" "${CHALLENGES[wget2]}"
row "200s / 304s" "${OK[rc1]} / ${NOTMOD[rc1]}" "${OK[rc2]} / ${NOTMOD[rc2]}" "${OK[rcsync]} / ${NOTMOD[rcsync]}" \
    "${OK[wget1]} / ${NOTMOD[wget1]}" "${OK[wget2]} / ${NOTMOD[wget2]}"
row "peak RSS MiB" "${RSS[rc1]}" "${RSS[rc2]}" "${RSS[rcsync]}" "${RSS[wget1]}" "${RSS[wget2]}"
echo
FSYNC_COST=$(awk -v a="${WALL[rc1]}" -v b="${WALL[rcsync]}" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "?" }')
echo "--fsync first run / plain first run: ${FSYNC_COST}x"
RATIO=$(awk -v a="${WALL[rc1]}" -v b="${WALL[rc2]}" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }')
echo "realmcrawl first run / re-run wall time: ${RATIO}x (goal >= 5x)"
echo "files the re-run wrote, replaced or removed in the mirror: $REWRITTEN (goal 0)"
if awk -v r="$RATIO" 'BEGIN { exit !(r >= 5) }' && [ "$REWRITTEN" = 0 ]; then
    echo "goals met"
else
    echo "goals NOT met"
fi
