#!/usr/bin/env bash
# Mutation score of one firmware folder (not part of .ci/run: minutes to an hour on 2 cores).
#   bash tests/UnitTests/Host/stryker/run.sh Security|Messaging|Payments [more dotnet-stryker arguments]
# Runs Stryker.NET with the folder's config (stryker/<folder in lower case>.json: the files it mutates
# and the fast tests that guard them), then prints the score per subfolder and
#   mutation score FOLDER: NN.NN %
# Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's own definition.
# The tool: STRYKER=/path/to/dotnet-stryker, else dotnet-stryker on the PATH, else /tmp/stryker.
# The report (json, survivors with file and line) lands in STRYKER_OUTPUT (default /tmp/stryker-<folder>).
set -euo pipefail
folder=${1:?usage: run.sh Security|Messaging|Payments [more dotnet-stryker arguments]}
shift
here=$(cd "$(dirname "$0")" && pwd)
config="$here/$(echo "$folder" | tr '[:upper:]' '[:lower:]').json"
[ -f "$config" ] || { echo "no config $config" >&2; exit 2; }
stryker=${STRYKER:-$(command -v dotnet-stryker || echo /tmp/stryker/dotnet-stryker)}
output=${STRYKER_OUTPUT:-/tmp/stryker-$folder}
rm -rf "$output"
cd "$here/.."
"$stryker" --config-file "$config" --output "$output" "$@"
report="$output/reports/mutation-report.json"
[ -f "$report" ] || { echo "no report at $report" >&2; exit 1; }
# One line per folder of mutated files (killed and alive counted), then the total.
jq -r '.files | to_entries[] | (.key | sub("^.*/Core/"; "") | sub("/[^/]*$"; "")) as $dir
  | .value.mutants[] | "\($dir) \(.status)"' "$report" | awk -v folder="$folder" '
  $2 == "Killed" || $2 == "Timeout" { killed[$1]++; all_killed++; seen[$1] = 1 }
  $2 == "Survived" || $2 == "NoCoverage" { alive[$1]++; all_alive++; seen[$1] = 1 }
  END {
    for (dir in seen)
      printf "  %s: %.2f %% (%d killed, %d alive)\n", dir, 100 * killed[dir] / (killed[dir] + alive[dir]), killed[dir], alive[dir]
    if (all_killed + all_alive == 0) { print "no mutants scored"; exit 1 }
    printf "mutation score %s: %.2f %%\n", folder, 100 * all_killed / (all_killed + all_alive)
  }'
