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
# Against a minimal Scrapy spider on the same site, where Debian's
# python3-scrapy is installed (skipped otherwise).
$GO test -run '^$' -bench 'CrawlVsScrapy' -benchtime=1x ./crawler
# --- end crawler ---

# --- matchers ---
# MB/s of the full matcher (normalisation, automaton, CAS, context,
# observables, score) over a deterministic generated corpus of realistic
# listing text (PRECWATCH_BENCH_MB, default 64 MB) with the full built-in
# watchlist; in the same run the same normalised text through our automaton
# alone and through github.com/coregx/ahocorasick, the same terms as one Go
# regexp alternation (first 256 KB only: it is very slow), and ripgrep
# (`rg -o -w -F -i -f terms.txt`) over the same text and terms when installed.
# BenchmarkNew reports the heap the compiled watchlist holds.
echo "== matchers"
mdir=$(mktemp -d)
PRECWATCH_BENCH_DIR=$mdir PRECWATCH_BENCH_MB=${PRECWATCH_BENCH_MB:-64} \
	$GO test -run '^$' -bench 'Match$|Normalize|Automaton|Coregx|Regexp|New' -benchtime=1x -benchmem ./matchers
if command -v rg >/dev/null 2>&1; then
	rgv=$(rg --version | awk 'NR == 1')
	# rg_rate LABEL TERMS TEXT: time one ripgrep run printing every match.
	rg_rate() {
		bytes=$(wc -c <"$3")
		start=$(date +%s.%N)
		rg -o -w -F -i -f "$2" "$3" >"$mdir/rg.out" || true
		end=$(date +%s.%N)
		echo "$bytes $start $end $(wc -l <"$mdir/rg.out")" |
			awk -v l="$1" -v v="$rgv" '{ printf "%s (%s, rg -o -w -F -i -f terms.txt): %.1f MB in %.2f s = %.1f MB/s, %d matches\n", l, v, $1/1e6, $3-$2, $1/1e6/($3-$2), $4 }'
	}
	# All terms (Unicode, case-insensitive, whole words) make ripgrep fall
	# back to its slow engine: first 8 MB only. ASCII-only terms: all text.
	head -c 8000000 "$mdir/corpus.txt" >"$mdir/corpus8.txt"
	rg_rate "ripgrep, all terms, first 8 MB" "$mdir/terms.txt" "$mdir/corpus8.txt"
	LC_ALL=C grep -v '[^ -~]' "$mdir/terms.txt" >"$mdir/ascii.txt" || true
	rg_rate "ripgrep, $(wc -l <"$mdir/ascii.txt") ASCII terms only, all text" "$mdir/ascii.txt" "$mdir/corpus.txt"
else
	echo "ripgrep (rg) not installed: skipped"
fi
rm -rf "$mdir"
# --- end matchers ---

# --- index ---
# Indexing rate (hits/s and hits per CPU-second) of index.Put with batches of
# 500, 2,000 and 10,000 (the default) over 100,000 generated multilingual hits,
# against the baseline of one Put per hit (2,000 hits); then latency
# p50/p95/p99 of a mix of ten faceted queries (six facets, 20 hits, sorted by
# match score) over 100,000 hits in monthly shards, with the bytes per hit of
# the index on disk. PRECWATCH_BENCH_LARGE=1 adds the same at 1,000,000 hits
# (it builds the index first: tens of minutes on a small machine).
echo "== index"
$GO test -run '^$' -bench 'PutBatched' -benchtime=100000x ./index
$GO test -run '^$' -bench 'PutSingle' -benchtime=2000x ./index
$GO test -run '^$' -bench 'SearchFaceted100k' -benchtime=500x -timeout 60m ./index
if [ "${PRECWATCH_BENCH_LARGE:-}" = 1 ]; then
	$GO test -run '^$' -bench 'SearchFaceted1M' -benchtime=500x -timeout 120m ./index
fi
# --- end index ---

# --- monitor ---
# `precwatch rescan` rate: re-matching 20,000 stored listings (SQLite) with
# the full built-in watchlist, storing and indexing only changed verdicts.
echo "== monitor (rescan)"
$GO test -run '^$' -bench 'Rescan' -benchtime=3x ./monitor
# --- end monitor ---

# --- tickets ---
# Ticket store (SQLite, WAL, synchronous=NORMAL) on a temp file: Record of a
# new suspicious listing (listing + observables + ticket + audit entry +
# outbox event, one transaction each), of a changed listing, of a replay (no
# change), from 16 concurrent goroutines (group commit), 500 to a
# transaction with RecordBatch, and the re-crawl path (Unchanged + Seen);
# rescan iteration (Listings) and the review-queue query over 10,000
# tickets. Baseline in the same run: one single-row INSERT per transaction,
# same driver and settings.
echo "== tickets"
$GO test -run '^$' -bench 'BaselineInsertTx' -benchtime=20000x ./tickets
$GO test -run '^$' -bench 'RecordNew|RecordChanged|RecordParallel|Recrawl' -benchtime=5000x ./tickets
$GO test -run '^$' -bench 'RecordReplay|RecordBatch' -benchtime=20000x ./tickets
$GO test -run '^$' -bench 'Listings|ReviewQueue' -benchtime=20x ./tickets
# --- end tickets ---

# --- server ---
# HTTP load test of the API on loopback: 50 concurrent clients over an index
# of 100,000 generated hits (and their ~87,000 tickets), each scenario bounded
# to 5,000 requests or 45 s: /healthz (baseline: the HTTP stack alone),
# faceted + highlighted search as a regulator with the result cache (5 s)
# and without it, and the review-queue listing as a partner. The data
# directory is built once (a few minutes) and kept in $PRECWATCH_BENCH_DATA
# (default: $TMPDIR/precwatch-bench-server-100000).
echo "== server"
$GO test -run '^$' -bench 'ServeLoad' -benchtime=1x -timeout 60m ./cmd/precwatch
# --- end server ---
