#!/usr/bin/env bash
# Regenerates Baraza's default prompts from prompts.tsv with espeak-ng, as 8 kHz mono 16-bit WAV (the
# telephony format), into core's resources; Baraza installs them under <freeswitch.media-dir>/prompts/default/.
# A station replaces any of them with its own recording of the same name in
# <freeswitch.media-dir>/prompts/station-<id>/<language>/. Needs espeak-ng and sox (Debian: espeak-ng sox).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/../../core/src/main/resources/org/baraza/core/prompts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
languages=(en sw)
while IFS=$'\t' read -r name en sw; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  texts=("$en" "$sw")
  for i in "${!languages[@]}"; do
    lang=${languages[$i]}
    mkdir -p "$out/$lang"
    espeak-ng -v "$lang" -s 150 -w "$tmp/raw.wav" "${texts[$i]}"
    # -R seeds sox's dither with a fixed number, so that the same text always makes the same file.
    sox -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 "$out/$lang/$name.wav"
  done
done < "$here/prompts.tsv"
echo "prompts written to $out"
