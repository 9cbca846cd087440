using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Benchmarks;

/// <summary>
/// One analyzer run over a compilation: compiler diagnostics (binding every method body, as GetDiagnostics does)
/// plus every analyzer's, and, with telemetry, each analyzer's own execution time as Roslyn measures it (the numbers
/// '-p:ReportAnalyzer=true' prints).
/// </summary>
internal static class AnalyzerRun
{
    public static async Task<AnalyzerRunResult> RunAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerConfigOptionsProvider options,
        bool concurrent,
        bool telemetry)
    {
        var start = CostClock.Begin();
        var fullCollections = GC.CollectionCount(2);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, WithOptions(options, concurrent, telemetry));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
        var cost = CostClock.Elapsed(start);
        fullCollections = GC.CollectionCount(2) - fullCollections;
        if (!telemetry)
        {
            return new AnalyzerRunResult(diagnostics, cost, ImmutableDictionary<DiagnosticAnalyzer, double>.Empty, fullCollections);
        }

        // The results are cached: this only collects what the run above measured.
        var info = (await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false)).AnalyzerTelemetryInfo;
        var times = analyzers.ToImmutableDictionary(a => a, a => info.TryGetValue(a, out var i) ? i.ExecutionTime.TotalMilliseconds : 0);
        return new AnalyzerRunResult(diagnostics, cost, times, fullCollections);
    }

    /// <summary>
    /// The analyzers' diagnostics in the given trees only, as a build of the project owning them reports them: the
    /// compilation may hold other projects' trees (its references), which are bound where these need them but not
    /// analyzed.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeTreesAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerConfigOptionsProvider options,
        IEnumerable<SyntaxTree> trees)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, WithOptions(options, concurrent: true, telemetry: false));
        var perTree = await Task.WhenAll(trees.Select(tree => Task.Run(async () =>
        {
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).ConfigureAwait(false);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null,
                CancellationToken.None).ConfigureAwait(false);
            return syntax.AddRange(semantic);
        }))).ConfigureAwait(false);
        return perTree.SelectMany(d => d).ToImmutableArray();
    }

    private static CompilationWithAnalyzersOptions WithOptions(AnalyzerConfigOptionsProvider options, bool concurrent, bool telemetry)
        => new(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options),
            onAnalyzerException: (exception, analyzer, _) => Console.Error.WriteLine($"{analyzer.GetType().Name} threw: {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: telemetry,
            reportSuppressedDiagnostics: false);
}

/// <param name="Diagnostics">Compiler and analyzer diagnostics.</param>
/// <param name="Cost">The whole run: binding, the driver and the analyzers.</param>
/// <param name="AnalyzerMilliseconds">Each analyzer's own time; empty without telemetry.</param>
/// <param name="FullCollections">
/// Full (generation 2) collections during the run: each pause is charged to whichever analyzer callback was running.
/// </param>
internal sealed record AnalyzerRunResult(ImmutableArray<Diagnostic> Diagnostics, Cost Cost, ImmutableDictionary<DiagnosticAnalyzer,
    double> AnalyzerMilliseconds, int FullCollections);
