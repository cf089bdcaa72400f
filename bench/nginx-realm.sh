# Sourced by bench/rerun.sh and bench/compare.sh: the protected realm both crawl. nginx, with no
# daemon and its files in $WORK, on a free loopback port, serving $DOCS as /docs/ behind
# auth_basic for user "bench" and a random password. Needs nginx, htpasswd, wget and ss.
#
#   start_nginx_realm LOG_FORMAT      (nginx log_format of $WORK/access.log, '$' escaped)
#
# Sets PORT, USER_NAME, PASSWORD, URL and NGINX_PID (the caller's cleanup stops it); writes the
# password to $WORK/password (mode 0600), for the tools to read: never on a command line.

free_port() {
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 20000))
        ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
    done
    echo "no free port found" >&2
    exit 1
}

start_nginx_realm() {
    local log_format=$1 code
    PORT=$(free_port)
    USER_NAME=bench
    PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    ( umask 077; printf '%s\n' "$PASSWORD" > "$WORK/password" )
    # -m: apr1-MD5, cheap for nginx to check on every request (bcrypt would make nginx the bottleneck)
    printf '%s\n' "$PASSWORD" | htpasswd -i -c -m "$WORK/htpasswd" "$USER_NAME" 2>/dev/null
    mkdir -p "$WORK/nginx-tmp"
    cat > "$WORK/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format bench '$log_format';
    access_log $WORK/access.log bench;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    server {
        listen 127.0.0.1:$PORT;
        location /docs/ {
            alias $DOCS/;
            auth_basic "Documentation";
            auth_basic_user_file $WORK/htpasswd;
        }
    }
}
CONF
    nginx -c "$WORK/nginx.conf" -p "$WORK" &
    NGINX_PID=$!
    URL="http://127.0.0.1:$PORT/docs/"
    for _ in $(seq 50); do
        code=0
        wget -q -O /dev/null --tries=1 --timeout=1 "$URL" 2>/dev/null || code=$?
        [ "$code" = 6 ] && break    # wget's exit code for an authentication failure: nginx is up
        sleep 0.1
    done
    [ "$code" = 6 ] || { echo "nginx did not come up on $URL" >&2; cat "$WORK/nginx-error.log" >&2; exit 1; }
    echo "nginx on $URL (auth_basic, user $USER_NAME), serving $DOCS" >&2
}
