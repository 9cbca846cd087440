using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>
/// 'precision': for each labelled repository, export the pinned snapshot and, for each project holding labelled files,
/// compile that project loosely against the projects it references, each compiled on its own and referenced as an
/// assembly (<see cref="ProjectGraph"/>), run every PathSafety
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
            var built = new Dictionary<string, MetadataReference?>(StringComparer.Ordinal);
            foreach (var project in projects)
            {
                // As a build of this project: its own files compiled, the projects it references seen as assemblies
                // (compilation references: their members bind, their bodies are not this compilation's to read).
                var setup = ProjectSetup(project, graph, trees);
                var references = graph.Closure(project).Where(p => p != project).Order(StringComparer.Ordinal)
                    .Select(p => ReferenceTo(p, graph, trees, built)).OfType<MetadataReference>().ToList();
                var own = setup.Trees.Where(t => graph.Owners.TryGetValue(LooseCompilation.RepositoryPath(t.FilePath), out var owner)
                    && owner == project).ToList();
                Console.WriteLine($"  - project {(project.Length == 0 ? "(root)" : project)}: {own.Count:N0} files, compiled against "
                    + $"{references.Count} referenced projects, {BuildSettings.From(graph.BuildFiles([project])).Describe()}");
                foreach (var (name, marked) in modes)
                {
                    var provider = new ConfigOptionsProvider(allInScope: false,
                        marked ? tree => labelledFiles.Contains(LooseCompilation.RepositoryPath(tree.FilePath)) : null);
                    var compilation = setup.NewCompilation().WithAssemblyName(AssemblyName(project)).AddReferences(references);
                    found[name].AddRange(Finding.From(await AnalyzerRun.AnalyzeTreesAsync(compilation, CompilerSetup.PathSafetyAnalyzers,
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

    /// <summary>A project's own files, with its own settings (global usings, nullable).</summary>
    private static CompilerSetup ProjectSetup(string project, ProjectGraph graph, IReadOnlyDictionary<string, SyntaxTree> trees)
        => LooseCompilation.Create(trees.Where(t => graph.Owners[t.Key] == project).Select(t => t.Value),
            BuildSettings.From(graph.BuildFiles([project])), concurrent: true);

    /// <summary>A referenced project as its consumers see it, built once per snapshot.</summary>
    private static MetadataReference? ReferenceTo(string project, ProjectGraph graph, IReadOnlyDictionary<string, SyntaxTree> trees,
        Dictionary<string, MetadataReference?> built)
    {
        if (built.TryGetValue(project, out var known))
        {
            // Null while it is being built: a project reference cycle (broken repositories have them) is cut there.
            return known;
        }

        built[project] = null;
        var references = graph.Closure(project).Where(p => p != project).Order(StringComparer.Ordinal)
            .Select(p => ReferenceTo(p, graph, trees, built)).OfType<MetadataReference>().ToList();
        var compilation = ProjectSetup(project, graph, trees).NewCompilation().WithAssemblyName(AssemblyName(project)).AddReferences(references);
        return built[project] = compilation.ToMetadataReference();
    }

    private static string AssemblyName(string project) => project.Length == 0 ? "root" : project.Replace('/', '.');

    private static Dictionary<string, string> ReadRepos(string? file)
        => file is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : File.ReadLines(file)
                .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split('\t'))
                .ToDictionary(f => f[0].Trim(), f => f[1].Trim(), StringComparer.Ordinal);
}
