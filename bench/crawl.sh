#!/usr/bin/env bash
# Crawl benchmark: saavu crawl (fetch + parse + every rule + JSONL) against wget's recursive
# fetch-only crawl, over the same generated site served by nginx on 127.0.0.1, in the same run.
# Prints pages/s for both, their ratio and saavu's peak RSS, for each page count asked for.
#
#   bench/crawl.sh [PAGES...]          (default: 5000 20000)
#
# Environment:
#   SAAVU      the saavu binary (default: build/default/cli/saavu beside this script)
#   RUN_LIMIT  seconds allowed for each crawl before it is stopped (default: 900)
#   KEEP_SITE  set to 1 to keep the generated site and logs (their directory is printed)
#
# Targets (the crawler issue): saavu's rate at least 2x wget's, saavu's peak RSS under 300 MiB
# at every page count. The exit status is 0 when both hold at every count, 1 when not, 2 when
# the benchmark itself could not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
saavu="${SAAVU:-$repo/build/default/cli/saavu}"
run_limit="${RUN_LIMIT:-900}"
ratio_target=2
rss_target_mib=300

if [ "$#" -gt 0 ]; then pages_list=("$@"); else pages_list=(5000 20000); fi
for n in "${pages_list[@]}"; do
  if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 10 ]; then
    echo "crawl.sh: PAGES must be numbers >= 10, not '$n'" >&2
    exit 2
  fi
done

# --- tools -------------------------------------------------------------------------------------
nginx_bin="$(command -v nginx || true)"
if [ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ]; then nginx_bin=/usr/sbin/nginx; fi
missing=()
[ -n "$nginx_bin" ] || missing+=(nginx-light)
command -v wget >/dev/null || missing+=(wget)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "crawl.sh: installing ${missing[*]}" >&2
    # Installing Debian's nginx may try to start the system service; the benchmark never uses it.
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
    nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  else
    echo "crawl.sh: missing ${missing[*]}; install with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi
[ -x "$saavu" ] || { echo "crawl.sh: no saavu binary at $saavu; build with: cmake --preset default && cmake --build --preset default" >&2; exit 2; }

# --- scratch space, stopped and removed on exit ------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/saavu-crawl-bench.XXXXXX")"
chmod 755 "$work"
nginx_pid=""
stop_nginx() {
  if [ -n "$nginx_pid" ]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
  fi
}
cleanup() {
  stop_nginx
  if [ "${KEEP_SITE:-0}" = 1 ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_nginx() {  # start_nginx SITE_ROOT PORT PREFIX
  local root="$1" port="$2" prefix="$3" user_line=""
  mkdir -p "$prefix/tmp" "$prefix/logs"
  # As root, nginx would hand its workers to "nobody", who cannot read a private temp dir.
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  cat >"$prefix/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; text/plain txt; application/xml xml; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65s;
  keepalive_requests 100000;
  client_body_temp_path $prefix/tmp/body;
  proxy_temp_path $prefix/tmp/proxy;
  fastcgi_temp_path $prefix/tmp/fastcgi;
  uwsgi_temp_path $prefix/tmp/uwsgi;
  scgi_temp_path $prefix/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    server_name localhost;
    root $root;
    index index.html;
  }
}
EOF
  "$nginx_bin" -c "$prefix/nginx.conf" -p "$prefix" -g 'daemon off;' \
    >"$prefix/logs/stdout.log" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 1 100); do  # up to 10 s
    if wget -q -O /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then return 0; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "crawl.sh: nginx did not come up on 127.0.0.1:$port" >&2
  cat "$prefix/logs/stdout.log" "$prefix/logs/error.log" >&2 2>/dev/null || true
  exit 2
}

# timed OUT_FILE CMD... : runs CMD under /usr/bin/time and RUN_LIMIT; OUT_FILE gets "SECONDS KIB".
timed() {
  local out="$1"; shift
  local rc=0
  /usr/bin/time -f '%e %M' -o "$out" timeout "$run_limit" "$@" || rc=$?
  if [ "$rc" -eq 124 ]; then echo "crawl.sh: '$1' took longer than ${run_limit}s; stopped" >&2; fi
  # time writes "Command exited with non-zero status N" before the figures when rc != 0.
  tail -n 1 "$out" >"$out.last" && mv "$out.last" "$out"
  return "$rc"
}

