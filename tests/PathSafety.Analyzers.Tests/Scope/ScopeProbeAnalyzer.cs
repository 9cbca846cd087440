using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Scope;

namespace PathSafety.Analyzers.Tests.Scope;

// A probe that only the tests load: it ships nowhere, so release tracking and the analyzer-project rules do not apply.
#pragma warning disable RS1036, RS2008

/// <summary>Reports SCOPE on every call to a method named 'Probe' that MaintenanceCode counts as maintenance code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeProbeAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("SCOPE", "In scope", "In maintenance scope", "Test", DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var scope = MaintenanceCode.GetOrCreate(start.Compilation, start.Options);
            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name == "Probe" && scope.IsMaintenanceCode(c.ContainingSymbol, c.Operation))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
                    }
                },
                OperationKind.Invocation);
        });
    }
}
