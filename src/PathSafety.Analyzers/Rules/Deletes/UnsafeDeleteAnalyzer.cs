using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// Finds deletes that can destroy what they should not. One finding per delete call, the most specific
/// first: PS0006 (reaches a protected file) &gt; PS0004 (broad enumeration) &gt; PS0003 (unguarded
/// recursive) &gt; PS0002 (unguarded). Each check lives in its own file and reads like its rule's docs.
/// PS0006 is not reported in test code unless the file sets 'pathsafety.scope = all'.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsafeDeleteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ProtectedFileDelete,
        DiagnosticDescriptors.BroadEnumerationDelete,
        DiagnosticDescriptors.UnguardedRecursiveDelete,
        DiagnosticDescriptors.UnguardedDelete);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(AnalysisDefaults.GeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var rules = new DeleteRuleContext(start.Compilation, start.Options);
            if (!rules.Deletes.AnyAvailable)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, rules), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DeleteRuleContext rules)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!DeleteApis.MayBeDelete(invocation.TargetMethod)
            || !rules.Deletes.TryGetDeleteSite(invocation, out var site)
            || site is null)
        {
            return;
        }

        var protectedFile = rules.Scope.IsTestCode(context.ContainingSymbol, invocation.Syntax.SyntaxTree)
            ? null
            : ProtectedFileDelete.Find(context, rules, site);
        var diagnostic = protectedFile
            ?? BroadEnumerationDelete.Find(context, rules, site)
            ?? UnguardedDelete.Find(context, rules, site);
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
