#!/usr/bin/env bash
# Whole-process figures of issue 14 (scale and streaming), each run twice: bash bench/AzSpokeTools.Benchmarks/scale.sh [DIR]
# Needs GNU time (/usr/bin/time). Estates are generated into DIR (default /tmp/azspoke-scale); the CSV figure writes a 1.5 GB file there.
set -u
cd "$(dirname "$0")/../.."
dir=${1:-/tmp/azspoke-scale}
mkdir -p "$dir"
dotnet build src/AzSpokeTools.Cli -c Release -v q -nologo > /dev/null || exit 2
# The build's own output folder (an older build for another target framework may sit beside it).
cli=src/AzSpokeTools.Cli/bin/Release/$(dotnet msbuild src/AzSpokeTools.Cli -getProperty:TargetFramework)/azspoke
[ -x "$cli" ] || { echo "no CLI at $cli" >&2; exit 2; }
for n in 1000 5000 8192 20000; do [ -f "$dir/e$n.json" ] || "$cli" generate --spokes $n --out "$dir/e$n.json" > /dev/null; done
figure() { # name, command...; prints wall seconds, user seconds and peak resident set of each of two runs
  local name=$1; shift
  for run in 1 2; do
    /usr/bin/time -f "$name	run $run	%e s wall	%U s user	%M KB peak" bash -c "$*" 2>&1 >/dev/null | tail -1
  done
}
echo "nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
figure "5,000 summary" "$cli matrix --snapshot $dir/e5000.json"
figure "5,000 csv to a file" "$cli matrix --snapshot $dir/e5000.json --format csv > $dir/m5000.csv; ls -l $dir/m5000.csv >&2"
rm -f "$dir/m5000.csv"
figure "8,192 summary" "$cli matrix --snapshot $dir/e8192.json"
figure "20,000 summary" "$cli matrix --snapshot $dir/e20000.json"
figure "1,000 summary, vector" "$cli matrix --snapshot $dir/e1000.json"
figure "1,000 summary, scalar" "$cli matrix --snapshot $dir/e1000.json --engine scalar"
# Last: writing 12 GB leaves the page cache flushing for a while, which would slow the figures after it.
figure "5,000 ndjson to a file" "$cli matrix --snapshot $dir/e5000.json --format ndjson > $dir/m5000.ndjson"
rm -f "$dir/m5000.ndjson"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
