using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>'bench': what PathSafety's analyzers cost on a real repository, as a share of the compiler's binding time.</summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(BenchOptions options, string commandLine)
    {
        var export = Stopwatch.StartNew();
        var snapshot = Snapshot.Export(options.GitDir, options.Commit, options.Subdir, options.IncludeTests);
        var settings = BuildSettings.From(snapshot.BuildFiles);
        export.Stop();
        var parse = Stopwatch.StartNew();
        var setup = LooseCompilation.Create(snapshot, settings, options.Concurrent);
        parse.Stop();
        var analyzers = options.Only is null
            ? CompilerSetup.PathSafetyAnalyzers
            : CompilerSetup.PathSafetyAnalyzers.Where(a
                => a.GetType().Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new ArgumentException($"No PathSafety analyzer matches '{options.Only}'.");
        }

        var lines = snapshot.Sources.Sum(f => LineCount(f.Text));
        var errors = setup.NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var commonErrors = string.Join(", ",
            errors.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Key} x{g.Count():N0}"));
        var repository = RepositoryName(options.GitDir);
        Console.WriteLine($"# PathSafety on real code: {repository}");
        Console.WriteLine();
        Console.WriteLine($"- Command: `{commandLine}`");
        var folder = options.Subdir is null ? "" : ", folder " + options.Subdir;
        Console.WriteLine($"- Snapshot: {options.GitDir} at {options.Commit}{folder}{(options.IncludeTests ? "" : ", test folders left out")}");
        Console.WriteLine($"- Sources: {snapshot.Sources.Count:N0} files, {lines:N0} lines; {settings.Describe()}; exported in "
            + $"{export.ElapsedMilliseconds} ms, parsed in {parse.ElapsedMilliseconds} ms");
        Console.WriteLine($"- Loose compilation against {setup.ReferenceSource}: {errors.Count:N0} errors, most {commonErrors} (package "
            + $"references are missing; binding time is what is measured)");
        Console.WriteLine($"- Machine: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} "
            + $"logical cores, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        Console.WriteLine($"- Analyzers: {string.Join(", ", analyzers.Select(a => a.GetType().Name))}");
        Console.WriteLine($"- Rounds: {options.Rounds} measured after {options.WarmUpRounds} unrecorded warm-up round(s) of the same work, "
            + "same process; "
            + $"{(options.Concurrent ? "concurrent" : "single-threaded")} build and analysis");
        Console.WriteLine();

        var samples = new Samples();
        var run = new BenchRun(setup, options, analyzers, samples);
        // The warm-up rounds do the whole work: PathSafety's code runs only on file-heavy code, so a few files leave most
        // of it unjitted (first-round times ran up to three times the third's), and a build server keeps it warm.
        for (var round = 0; round < options.WarmUpRounds + options.Rounds; round++)
        {
            var steps = run.Round(record: round >= options.WarmUpRounds);

            // Rotating the order spreads slow drift (thermal, other processes) over every configuration.
            for (var i = 0; i < steps.Count; i++)
            {
                await steps[(i + round) % steps.Count]().ConfigureAwait(false);
            }

            Console.Error.WriteLine(round < options.WarmUpRounds
                ? $"warm-up round {round + 1} done at {DateTime.UtcNow:HH:mm:ss} UTC"
                : $"round {round - options.WarmUpRounds + 1} of {options.Rounds} done at {DateTime.UtcNow:HH:mm:ss} UTC");
        }

        BenchReport.Print(run, samples, analyzers.Select(a => a.GetType().Name).ToList(), repository);
        if (options.FindingsFile is not null)
        {
            File.WriteAllLines(options.FindingsFile, run.Findings.SelectMany(f => f.Value.Select(finding => $"[{f.Key}] {finding}")));
            Console.Error.WriteLine($"findings written to {options.FindingsFile}");
        }

        return 0;
    }

    public static int LineCount(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text[^1] == '\n' ? 0 : 1);

    /// <summary>'owner/name' from the fetch tool's '/…/owner+name/repo' layout, else the folder's name.</summary>
    private static string RepositoryName(string gitDir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(gitDir));
        var folder = Path.GetFileName(full) is "repo" or ".git" ? Path.GetFileName(Path.GetDirectoryName(full)!) : Path.GetFileName(full);
        return folder.Replace('+', '/');
    }
}
