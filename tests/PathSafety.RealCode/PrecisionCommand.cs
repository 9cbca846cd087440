using System.Collections.Immutable;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>
/// 'precision': for each labelled repository, export the pinned snapshot and, for each project holding labelled files,
/// compile that project loosely with the projects it references (<see cref="ProjectGraph"/>), run every PathSafety
/// analyzer on the project's own files with the labelled files marked as maintenance code (as a user's '.editorconfig' section would) and/or with
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
            var graph = ProjectGraph.From(sources);
            var trees = LooseCompilation.Parse(sources.Sources);
            var labelledFiles = snapshot.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            var missing = labelledFiles.Where(f => !trees.ContainsKey(f)).ToList();
            var projects = labelledFiles.Where(trees.ContainsKey).Select(f => graph.Owners[f]).Distinct().Order(StringComparer.Ordinal).ToList();
            Console.WriteLine($"- {repo} at {commit}: {sources.Sources.Count:N0} files, {snapshot.Count()} rows in {labelledFiles.Count} files "
                + $"of {projects.Count} projects{(missing.Count == 0 ? "" : $"; NOT IN THE SNAPSHOT: {string.Join(", ", missing)}")}");
            var found = modes.ToDictionary(m => m.Name, _ => new List<Finding>());
            foreach (var project in projects)
            {
                // As a build of this project: its files and those of the projects it references, with their settings.
                var closure = graph.Closure(project);
                var settings = BuildSettings.From(graph.BuildFiles(closure)) with
                {
                    Nullable = BuildSettings.From(graph.BuildFiles([project])).Nullable,
                };
                var setup = LooseCompilation.Create(trees.Where(t => closure.Contains(graph.Owners[t.Key])).Select(t => t.Value), settings,
                    concurrent: true);
                var own = setup.Trees.Where(t => graph.Owners.TryGetValue(LooseCompilation.RepositoryPath(t.FilePath), out var owner)
                    && owner == project).ToList();
                Console.WriteLine($"  - project {(project.Length == 0 ? "(root)" : project)}: {own.Count:N0} files, compiled with "
                    + $"{closure.Count - 1} referenced projects ({setup.Trees.Length:N0} files), {settings.Describe()}");
                foreach (var (name, marked) in modes)
                {
                    var provider = new ConfigOptionsProvider(allInScope: false,
                        marked ? tree => labelledFiles.Contains(LooseCompilation.RepositoryPath(tree.FilePath)) : null);
                    found[name].AddRange(Finding.From(await AnalyzerRun.AnalyzeTreesAsync(setup.NewCompilation(), CompilerSetup.PathSafetyAnalyzers,
                        provider, own).ConfigureAwait(false)));
                }
            }

            foreach (var (name, _) in modes)
            {
                findings[name][repo] = found[name].Order().ToImmutableArray();
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
