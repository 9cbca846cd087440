using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Analyzers are stateless across compilations and run concurrently: the same input must give the same
/// diagnostics, whatever ran before and however the work was scheduled.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Same_input_gives_the_same_diagnostics_in_the_same_order()
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var first = await AnalyzeAsync(SeedCorpus.All, options);
        var second = await AnalyzeAsync(SeedCorpus.All, options);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Analyzer_instances_carry_no_state_from_one_compilation_to_the_next()
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var mutants = Enumerable.Range(0, SeedCorpus.All.Count).Select(i => Mutator.Create(7, i, SeedCorpus.All[i])).ToList();

        // The same analyzer instances see the seeds, then other code with other options, then the seeds again.
        var before = await AnalyzeAsync(SeedCorpus.All, options);
        await AnalyzeAsync(mutants, TestAnalyzerConfigOptionsProvider.Empty);
        await AnalyzeAsync(mutants, options);
        var after = await AnalyzeAsync(SeedCorpus.All, options);

        Assert.Equal(before, after);
    }

    /// <summary>
    /// Diagnostics as the build prints them. The driver gathers each analyzer's results on whichever thread ran it,
    /// so the list is put in source order first (the compiler sorts the same way before logging); everything a user
    /// sees, including the message, must then match exactly.
    /// </summary>
    private static async Task<List<string>> AnalyzeAsync(IReadOnlyList<SourceInput> inputs, TestAnalyzerConfigOptionsProvider options)
    {
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync(inputs, options);
        using var _ = workspace;
        var (diagnostics, failures) = await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, options);
        Assert.Empty(failures);
        return Format(diagnostics);
    }

    private static List<string> Format(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.ToString() + " " + string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))
                + " " + string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))
                + " " + d.IsSuppressed.ToString(CultureInfo.InvariantCulture))
            .ToList();
}
