#!/usr/bin/env bash
# Issue 19's real-build comparison: what PathSafety's analyzers cost in a real `dotnet build -p:ReportAnalyzer=true`
# (not the loose compilation of tests/PathSafety.RealCode), and what the first analyzer of a project costs.
# Builds NuGet.Client's core libraries (NuGet.Frameworks, NuGet.Common, NuGet.Versioning, NuGet.Configuration and
# build/Shared: about 30k lines, file handling in NuGet.Common) from a snapshot, as one net10.0 project whose only
# package is System.Security.Cryptography.ProtectedData, RUNS times (default 3) per configuration:
#   none          -p:RunAnalyzers=false: the compiler with no analyzer at all
#   framework     the analyzers every net10.0 project gets from its targeting pack (interop generators' analyzers)
#   noop          framework + one analyzer that registers an operation action and does nothing
#   pathsafety    framework + PathSafety (packed from this checkout)
#   netanalyzers  framework + the SDK's .NET analyzers (EnableNETAnalyzers, AnalysisLevel=latest-recommended)
#   netanalyzers+pathsafety
#   framework and pathsafety again through the compiler server (the last -p wins): the first run starts it, the others
#   find PathSafety loaded and jitted, as an IDE or a repeated `dotnet build` does
# and prints, per configuration, the median Csc task time (MSBuild's performance summary) and the median own time of
# PathSafety's and the no-op analyzer's assemblies (ReportAnalyzer's table).
# Usage: bash tests/perf/report-analyzer.sh <NuGet.Client bare git dir> <commit>
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
git_dir=$1
commit=$2
runs=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/pathsafety-report-analyzer.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages"
unset CI TF_BUILD GITHUB_ACTIONS GITLAB_CI JENKINS_URL TEAMCITY_VERSION BUILDKITE || true

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
csc_ms() { { grep -E "^ +[0-9]+ ms +Csc " "$1" || true; } | awk '{ s += $1 } END { print s + 0 }'; }
# Seconds of the analyzer assembly $2 in the first ReportAnalyzer table of log $1, in ms.
assembly_ms() {
  # No such assembly in the build (no analyzer at all, or not this one): nothing, not a failure under pipefail.
  sed -n '/Total analyzer execution time/,/generator execution time/p' "$1" | { grep -E "^ +<?[0-9.]+ +<?[0-9]+ +$2, Version" || true; } \
    | head -1 | awk '{ t = $1; sub("<", "", t); printf "%d\n", t * 1000 }'
}

version="0.$((RANDOM % 60000)).$((RANDOM % 60000))-ra"
echo "Packing PathSafety $version ..." >&2
dotnet pack "$root/src/PathSafety/PathSafety.csproj" -c Release -o "$work/feed" --artifacts-path "$work/artifacts" \
  "-p:Version=$version" -nodeReuse:false >/dev/null

mkdir -p "$work/snapshot" "$work/noop" "$work/consumer"
git --git-dir="$git_dir" archive "$commit" src/NuGet.Core build/Shared | tar -x -C "$work/snapshot"
for dir in noop consumer; do
  for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$work/$dir/$f"; done
done
# The local feed, plus the machine's own sources for ProtectedData (no <clear />).
printf '<configuration><packageSources><add key="pathsafety" value="%s" /></packageSources></configuration>\n' \
  "$work/feed" > "$work/consumer/nuget.config"

cat > "$work/noop/NoOp.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
  </ItemGroup>
</Project>
EOF
cat > "$work/noop/NoOp.cs" <<'EOF'
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("NOOP0001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }
}
EOF
dotnet build "$work/noop/NoOp.csproj" -c Release -o "$work/noop/out" -nodeReuse:false >/dev/null

cat > "$work/consumer/NuGetCore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <LangVersion>latest</LangVersion>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <DefineConstants>\$(DefineConstants);IS_CORECLR</DefineConstants>
    <NoWarn>\$(NoWarn);CS1591;CS0618;CS8632;SYSLIB0014;SYSLIB0051;CA1416</NoWarn>
    <EnableNETAnalyzers Condition="'\$(EnableNETAnalyzers)' == ''">false</EnableNETAnalyzers>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="System.Security.Cryptography.ProtectedData" Version="8.0.0" />
    <PackageReference Include="PathSafety" Version="$version" PrivateAssets="all" Condition="'\$(WithPathSafety)' == 'true'" />
    <Analyzer Include="$work/noop/out/NoOp.dll" Condition="'\$(WithNoOp)' == 'true'" />
  </ItemGroup>
  <ItemGroup>
    <Compile Include="$work/snapshot/src/NuGet.Core/NuGet.Frameworks/**/*.cs" />
    <Compile Include="$work/snapshot/src/NuGet.Core/NuGet.Common/**/*.cs" />
    <Compile Include="$work/snapshot/src/NuGet.Core/NuGet.Versioning/**/*.cs" />
    <Compile Include="$work/snapshot/src/NuGet.Core/NuGet.Configuration/**/*.cs" />
    <Compile Include="$work/snapshot/build/Shared/*.cs" />
    <Compile Remove="$work/snapshot/src/NuGet.Core/*/Properties/AssemblyInfo.cs" />
  </ItemGroup>
</Project>
EOF
lines=$(find "$work"/snapshot/src/NuGet.Core/NuGet.{Frameworks,Common,Versioning,Configuration} "$work/snapshot/build/Shared" \
  -name '*.cs' -print0 | xargs -0 cat | wc -l)

configs=(
  "none|-p:RunAnalyzers=false"
  "framework|"
  "noop|-p:WithNoOp=true"
  "pathsafety|-p:WithPathSafety=true"
  "netanalyzers|-p:EnableNETAnalyzers=true -p:AnalysisLevel=latest-recommended"
  "netanalyzers+pathsafety|-p:EnableNETAnalyzers=true -p:AnalysisLevel=latest-recommended -p:WithPathSafety=true"
  "framework, compiler server|-p:UseSharedCompilation=true"
  "pathsafety, compiler server|-p:WithPathSafety=true -p:UseSharedCompilation=true"
)
echo "| Configuration | Csc task, median ms | PathSafety's own time, median ms | no-op analyzer's own time, median ms |"
echo "| --- | ---: | ---: | ---: |"
for entry in "${configs[@]}"; do
  name=${entry%%|*}
  props=${entry#*|}
  csc=(); own=(); noop=()
  for i in $(seq 1 "$runs"); do
    log="$work/$name-$i.log"
    # shellcheck disable=SC2086
    dotnet build "$work/consumer/NuGetCore.csproj" --no-incremental -nodeReuse:false -p:UseSharedCompilation=false \
      -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary $props > "$log" 2>&1 || { echo "build failed: $log" >&2; cp "$log" /tmp/; exit 1; }
    csc+=("$(csc_ms "$log")")
    own+=("$(assembly_ms "$log" PathSafety.Analyzers)")
    noop+=("$(assembly_ms "$log" NoOp)")
  done
  printf '| %s | %s | %s | %s |\n' "$name" "$(printf '%s\n' "${csc[@]}" | median)" \
    "$(printf '%s\n' "${own[@]}" | grep . | median)" "$(printf '%s\n' "${noop[@]}" | grep . | median)"
done
dotnet build-server shutdown >/dev/null 2>&1 || true
echo
echo "Sources: $lines lines of NuGet.Client at $commit; $runs runs per configuration; $(nproc) cores; $(dotnet --version) SDK."
