#!/usr/bin/env bash
# realmcrawl vs wget --mirror -np vs wget2 --mirror --no-parent on the same protected realm: nginx
# with auth_basic on 127.0.0.1 serving the JDK 17 API docs (~10,000 files). Alternating, ROUNDS
# rounds (3), medians. Output on a RAM disk (/dev/shm) unless --disk. See bench/README.md.
#
#   bench/compare.sh [--disk] [--rounds N]        (as root on a fresh Debian 12, or with the packages)
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/realmcrawl.jar}
KEEP=${KEEP:-0}            # KEEP=1 keeps the work folder (mirrors, logs, nginx config)
ROUNDS=3
DISK=0
DOCS_DIR=${DOCS_DIR:-/usr/share/doc/openjdk-17-jre-headless/api}
while [ $# -gt 0 ]; do
    case "$1" in
        --disk) DISK=1 ;;
        --rounds) ROUNDS=$2; shift ;;
        *) echo "usage: bench/compare.sh [--disk] [--rounds N]" >&2; exit 2 ;;
    esac
    shift
done

# ---- what the benchmark needs
missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v htpasswd >/dev/null || missing+=(apache2-utils)
command -v wget >/dev/null || missing+=(wget)
command -v wget2 >/dev/null || missing+=(wget2)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v ss >/dev/null || missing+=(iproute2)
[ -d "$DOCS_DIR" ] || missing+=(openjdk-17-doc)
[ -x /usr/bin/time ] || missing+=(time)
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

WORK=$(mktemp -d "${TMPDIR:-/tmp}/realmcrawl-compare.XXXXXX")
if [ "$DISK" = 1 ]; then
    OUTS=$(mktemp -d "${DISK_DIR:-/var/tmp}/realmcrawl-compare-out.XXXXXX")
else
    OUTS=$(mktemp -d /dev/shm/realmcrawl-compare-out.XXXXXX)
fi
NGINX_PID=
cleanup() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID"
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if [ "$KEEP" = 1 ]; then echo "kept $WORK and $OUTS" >&2; else rm -rf "$WORK" "$OUTS"; fi
}
trap cleanup EXIT

# ---- nginx on a free loopback port, /docs/ behind auth_basic (bench/nginx-realm.sh)
source bench/nginx-realm.sh
start_nginx_realm '$status $request_method $request_uri'
( umask 077
  printf 'user = %s\npassword = %s\n' "$USER_NAME" "$PASSWORD" > "$WORK/wgetrc"
  printf 'user = %s\npassword = %s\n' "$USER_NAME" "$PASSWORD" > "$WORK/wget2rc" )
echo "output under $OUTS" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2

# ---- the tools: the command of each, writing into $1 (the passwords are in files, never in argv)
command_of() {
    case "$1" in
        realmcrawl) CMD=(env REALMCRAWL_JAR="$JAR" bin/realmcrawl crawl "$URL" --user "$USER_NAME"
                         --password-file "$WORK/password" -o "$2" -q --max-depth 1000) ;;
        wget) CMD=(env WGETRC="$WORK/wgetrc" wget --mirror -np -nv -P "$2" "$URL") ;;
        wget2) CMD=(wget2 --config="$WORK/wget2rc" --mirror --no-parent -nv -P "$2" "$URL") ;;
    esac
}
TOOLS=(realmcrawl wget wget2)

# Untimed: the page cache holds the docs for every tool alike, and bin/realmcrawl's first crawl
# writes its class-data archive (a once-per-build cost, like installing it).
find "$DOCS" -type f -exec cat {} + > /dev/null
command_of realmcrawl "$WORK/warm-up"
"${CMD[@]}" --max-depth 1 > /dev/null 2>&1 || true
rm -rf "$WORK/warm-up"

# pages a tool saved, as paths below the host folder (realmcrawl: 127.0.0.1_PORT; wget: 127.0.0.1:PORT)
pages_of() {
    (cd "$1" && find . -mindepth 2 -type f ! -name '*.headers' ! -name '.~rc-*' ! -path './.realmcrawl/*' \
        -printf '%P\n' | cut -d/ -f2- | sort)
}
log_lines() { if [ -f "$WORK/access.log" ]; then wc -l < "$WORK/access.log"; else echo 0; fi; }

# one timed run: tool, round; appends "tool round exit wall user+sys rssMiB files MB requests 401s"
measure() {
    local tool=$1 round=$2 out="$OUTS/$1-$2" before after start end code
    rm -rf "$out"
    before=$(log_lines)
    start=$(date +%s.%N)
    set +e
    command_of "$tool" "$out"
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "${CMD[@]}" > "$WORK/log-$tool-$round" 2>&1
    code=$?
    set -e
    end=$(date +%s.%N)
    after=$(log_lines)
    sed -n "$((before + 1)),${after}p" "$WORK/access.log" > "$WORK/access-$tool-$round"
    pages_of "$out" > "$WORK/pages-$tool-$round"
    local files bytes reqs challenges cpu rss
    files=$(wc -l < "$WORK/pages-$tool-$round")
    bytes=$(cd "$out" && find . -mindepth 2 -type f ! -name '*.headers' ! -name '.~rc-*' ! -path './.realmcrawl/*' \
        -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }')
    reqs=$(wc -l < "$WORK/access-$tool-$round")
    challenges=$(awk '$1 == 401' "$WORK/access-$tool-$round" | wc -l)
    # the last line: GNU time puts "Command exited with non-zero status N" before it
    cpu=$(tail -n 1 "$WORK/time" | awk '{ printf "%.1f", $2 + $3 }')
    rss=$(tail -n 1 "$WORK/time" | awk '{ printf "%.0f", $4 / 1024 }')
    echo "$tool $round $code $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') $cpu $rss $files $bytes $reqs $challenges" \
        >> "$WORK/results"
    [ "$round" = "$ROUNDS" ] || rm -rf "$out"   # keep the last round's mirrors for the page-set comparison
}

