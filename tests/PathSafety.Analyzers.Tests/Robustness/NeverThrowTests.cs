using System.Globalization;
using Microsoft.CodeAnalysis;
using PathSafety.Analyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// No analyzer or code fix may throw, whatever the code (AD0001 is a release blocker). Every analyzer and fix in
/// the shipped assemblies runs over the seed corpus and over thousands of mutated copies of it.
/// Reproduce a failure with PATHSAFETY_FUZZ_SEED (and PATHSAFETY_FUZZ_COUNT to change the number of inputs);
/// the failure message names the run seed, the input number and its mutations.
/// </summary>
public sealed class NeverThrowTests(ITestOutputHelper output)
{
    private const int DefaultRunSeed = 20261124;
    private const int DefaultInputCount = 5000;

    [Fact]
    public async Task Seed_corpus_compiles_so_the_analyzers_see_bound_code()
    {
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync(SeedCorpus.All, TestAnalyzerConfigOptionsProvider.AllInScope);
        using var _ = workspace;
        var compilation = (await project.GetCompilationAsync())!;

        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Where(d => !SeedCorpus.NewerLanguageSeeds.Contains(Path.GetFileNameWithoutExtension(d.Location.SourceTree?.FilePath ?? "")))
            .Select(d => d.ToString())
            .ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Seed_corpus_and_every_fix_applied_to_it_analyze_without_exceptions(bool allInScope)
    {
        var options = allInScope ? TestAnalyzerConfigOptionsProvider.AllInScope : TestAnalyzerConfigOptionsProvider.Empty;
        var failures = new List<Failure>();
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync(SeedCorpus.All, options);
        using var _ = workspace;

        var (diagnostics, analyzerFailures) = await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, options);
        failures.AddRange(analyzerFailures);
        var fixedSolutions = await AnalyzerHarness.ApplyAllFixesAsync(project, diagnostics, d => d.Name, failures);
        failures.AddRange(await FixAllRunner.RunAsync(project, diagnostics));
        foreach (var solution in fixedSolutions)
        {
            var fixedCompilation = (await solution.GetProject(project.Id)!.GetCompilationAsync())!;
            failures.AddRange((await AnalyzerHarness.AnalyzeAsync(fixedCompilation, options)).Failures);
        }

        output.WriteLine($"{Shipped.Analyzers.Length} analyzers, {Shipped.CodeFixes.Length} code fixes, {fixedSolutions.Count} fixes applied");
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task Mutated_inputs_analyze_and_fix_without_exceptions()
    {
        var runSeed = ReadSetting("PATHSAFETY_FUZZ_SEED", DefaultRunSeed);
        var count = ReadSetting("PATHSAFETY_FUZZ_COUNT", DefaultInputCount);
        var seeds = SeedCorpus.All;
        var failures = new List<Failure>();
        var diagnosticCount = 0;

        // One mutant of each seed per compilation: the seeds' namespaces differ, so mutants bind as they would alone.
        for (var first = 0; first < count; first += seeds.Count)
        {
            var batch = Enumerable.Range(first, Math.Min(seeds.Count, count - first))
                .Select(index => Mutator.Create(runSeed, index, seeds[index % seeds.Count]))
                .ToList();
            diagnosticCount += await RunBatchAsync(batch, failures);
        }

        output.WriteLine($"run seed {runSeed}: {count} inputs, {diagnosticCount} diagnostics, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"Run seed {runSeed} (set PATHSAFETY_FUZZ_SEED={runSeed} to reproduce):\n\n"
            + string.Join("\n\n", failures.Take(10)));
    }

    private static async Task<int> RunBatchAsync(List<SourceInput> batch, List<Failure> failures)
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync(batch, options);
        using var _ = workspace;
        var (diagnostics, analyzerFailures) = await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, options);
        if (analyzerFailures.Count > 0)
        {
            failures.AddRange(await BlameAsync(batch, options));
        }

        var byPath = batch.ToDictionary(AnalyzerHarness.FilePath, StringComparer.Ordinal);
        await AnalyzerHarness.ApplyAllFixesAsync(project, diagnostics, d => Describe(byPath[d.FilePath!]), failures);
        return diagnostics.Length;
    }

    /// <summary>An exception rarely says which file caused it: analyze each input alone to name the culprit.</summary>
    private static async Task<List<Failure>> BlameAsync(List<SourceInput> batch, TestAnalyzerConfigOptionsProvider options)
    {
        var blamed = new List<Failure>();
        foreach (var input in batch)
        {
            var (workspace, project) = await AnalyzerHarness.CreateProjectAsync([input], options);
            using var _ = workspace;
            var failures = (await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, options)).Failures;
            blamed.AddRange(failures.Select(f => f with { Input = Describe(input) + " at " + f.Input }));
        }

        // An exception that needs several files together is still reported, with the whole batch named.
        return blamed.Count > 0
            ? blamed
            : [new Failure("Analyzer exception", "(only with the whole batch)", string.Join(", ", batch.Select(i => i.Origin)), "")];
    }

    private static string Describe(SourceInput input) => $"{input.Origin}\n--- source ---\n{input.Source}\n--- end ---";

    private static int ReadSetting(string name, int defaultValue)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : defaultValue;
}
