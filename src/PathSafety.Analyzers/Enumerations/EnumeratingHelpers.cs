using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Enumerations;

/// <summary>
/// Helpers of the compilation that return folder entries ('List&lt;FileInfo&gt; GetLogFiles() =>
/// LogDir.EnumerateFiles("*", SearchOption.AllDirectories).ToList()', an iterator that yields the entries of a
/// loop): what every value they return is, summarised on the first delete that needs it, once per compilation.
/// A helper that may be overridden, is declared in metadata, calls itself (directly or not) or sits more than
/// <see cref="MaxNesting"/> helpers deep is not followed; neither is a helper whose pattern or collection comes in
/// through a parameter (the summary does not depend on the call site).
/// </summary>
internal sealed class EnumeratingHelpers
{
    private const int MaxNesting = 3;
    private const int MaxDepth = 8;

    // Helpers being summarised on this thread: a helper met again is a cycle, cut as "not followed".
    private static readonly ThreadLocal<HashSet<IMethodSymbol>> Visiting = new(() => new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));

    private readonly EnumerationApis _apis;
    private readonly SourceModels _models;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<EnumeratedElement>?> _summaries = new(SymbolEqualityComparer.Default);

    private EnumeratingHelpers(EnumerationApis apis)
    {
        _apis = apis;
        _models = SourceModels.GetOrCreate(apis.Known.Compilation);
    }

    public static EnumeratingHelpers GetOrCreate(EnumerationApis apis)
        => apis.Known.GetOrCreateTable(_ => new EnumeratingHelpers(apis));

    /// <summary>The entries a call to a helper returns, continuing <paramref name="trail"/>; false when it is not followed.</summary>
    public bool Trace(IInvocationOperation invocation, EntryTrail trail, List<EnumeratedElement> results, int depth)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (depth <= 0 || !CanSummarise(method))
        {
            return false;
        }

        var visiting = Visiting.Value!;
        if (visiting.Contains(method) || visiting.Count >= MaxNesting)
        {
            return false;
        }

        ImmutableArray<EnumeratedElement>? summary;
        if (!_summaries.TryGetValue(method, out summary))
        {
            visiting.Add(method);
            try
            {
                summary = Summarise(method, invocation.SemanticModel);
            }
            finally
            {
                visiting.Remove(method);
            }

            summary = _summaries.GetOrAdd(method, summary);
        }

        if (summary is not { } entries)
        {
            return false;
        }

        foreach (var entry in entries)
        {
            results.Add(trail.Continue(entry));
        }

        return true;
    }

    // Only a body that is the one every call runs: declared once in source, not virtual, abstract or extern.
    private static bool CanSummarise(IMethodSymbol method)
        => method.DeclaringSyntaxReferences.Length == 1
           && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
           && !method.IsAbstract && !method.IsVirtual && !method.IsOverride && !method.IsExtern
           && method.ReturnType.SpecialType != SpecialType.System_String;

    private ImmutableArray<EnumeratedElement>? Summarise(IMethodSymbol method, SemanticModel? atHand)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        var (block, expression) = syntax switch
        {
            MethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody?.Expression),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody?.Expression),
            _ => (null, null),
        };

        var results = new List<EnumeratedElement>();
        if (expression is not null)
        {
            // An expression body is the one value returned.
            var value = _models.GetOperation(expression, atHand);
            var traced = value is not null && EnumeratedCollections.Trace(value, EntryTrail.Start(method, value), results, _apis, MaxDepth);
            return traced && results.Count > 0 ? results.ToImmutableArray() : null;
        }

        if (block is null || _models.GetOperation(block, atHand) is not { } body)
        {
            return null;
        }

        var trail = EntryTrail.Start(method, body);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IReturnOperation { ReturnedValue: { } value } returned || returned.IsInNestedFunction(body))
            {
                continue;
            }

            var traced = returned.Kind == OperationKind.YieldReturn
                ? EnumeratedCollections.TraceEntry(value, returned, trail, results, _apis, MaxDepth)
                : EnumeratedCollections.Trace(value, trail, results, _apis, MaxDepth);
            if (!traced)
            {
                return null;
            }
        }

        return results.Count > 0 ? results.ToImmutableArray() : null;
    }
}
