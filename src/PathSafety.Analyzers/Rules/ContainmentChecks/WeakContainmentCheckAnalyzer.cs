using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// PS0007: a containment check that a path outside the folder can pass. Only checks that act as a path
/// guard are judged: the condition of a branch (or a bool local) in a method that hands the checked path
/// to a file-system API, or any check inside a guard method. Applies everywhere.
/// <para>
/// One callback per invocation, a name test and the call's own kind: only a block holding a 'StartsWith',
/// 'Contains' or 'GetFullPath' call that could be a weak check is walked, once (<see cref="ContainmentCheckJudge"/>);
/// no per-type or per-block state is started for code without such a call.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakContainmentCheckAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.WeakContainmentCheck);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(AnalysisDefaults.GeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.GetOrCreate(start.Compilation);
            if (known.Path is null)
            {
                return;
            }

            var judge = new ContainmentCheckJudge(ContainmentGuards.Create(known, start.Options), DeleteApis.GetOrCreate(start.Compilation));
            start.RegisterOperationAction(c => Analyze(c, judge), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ContainmentCheckJudge judge)
    {
        var check = (IInvocationOperation)context.Operation;
        // Only a prefix check, a '..' filter or a GetFullPath with a base can be judged weak: anything else
        // ('list.Contains(x)', a sound check) is answered here, without walking its block.
        if (!ContainmentCheckBlock.MayBeCandidate(check.TargetMethod) || judge.GetKind(check) is CheckKind.None or CheckKind.Real)
        {
            return;
        }

        var missing = judge.Missing(check, context.ContainingSymbol);
        if (missing != MissingIngredient.None)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ContainmentCheckIngredients.PropertyName,
                ContainmentCheckIngredients.ToLetters(missing));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WeakContainmentCheck, check.Syntax.GetLocation(), properties,
                ContainmentCheckIngredients.Describe(missing)));
        }
    }
}
