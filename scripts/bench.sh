#!/bin/sh
# bench.sh runs every package's benchmarks (`make bench`). Each package owns
# one section, delimited by "# --- <pkg> ---" and "# --- end <pkg> ---";
# figures and their discussion are in docs/BENCHMARKS-<pkg>.md.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}

# --- crawler ---
# pages/s of crawler.Run vs a bare colly collector over a generated loopback
# site of 20,000 listing pages (parallelism 8, no delay), alternating, in one
# run; then peak RSS (VmHWM) of each at 20,000 and 100,000 pages, each crawl in
# a child process. PRECWATCH_BENCH_PAGES changes the size of the first site.
echo "== crawler"
$GO test -run '^$' -bench 'CrawlVsColly' -benchtime=3x ./crawler
$GO test -run '^$' -bench 'CrawlRSS' -benchtime=1x ./crawler
# --- end crawler ---
