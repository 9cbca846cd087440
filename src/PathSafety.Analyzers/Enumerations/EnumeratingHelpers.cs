using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Enumerations;

/// <summary>
/// Helpers of the compilation that return folder entries ('List&lt;FileInfo&gt; GetLogFiles() =>
/// LogDir.EnumerateFiles("*", SearchOption.AllDirectories).ToList()', an iterator that yields the entries of a
/// loop): what every value they return is, summarised on the first delete that needs it, once per compilation.
/// A helper that may be overridden, is declared in metadata, calls itself (directly or not) or sits more than
/// <see cref="MaxNesting"/> helpers deep is not followed; neither is a helper whose pattern or collection comes in
/// through a parameter (the summary does not depend on the call site).
/// Also helpers that run a delegate per element ('static void ForEach&lt;T&gt;(this IEnumerable&lt;T&gt; source,
/// Action&lt;T&gt; action) { foreach (var x in source) action(x); }'): which argument's elements the delegate receives
/// (<see cref="LoopedCollection"/>).
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

    // Per delegate parameter of a helper: the ordinal of the parameter whose elements it receives, or -1.
    private readonly ConcurrentDictionary<IParameterSymbol, int> _loops = new(SymbolEqualityComparer.Default);

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

    /// <summary>
    /// The argument of <paramref name="consumer"/> (a call of a helper of the compilation) whose elements, one by one,
    /// are all the delegate passed for <paramref name="delegateParameter"/> ever receives; null when that is not so.
    /// The helper's body must call the delegate only as 'action(x)' (or 'action.Invoke(x)') where 'x' is the variable
    /// of a foreach directly over another parameter that the body never writes; besides, the delegate may only be
    /// compared with null (argument checks). Anything else the body does with it (store it, pass it on, call it with
    /// other values or in a lambda) makes the helper not followed.
    /// </summary>
    public IOperation? LoopedCollection(IInvocationOperation consumer, IParameterSymbol delegateParameter)
    {
        var method = consumer.TargetMethod.OriginalDefinition;
        if (!CanSummarise(method) || delegateParameter.Ordinal >= method.Parameters.Length)
        {
            return null;
        }

        var parameter = method.Parameters[delegateParameter.Ordinal];
        var source = _loops.GetOrAdd(parameter, p => SummariseLoop(method, p, consumer.SemanticModel));
        foreach (var argument in consumer.Arguments)
        {
            if (argument.Parameter?.Ordinal == source)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private int SummariseLoop(IMethodSymbol method, IParameterSymbol action, SemanticModel? atHand)
    {
        if (BodyOf(method).Block is not { } block || _models.GetOperation(block, atHand) is not { } body)
        {
            return -1;
        }

        var source = -1;
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IParameterReferenceOperation reference
                || !SymbolEqualityComparer.Default.Equals(reference.Parameter, action)
                || IsNullTest(reference))
            {
                continue;
            }

            var looped = reference.IsInNestedFunction(body) ? null : LoopedParameter(reference, method);
            if (looped is null || (source >= 0 && looped.Ordinal != source))
            {
                return -1;
            }

            source = looped.Ordinal;
        }

        if (source >= 0)
        {
            foreach (var write in ValueWrites.In(body))
            {
                if (write.Target is IParameterSymbol written && SymbolEqualityComparer.Default.Equals(written, method.Parameters[source]))
                {
                    return -1;
                }
            }
        }

        return source;
    }

    // 'action(x)' inside 'foreach (var x in source)', 'source' a parameter of the helper: that parameter.
    private static IParameterSymbol? LoopedParameter(IParameterReferenceOperation reference, IMethodSymbol method)
    {
        if (reference.Parent is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Arguments.Length: 1 } call
            || call.Instance != reference
            || call.Arguments[0].Value.WithoutConversions() is not ILocalReferenceOperation element)
        {
            return null;
        }

        for (var parent = call.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation declarator } loop
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, element.Local))
            {
                return loop.Collection.WithoutConversions() is IParameterReferenceOperation { Parameter: var collection }
                       && SymbolEqualityComparer.Default.Equals(collection.ContainingSymbol, method)
                    ? collection
                    : null;
            }
        }

        return null;
    }

    // 'action == null', 'action is null', 'nameof(action)': argument checks, not uses.
    private static bool IsNullTest(IParameterReferenceOperation reference) => reference.Parent switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
            => (binary.LeftOperand == reference ? binary.RightOperand : binary.LeftOperand).WithoutConversions().ConstantValue
                is { HasValue: true, Value: null },
        IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation } => true,
        INameOfOperation => true,
        _ => false,
    };

    // Only a body that is the one every call runs: declared once in source, not virtual, abstract or extern.
    private static bool CanSummarise(IMethodSymbol method)
        => method.DeclaringSyntaxReferences.Length == 1
           && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
           && !method.IsAbstract && !method.IsVirtual && !method.IsOverride && !method.IsExtern
           && method.ReturnType.SpecialType != SpecialType.System_String;

    private static (BlockSyntax? Block, ExpressionSyntax? Expression) BodyOf(IMethodSymbol method)
        => method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            MethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody?.Expression),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody?.Expression),
            _ => (null, null),
        };

    private ImmutableArray<EnumeratedElement>? Summarise(IMethodSymbol method, SemanticModel? atHand)
    {
        var (block, expression) = BodyOf(method);

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