for round in $(seq "$ROUNDS"); do
    # alternate who goes first, so no tool always meets a warmer or cooler machine
    for i in 0 1 2; do
        tool=${TOOLS[$(( (i + round - 1) % 3 ))]}
        echo "round $round: $tool" >&2
        measure "$tool" "$round"
    done
done

# ---- the table: medians over the rounds
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v t="$1" -v c="$2" '$1 == t { print $c }' "$WORK/results" | median; }
declare -A WALL PPS
echo
echo "same realm, $ROUNDS rounds alternating, medians; output on $( [ "$DISK" = 1 ] && echo "disk ($OUTS)" || echo "RAM disk (/dev/shm)")"
echo "corpus: $DOCS ($(find "$DOCS" -type f | wc -l) files); $(nproc) cores; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-11s %6s %6s %8s %8s %10s %9s %9s %6s %6s\n' tool exit files MB "wall s" "pages/s" "CPU s" "RSS MiB" reqs 401s
for tool in "${TOOLS[@]}"; do
    WALL[$tool]=$(col "$tool" 4)
    files=$(col "$tool" 7)
    PPS[$tool]=$(awk -v f="$files" -v w="${WALL[$tool]}" 'BEGIN { printf "%.0f", f / w }')
    printf '%-11s %6s %6s %8s %8s %10s %9s %9s %6s %6s\n' "$tool" "$(col "$tool" 3)" "$files" "$(col "$tool" 8)" \
        "${WALL[$tool]}" "${PPS[$tool]}" "$(col "$tool" 5)" "$(col "$tool" 6)" "$(col "$tool" 9)" "$(col "$tool" 10)"
done
echo
for other in wget wget2; do
    echo "realmcrawl pages/s / $other pages/s: $(awk -v a="${PPS[realmcrawl]}" -v b="${PPS[$other]}" 'BEGIN { printf "%.2f", a / b }')x"
done

# ---- page sets: realmcrawl vs wget (last round)
echo
only_rc=$(comm -23 "$WORK/pages-realmcrawl-$ROUNDS" "$WORK/pages-wget-$ROUNDS" | wc -l)
only_wget=$(comm -13 "$WORK/pages-realmcrawl-$ROUNDS" "$WORK/pages-wget-$ROUNDS" | wc -l)
echo "page set vs wget: $only_rc only in realmcrawl's mirror, $only_wget only in wget's"
comm -23 "$WORK/pages-realmcrawl-$ROUNDS" "$WORK/pages-wget-$ROUNDS" | head -n 20 | sed 's/^/  only realmcrawl: /'
comm -13 "$WORK/pages-realmcrawl-$ROUNDS" "$WORK/pages-wget-$ROUNDS" | head -n 20 | sed 's/^/  only wget:       /'
only_wget2=$(comm -13 "$WORK/pages-realmcrawl-$ROUNDS" "$WORK/pages-wget2-$ROUNDS" | wc -l)
echo "page set vs wget2: $(comm -23 "$WORK/pages-realmcrawl-$ROUNDS" "$WORK/pages-wget2-$ROUNDS" | wc -l) only in realmcrawl's, $only_wget2 only in wget2's"

# ---- the goals of issue 8
rc_reqs=$(col realmcrawl 9)
rc_files=$(col realmcrawl 7)
rc_401=$(col realmcrawl 10)
rc_rss=$(col realmcrawl 6)
echo
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT met"; fi; }
echo "same page set as wget:                 $(verdict "$( [ "$only_rc" = 0 ] && [ "$only_wget" = 0 ] && echo 1)")"
echo "pages/s >= wget2's (aim 1.5x):         $(verdict "$(awk -v a="${PPS[realmcrawl]}" -v b="${PPS[wget2]}" 'BEGIN { print (a >= b) }')")"
echo "pages/s >= 5x wget's:                  $(verdict "$(awk -v a="${PPS[realmcrawl]}" -v b="${PPS[wget]}" 'BEGIN { print (a >= 5 * b) }')")"
rc_distinct=$(awk '$1 != 401 { print $3 }' "$WORK/access-realmcrawl-$ROUNDS" | sort -u | wc -l)
echo "one request per URL (no 401 per page): $(verdict "$( [ $((rc_reqs - rc_401)) = "$rc_distinct" ] && echo 1)") ($rc_reqs requests: $rc_distinct distinct URLs, $rc_401 401; wget2: $(col wget2 9))"
echo "401s <= one per protection space:      $(verdict "$( [ "$rc_401" -le 1 ] && echo 1)") ($rc_401)"
echo "peak RSS <= 250 MB:                    $(verdict "$(awk -v r="$rc_rss" 'BEGIN { print (r * 1.048576 <= 250) }')") ($rc_rss MiB)"
