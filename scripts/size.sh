#!/usr/bin/env bash
# Print the size of a Trunk build, raw and gzip -9, per kind (wasm, js, css) and in total.
#   bash scripts/size.sh [dist-dir]     (default: dist)
set -euo pipefail
dist="${1:-dist}"
[[ -d "$dist" ]] || { echo "size.sh: no $dist/ (run trunk build --release first)" >&2; exit 1; }

total_raw=0
total_gz=0
printf '%-6s %12s %12s   %s\n' kind raw gzip files
for kind in wasm js css html; do
  raw=0; gz=0; names=()
  while IFS= read -r -d '' f; do
    r=$(stat -c %s "$f")
    g=$(gzip -9 -c "$f" | wc -c)
    raw=$((raw + r)); gz=$((gz + g)); names+=("$(basename "$f")")
  done < <(find "$dist" -type f -name "*.$kind" -print0 | sort -z)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-6s %12s %12s   %s\n' "$kind" "$(numfmt --to=iec-i --suffix=B "$raw")" "$(numfmt --to=iec-i --suffix=B "$gz")" "${names[*]:-(none)}"
done
printf '%-6s %12s %12s   (%s raw bytes, %s gzip bytes)\n' total "$(numfmt --to=iec-i --suffix=B "$total_raw")" "$(numfmt --to=iec-i --suffix=B "$total_gz")" "$total_raw" "$total_gz"
