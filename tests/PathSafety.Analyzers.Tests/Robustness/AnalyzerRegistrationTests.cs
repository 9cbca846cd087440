using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// What the driver reports about each analyzer's registrations (Roslyn's analyzer telemetry): every analyzer runs
/// concurrently and none registers whole-tree or whole-model callbacks, which would visit every node of every file
/// instead of the operations it cares about.
/// </summary>
public sealed class AnalyzerRegistrationTests
{
    [Fact]
    public async Task Every_analyzer_is_concurrent_and_registers_no_whole_tree_or_whole_model_callback()
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync(SeedCorpus.All, options);
        using var _ = workspace;
        var withAnalyzers = (await project.GetCompilationAsync())!.WithAnalyzers(
            Shipped.Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([], options), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));

        var telemetry = (await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None)).AnalyzerTelemetryInfo;

        Assert.All(Shipped.Analyzers, analyzer =>
        {
            var info = telemetry[analyzer];
            var name = analyzer.GetType().Name;
            Assert.True(info.Concurrent, name + " must call EnableConcurrentExecution");
            Assert.True(info.SyntaxTreeActionsCount == 0, name + " registers a syntax tree action");
            Assert.True(info.SemanticModelActionsCount == 0, name + " registers a semantic model action");
            Assert.True(info.CompilationStartActionsCount + info.SymbolStartActionsCount + info.OperationActionsCount
                + info.OperationBlockStartActionsCount + info.SymbolActionsCount + info.SyntaxNodeActionsCount > 0, name
                    + " registers nothing to analyze");
        });
    }
}
