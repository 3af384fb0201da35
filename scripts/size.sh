#!/usr/bin/env bash
# Print the size of a Trunk build, raw and gzip -9, per kind (wasm, js, css) and in total
# (what a first visit loads before the page is interactive), then the analysis worker, then the
# learned tagger models (models/*.tagger, fetched on
# demand, not in the total), then the single-file sorot.html of a release build on its
# own line (a download, not part of a visit; it carries the models inline).
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
  done < <(find "$dist" -type f -name "*.$kind" ! -name sorot.html ! -name 'analyser*' -print0 | sort -z)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-6s %12s %12s   %s\n' "$kind" "$(numfmt --to=iec-i --suffix=B "$raw")" "$(numfmt --to=iec-i --suffix=B "$gz")" "${names[*]:-(none)}"
done
printf '%-6s %12s %12s   (%s raw bytes, %s gzip bytes)\n' total "$(numfmt --to=iec-i --suffix=B "$total_raw")" "$(numfmt --to=iec-i --suffix=B "$total_gz")" "$total_raw" "$total_gz"
# The analysis worker (analyser.js, analyser_loader.js, analyser_bg.wasm): the page starts it
# when it has a text to analyse, after it is interactive (src/ui/analysis.rs), so not part of
# the first-visit total either.
w_raw=0; w_gz=0
while IFS= read -r -d '' f; do
  w_raw=$((w_raw + $(stat -c %s "$f"))); w_gz=$((w_gz + $(gzip -9 -c "$f" | wc -c)))
done < <(find "$dist" -maxdepth 1 -type f -name 'analyser*' -print0 | sort -z)
if (( w_raw )); then
  printf '%-6s %12s %12s   %s\n' worker "$(numfmt --to=iec-i --suffix=B "$w_raw")" "$(numfmt --to=iec-i --suffix=B "$w_gz")" "the analysis worker, started after the page is interactive, not in the total ($w_raw raw bytes, $w_gz gzip bytes)"
fi
# The learned taggers (dist/models/*.tagger): fetched after the page is interactive, and only
# for a language the user has a document in, so not part of the first-visit total above.
m_raw=0; m_gz=0; m_names=()
while IFS= read -r -d '' f; do
  r=$(stat -c %s "$f")
  g=$(gzip -9 -c "$f" | wc -c)
  m_raw=$((m_raw + r)); m_gz=$((m_gz + g)); m_names+=("$(basename "$f") $(numfmt --to=iec-i --suffix=B "$r")/$(numfmt --to=iec-i --suffix=B "$g")")
done < <(find "$dist" -type f -name '*.tagger' -print0 | sort -z)
if (( ${#m_names[@]} )); then
  printf '%-6s %12s %12s   %s\n' models "$(numfmt --to=iec-i --suffix=B "$m_raw")" "$(numfmt --to=iec-i --suffix=B "$m_gz")" "loaded on demand, not in the total: ${m_names[*]} raw/gzip ($m_raw raw bytes, $m_gz gzip bytes)"
fi
if [[ -f "$dist/sorot.html" ]]; then
  r=$(stat -c %s "$dist/sorot.html")
  g=$(gzip -9 -c "$dist/sorot.html" | wc -c)
  printf '%-6s %12s %12s   %s\n' single "$(numfmt --to=iec-i --suffix=B "$r")" "$(numfmt --to=iec-i --suffix=B "$g")" "sorot.html (one-file download, not in the total; $r raw bytes, $g gzip bytes)"
fi
