#!/usr/bin/env bash
# Measures what the build check costs, with the real package:
#   1. the VerifyProtectedFiles task checking 10,000 protected files (no SHA-256 pins) - target: < 500 ms;
#   2. the check's share of a no-change incremental build (the PathSafety targets' time from MSBuild's
#      performance summary) - target: < 50 ms; and, for context, wall-clock no-change builds with the check on/off.
# Repeats each measurement RUNS times (default 7) and prints medians. Usage: bash tests/perf/build-check.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-7}
files=${FILES:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/pathsafety-perf.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages"
unset CI TF_BUILD GITHUB_ACTIONS GITLAB_CI JENKINS_URL TEAMCITY_VERSION BUILDKITE || true

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Sum of the "N ms  Name" lines of a performance summary whose name matches $1.
summary_ms() { grep -E "^ +[0-9]+ ms +$1 " | awk '{ s += $1 } END { print s + 0 }'; }

version="0.$((RANDOM % 60000)).$((RANDOM % 60000))-perf"
echo "Packing PathSafety $version ..."
dotnet pack "$root/src/PathSafety/PathSafety.csproj" -c Release -o "$work/feed" --artifacts-path "$work/artifacts" \
  "-p:Version=$version" -nodeReuse:false >/dev/null

new_consumer() {
  mkdir -p "$1"
  printf '<configuration><packageSources><clear /><add key="perf" value="%s" /></packageSources></configuration>\n' "$work/feed" > "$1/nuget.config"
  for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$1/$f"; done
  echo 'System.Console.WriteLine("perf");' > "$1/Program.cs"
}

# 1. The task alone on 10,000 files, as MSBuild runs it (its time from the task performance summary).
task_dir="$work/task"
new_consumer "$task_dir"
mkdir -p "$task_dir/out"
for ((i = 0; i < files; i++)); do printf '{ "n": %d }\n' "$i" > "$task_dir/out/f$i.json"; done
cat > "$task_dir/Perf.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PathSafety" Version="$version" />
    <_PerfProtected Include="out/*.json" />
  </ItemGroup>
  <Target Name="PerfVerify">
    <VerifyProtectedFiles Folder="\$(MSBuildProjectDirectory)" ProtectedFiles="@(_PerfProtected)" ProjectFile="\$(MSBuildProjectFullPath)" />
  </Target>
</Project>
XML
dotnet restore "$task_dir/Perf.csproj" -nodeReuse:false >/dev/null
task_times=()
for ((r = 0; r < runs; r++)); do
  out=$(dotnet msbuild "$task_dir/Perf.csproj" -t:PerfVerify -nodeReuse:false -v:q -clp:PerformanceSummary)
  task_times+=("$(summary_ms VerifyProtectedFiles <<< "$out")")
done
task_median=$(printf '%s\n' "${task_times[@]}" | median)

# 2. A no-change incremental build of an ordinary app (appsettings.json protected by default, two declared files).
app_dir="$work/app"
new_consumer "$app_dir"
echo '{ "Logging": {} }' > "$app_dir/appsettings.json"
mkdir -p "$app_dir/config"
echo '{ "a": 1 }' > "$app_dir/config/a.json"
echo '{ "b": 2 }' > "$app_dir/config/b.json"
cat > "$app_dir/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PathSafety" Version="$version" />
    <Content Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
    <None Update="config/*.json" CopyToOutputDirectory="PreserveNewest" />
    <ProtectedFile Include="config/*.json" />
  </ItemGroup>
</Project>
XML
dotnet build "$app_dir/App.csproj" -nodeReuse:false -v:q >/dev/null
targets_times=()
on_times=()
off_times=()
for ((r = 0; r < runs; r++)); do
  start=$(date +%s%N)
  out=$(dotnet build "$app_dir/App.csproj" --no-restore -nodeReuse:false -v:q -clp:PerformanceSummary)
  on_times+=($(( ($(date +%s%N) - start) / 1000000 )))
  targets_times+=("$(summary_ms '_?PathSafety[A-Za-z]*' <<< "$out")")
  start=$(date +%s%N)
  dotnet build "$app_dir/App.csproj" --no-restore -nodeReuse:false -v:q -p:PathSafetyVerifyOutputs=false >/dev/null
  off_times+=($(( ($(date +%s%N) - start) / 1000000 )))
done

targets_median=$(printf '%s\n' "${targets_times[@]}" | median)
on_median=$(printf '%s\n' "${on_times[@]}" | median)
off_median=$(printf '%s\n' "${off_times[@]}" | median)
cat <<REPORT
Build check performance ($runs runs each, medians; $(nproc) cores, $(dotnet --version) SDK)
  VerifyProtectedFiles, $files files, no pins:   ${task_median} ms   (runs: ${task_times[*]})
  PathSafety targets in a no-change build:      ${targets_median} ms   (runs: ${targets_times[*]})
  No-change build wall time, check on / off:    ${on_median} ms / ${off_median} ms
REPORT

fail=0
if [ "$task_median" -ge 500 ]; then echo "FAIL: verifying $files files took ${task_median} ms (budget 500 ms)"; fail=1; fi
if [ "$targets_median" -ge 50 ]; then echo "FAIL: the check added ${targets_median} ms to a no-change build (budget 50 ms)"; fail=1; fi
exit "$fail"