rows=()
all_ok=1
echo "saavu crawl benchmark: $(nproc) cores, nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///'), $(wget --version | head -n 1 | cut -d' ' -f1-3)" >&2

for n in "${pages_list[@]}"; do
  dir="$work/$n"
  mkdir -p "$dir/site" "$dir/wget" "$dir/saavu"
  echo "== $n pages: generating the site" >&2
  python3 "$here/gen_site.py" --pages "$n" --out "$dir/site"
  port="$(free_port)"
  start_nginx "$dir/site" "$port" "$dir/nginx"
  url="http://127.0.0.1:$port/"
  # Read the site once so both crawlers find it in the page cache.
  find "$dir/site" -type f -exec cat {} + >/dev/null

  echo "== $n pages: wget (fetch only)" >&2
  wget_rc=0
  timed "$dir/wget.time" wget --recursive --level=inf --no-parent --delete-after -nd -nv \
    -o "$dir/wget.log" -P "$dir/wget" "$url" || wget_rc=$?
  # -nv logs one "URL:... [bytes] -> file" line per page fetched.
  wget_pages=$(grep -c ' URL:http' "$dir/wget.log" || true)
  read -r wget_s _ <"$dir/wget.time"

  echo "== $n pages: saavu crawl (fetch + check + JSONL)" >&2
  saavu_rc=0
  timed "$dir/saavu.time" "$saavu" crawl "$url" --max-pages "$((n + 10))" --format jsonl \
    --output "$dir/saavu" -q --fail-on none || saavu_rc=$?
  saavu_pages=$(grep -c '"state":"scanned"' "$dir/saavu/saavu-report.jsonl" 2>/dev/null || true)
  read -r saavu_s saavu_kib <"$dir/saavu.time"

  stop_nginx
  [ "${KEEP_SITE:-0}" = 1 ] || rm -rf "$dir/site" "$dir/wget"

  if [ "$wget_rc" -ne 0 ] && [ "$wget_rc" -ne 8 ]; then  # 8: a 404 met (robots.txt)
    echo "crawl.sh: wget exited with $wget_rc" >&2; all_ok=0
  fi
  [ "$saavu_rc" -eq 0 ] || { echo "crawl.sh: saavu exited with $saavu_rc" >&2; all_ok=0; }
  for who in wget saavu; do
    got="${who}_pages"
    if [ "${!got}" -lt "$((n * 99 / 100))" ]; then
      echo "crawl.sh: $who fetched ${!got} of $n pages" >&2; all_ok=0
    fi
  done

  read -r line ok <<<"$(awk -v n="$n" -v wp="$wget_pages" -v ws="$wget_s" -v sp="$saavu_pages" \
    -v ss="$saavu_s" -v kib="$saavu_kib" -v rt="$ratio_target" -v mt="$rss_target_mib" 'BEGIN {
      wr = (ws > 0) ? wp / ws : 0; sr = (ss > 0) ? sp / ss : 0; ratio = (wr > 0) ? sr / wr : 0
      mib = kib / 1024; ok = (ratio >= rt && mib < mt) ? 1 : 0
      printf "%d|%d|%d|%.1f|%.1f|%.2f|%.1f|%s %d\n", n, wp, sp, wr, sr, ratio, mib,
        (ok ? "yes" : "NO"), ok }')"
  rows+=("$line")
  [ "$ok" = 1 ] || all_ok=0
done

echo
printf '%-7s %11s %11s %10s %11s %13s %16s %8s\n' pages 'wget pages' 'saavu pages' 'wget p/s' 'saavu p/s' 'saavu/wget' 'saavu RSS MiB' targets
for row in "${rows[@]}"; do
  IFS='|' read -r n wp sp wr sr ratio mib ok <<<"$row"
  printf '%-7s %11s %11s %10s %11s %12sx %16s %8s\n' "$n" "$wp" "$sp" "$wr" "$sr" "$ratio" "$mib" "$ok"
done
echo
echo "targets: saavu/wget >= ${ratio_target}x and saavu peak RSS < ${rss_target_mib} MiB at every page count"
if [ "$all_ok" = 1 ]; then
  echo "result: targets hold"
else
  echo "result: targets NOT met (see the rows and messages above)"
  exit 1
fi
