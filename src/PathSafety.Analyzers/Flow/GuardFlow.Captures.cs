using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>Values a lambda or local function captured from the block: contained where it was created or called.</summary>
internal sealed partial class GuardFlow
{
    /// <summary>
    /// A lambda's captured local or parameter that the method never reassigns holds, whenever the lambda runs,
    /// the value it had where the lambda was created: contained if it was contained there. A local function's
    /// captured value that only the method's own body writes (no lambda or local function) is, while the function
    /// runs synchronously from a plain call, what it was at that call.
    /// </summary>
    private bool IsCapturedContained(IOperation value, List<Location> enclosing)
    {
        if (ContainmentGuards.SymbolOf(value) is not { } symbol || enclosing.Count == 0 || Writes(symbol) is not { } written)
        {
            return false;
        }

        if (!written && (IsInitializedContained(symbol) || IsContainedAtCreation(symbol, enclosing, enclosing.Count - 1)))
        {
            return true;
        }

        // The innermost enclosing body is a local function (past any lambdas inside it): contained at every use of it.
        var i = enclosing.Count - 1;
        while (i >= 0 && enclosing[i].IsLambda)
        {
            i--;
        }

        // With writes, a lambda inside the function could run after one: only the function's own body counts.
        return i >= 0 && (!written || i == enclosing.Count - 1)
               && enclosing[i].LocalFunction is { } localFunction && IsContainedAtEveryUse(localFunction, symbol, written);
    }

    /// <summary>Contained where the lambdas enclosing position <paramref name="last"/> of the chain were created.</summary>
    private bool IsContainedAtCreation(ISymbol symbol, List<Location> enclosing, int last)
    {
        for (var i = last; i >= 0 && enclosing[i].IsLambda; i--)
        {
            var outer = enclosing[i];
            var state = GetFacts(outer.Graph).StateBefore(outer.Block, outer.Index);
            if (state is not null && state.Contains(new GuardFact(GuardFactKind.Contained, symbol)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A local function can run only where it is called or turned into a delegate. When the captured value, never
    /// reassigned, is contained at each such use (or where the lambda holding the use was created), it is contained
    /// whenever the function runs. A use from another local function, or one not found in the graph, proves nothing.
    /// When the method's body reassigns the value (<paramref name="written"/>), only plain calls from that body count,
    /// and only for a function that runs to its end there (not async, not an iterator): a delegate or a lambda
    /// could run it after the next write.
    /// </summary>
    private bool IsContainedAtEveryUse(IMethodSymbol localFunction, ISymbol symbol, bool written)
    {
        if (written && (localFunction.IsAsync || IsIterator(localFunction)))
        {
            return false;
        }

        var uses = 0;
        foreach (var operation in _root!.DescendantsAndSelf())
        {
            var isUse = operation switch
            {
                IInvocationOperation call => SymbolEqualityComparer.Default.Equals(call.TargetMethod, localFunction),
                IMethodReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Method, localFunction),
                _ => false,
            };
            if (!isUse)
            {
                continue;
            }

            var enclosing = new List<Location>();
            if (!TryLocate(_graph, operation.Syntax, enclosing, out var use)
                || (written && (operation is not IInvocationOperation || enclosing.Count > 0)))
            {
                return false;
            }

            var state = GetFacts(use.Graph).StateBefore(use.Block, use.Index);
            var contained = state is null
                            || state.Contains(new GuardFact(GuardFactKind.Contained, symbol))
                            || IsContainedAtCreation(symbol, enclosing, enclosing.Count - 1);
            if (!contained)
            {
                return false;
            }

            uses++;
        }

        return uses > 0;
    }

    /// <summary>
    /// Whether the block assigns the symbol after its declaration: false when never, true when only in the block's own
    /// body, null when a lambda or local function assigns it (or the block is unknown).
    /// </summary>
    private bool? Writes(ISymbol symbol)
    {
        if (_root is null)
        {
            return null;
        }

        var written = false;
        foreach (var write in ValueWrites.In(_root))
        {
            if (write.Kind != ValueWriteKind.Initializer && SymbolEqualityComparer.Default.Equals(write.Target, symbol))
            {
                if (write.Operation.IsInNestedFunction(_root))
                {
                    return null;
                }

                written = true;
            }
        }

        return written;
    }

    // 'yield' anywhere in its own body: the body runs as the caller enumerates, not at the call.
    /// <summary>
    /// A local never written after its declaration, whose initializer is contained by construction (a constant tail, a
    /// fresh name, a temporary file): whenever a lambda or local function reads it, it holds that value, wherever the
    /// function is used (C# lets no function read a captured local before it is assigned).
    /// </summary>
    private bool IsInitializedContained(ISymbol symbol)
    {
        foreach (var write in ValueWrites.In(_root!))
        {
            if (write.Kind == ValueWriteKind.Initializer && SymbolEqualityComparer.Default.Equals(write.Target, symbol))
            {
                return _guards.IsContainedValue(write.Value, Nothing);
            }
        }

        return false;
    }

    private static bool IsIterator(IMethodSymbol localFunction)
    {
        foreach (var reference in localFunction.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is YieldStatementSyntax)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
