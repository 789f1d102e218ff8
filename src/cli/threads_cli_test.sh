#!/usr/bin/env bash
# `parley code`, `parley parse` and `parley ingest` with --threads 3 write
# exactly what they write with one thread (events, CoNLL-U, the stored
# events, the summary and its skipped records), on raw text, parsed CoNLL-U
# and a file with bad lines.
# Usage: threads_cli_test.sh PARLEY_BINARY   (from the source root)
set -euo pipefail
parley="$1"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
inputs=(examples/sudan-talks-2025.jsonl examples/gaza-ceasefire-2025.jsonl
        src/tracker/testdata/gaza-with-bad-lines.jsonl examples/russia-ukraine-talks-2025.jsonl)

# The summary without its timing ("0.48 s, 84.0 documents/s").
summary() { sed -E 's/; [0-9.]+ s(, [0-9.]+ documents\/s)?$//' "$1"; }

same() {  # same NAME: NAME.1 and NAME.3 (stdout, stderr) agree
  cmp "$dir/$1.1.out" "$dir/$1.3.out" || { echo "$1: output differs with --threads 3"; exit 1; }
  diff <(summary "$dir/$1.1.err") <(summary "$dir/$1.3.err") || { echo "$1: summary differs with --threads 3"; exit 1; }
  [ -s "$dir/$1.1.out" ] || { echo "$1: no output"; exit 1; }
}

for t in 1 3; do
  "$parley" code -q --threads "$t" "${inputs[@]}" >"$dir/code.$t.out" 2>"$dir/code.$t.err"
  "$parley" code -q --threads "$t" --dedup "${inputs[@]}" >"$dir/dedup.$t.out" 2>"$dir/dedup.$t.err"
  "$parley" parse --threads "$t" "${inputs[@]}" >"$dir/parse.$t.out" 2>"$dir/parse.$t.err"
  "$parley" code examples/ceasefire-2025.conllu -q --threads "$t" --verbs examples/dictionaries/verbs.txt \
    --actors examples/dictionaries/actors.txt --agents examples/dictionaries/agents.txt >"$dir/conllu.$t.out" 2>"$dir/conllu.$t.err"
  # No model: the raw documents are skipped with the reason, the parsed one is coded.
  "$parley" code examples/ceasefire-2025.conllu examples/sudan-talks-2025.jsonl -q --threads "$t" \
    --model "$dir/no-such.model" --verbs examples/dictionaries/verbs.txt \
    --actors examples/dictionaries/actors.txt >"$dir/nomodel.$t.out" 2>"$dir/nomodel.$t.err"
  "$parley" ingest -q --threads "$t" --store "$dir/store.$t.db" "${inputs[@]}" 2>"$dir/ingest.$t.err"
  "$parley" events --store "$dir/store.$t.db" --limit 0 >"$dir/stored.$t.out" 2>"$dir/stored.$t.err"
done
same code
diff <(summary "$dir/ingest.1.err") <(summary "$dir/ingest.3.err") || { echo "ingest: summary differs with --threads 3"; exit 1; }
same stored
same nomodel
grep -q 'skipped 3 records (cannot parse: .*no-such.model' "$dir/nomodel.3.err" ||
  { echo "no model: raw documents not reported:"; cat "$dir/nomodel.3.err"; exit 1; }
same dedup
same parse
same conllu
# The bad lines are accounted for, once each.
grep -q 'gaza-with-bad-lines.jsonl:2' "$dir/code.3.err" || { echo "bad line 2 not reported:"; cat "$dir/code.3.err"; exit 1; }
echo "ok: --threads 3 matches --threads 1"
