using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Tests.Values;

/// <summary>One graph per body, whichever asks first: a rule with an analysis context or a value helper without one.</summary>
public class ControlFlowGraphsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_gets_one_graph_whether_the_driver_or_a_helper_asks_first(bool driverFirst)
    {
        var probe = new GraphProbe(driverFirst);
        var compilation = CSharpCompilation.Create(
            "graphs",
            [CSharpSyntaxTree.ParseText("class C { void M(string p) { var a = p; N(a); N(p); } void N(string s) { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(probe)).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(2, probe.Pairs.Count);
        Assert.All(probe.Pairs, pair => Assert.Same(pair.Driver, pair.Built));
        Assert.Single(probe.Pairs.Select(p => p.Driver).Distinct());
    }

#pragma warning disable RS1036, RS2008 // A test analyzer: not shipped, so no release tracking.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class GraphProbe(bool driverFirst) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("GRAPH", "Graph", "Graph", "Test", DiagnosticSeverity.Hidden, true);

        public ConcurrentBag<(ControlFlowGraph? Driver, ControlFlowGraph? Built)> Pairs { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(
                c =>
                {
                    if (driverFirst)
                    {
                        var driver = ControlFlowGraphs.FromDriver(c);
                        Pairs.Add((driver, ControlFlowGraphs.GetOrCreate(c.Operation.Root())));
                    }
                    else
                    {
                        var built = ControlFlowGraphs.GetOrCreate(c.Operation.Root());
                        Pairs.Add((ControlFlowGraphs.FromDriver(c), built));
                    }
                },
                OperationKind.Argument);
        }
    }
#pragma warning restore RS1036, RS2008
}
