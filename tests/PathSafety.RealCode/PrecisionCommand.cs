using System.Collections.Immutable;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>
/// 'precision': for each labelled repository, export the pinned snapshot, compile it loosely, run every PathSafety
/// analyzer with the labelled files marked as maintenance code (as a user's '.editorconfig' section would) and/or with
/// default scope, and score the findings against the labels.
/// </summary>
internal static class PrecisionCommand
{
    public static async Task<int> RunAsync(PrecisionOptions options, string commandLine)
    {
        var rows = LabelRow.Read(options.Labels);
        var gitDirs = ReadRepos(options.Repos);
        var modes = new List<(string Name, bool Marked)>();
        if (options.Scope != ScopeChoice.Second)
        {
            modes.Add(("labelled files marked as maintenance code", true));
        }

        if (options.Scope != ScopeChoice.First)
        {
            modes.Add(("default scope", false));
        }

        Console.WriteLine("# PathSafety precision on labelled real code");
        Console.WriteLine();
        Console.WriteLine($"- Command: `{commandLine}`");
        Console.WriteLine($"- Labels: {options.Labels}: {rows.Length} rows ({rows.Count(r => r.Expected.IsEmpty)} safe) from "
            + $"{rows.Select(r => r.Repo).Distinct().Count()} repositories");
        Console.WriteLine();

        var findings = modes.ToDictionary(m => m.Name, _ => new Dictionary<string, ImmutableArray<Finding>>(StringComparer.Ordinal));
        foreach (var snapshot in rows.GroupBy(r => (r.Repo, r.Commit)).OrderBy(g => g.Key.Repo, StringComparer.Ordinal))
        {
            var (repo, commit) = snapshot.Key;
            var gitDir = gitDirs.TryGetValue(repo, out var dir) ? dir : Snapshot.FindGitDir(options.Mirror, repo);
            var sources = Snapshot.Export(gitDir, commit, subdir: null, includeTests: true);
            var settings = BuildSettings.From(sources.BuildFiles);
            var setup = LooseCompilation.Create(sources, settings, concurrent: true);
            var labelledFiles = snapshot.Select(r => LooseCompilation.Root + r.Path).ToHashSet(StringComparer.Ordinal);
            var missing = labelledFiles.Where(f => !setup.Trees.Any(t => t.FilePath == f)).ToList();
            Console.WriteLine($"- {repo} at {commit}: {sources.Sources.Count:N0} files, {settings.Describe()}, {snapshot.Count()} rows in "
                + $"{labelledFiles.Count} files{(missing.Count == 0 ? "" : $"; NOT IN THE SNAPSHOT: {string.Join(", ", missing)}")}");
            foreach (var (name, marked) in modes)
            {
                var provider = new ConfigOptionsProvider(allInScope: false, marked ? tree => labelledFiles.Contains(tree.FilePath) : null);
                var run = await AnalyzerRun.RunAsync(setup.NewCompilation(), CompilerSetup.PathSafetyAnalyzers, provider, concurrent: true,
                    telemetry: false).ConfigureAwait(false);
                findings[name][repo] = Finding.From(run.Diagnostics);
            }
        }

        Console.WriteLine();
        foreach (var (name, _) in modes)
        {
            PrecisionReport.Print(name, rows, Scoring.Score(rows, findings[name]));
        }

        if (options.FindingsFile is not null)
        {
            File.WriteAllLines(options.FindingsFile,
                findings.SelectMany(m => m.Value.SelectMany(r => r.Value.Select(f => $"[{m.Key}] {r.Key} {f}"))));
        }

        return 0;
    }

    private static Dictionary<string, string> ReadRepos(string? file)
        => file is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : File.ReadLines(file)
                .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split('\t'))
                .ToDictionary(f => f[0].Trim(), f => f[1].Trim(), StringComparer.Ordinal);
}
