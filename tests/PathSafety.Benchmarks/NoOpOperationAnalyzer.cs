using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// Not a shipped analyzer: it only exists to load the analyzer driver, so the shipping-analyzer rules do not apply.
#pragma warning disable RS1036, RS1001, RS2008

namespace PathSafety.Benchmarks;

/// <summary>
/// Stands in for the analyzers every SDK build already runs (the .NET analyzers are on by default): it makes the
/// driver build operation trees for every method body and do nothing else. PathSafety's marginal cost is measured
/// on top of it.
/// </summary>
internal sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Hidden,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}
