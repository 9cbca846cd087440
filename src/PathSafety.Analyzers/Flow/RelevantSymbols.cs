using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// The locals and parameters whose facts can decide whether some values are contained: those the values read, and
/// every local or parameter tied to them, either way round, by a write of the block ('a = f(b)' ties 'a' and 'b', a
/// foreach variable its collection, an out argument the call's other arguments) or by being read together in one call,
/// comparison or pattern test (a guard condition proves one of them with what is known of the others). Facts are only
/// ever about locals and parameters (<see cref="ContainmentGuards.SymbolOf"/>) and only such ties relate the facts of
/// two of them, so a guard call or condition on none of these cannot change the answer about the values:
/// <see cref="GuardFlow"/> skips it without summarising the helper it calls.
/// </summary>
internal static class RelevantSymbols
{
    public static HashSet<ISymbol> Of(IOperation root, IEnumerable<IOperation> values)
    {
        var relevant = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var value in values)
        {
            ContainmentGuards.AddSymbolsRead(value, relevant);
        }

        if (relevant.Count == 0)
        {
            return relevant;
        }

        var ties = Ties(root);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var tie in ties)
            {
                if (tie.Overlaps(relevant))
                {
                    changed |= tie.AddTo(relevant);
                }
            }
        }

        return relevant;
    }

    /// <summary>True when <paramref name="operation"/> reads a local or parameter of <paramref name="relevant"/>.</summary>
    public static bool Reads(IOperation operation, HashSet<ISymbol> relevant)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (SymbolRead(descendant) is { } symbol && relevant.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static List<Tie> Ties(IOperation root)
    {
        var ties = new List<Tie>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation or IObjectCreationOperation or IBinaryOperation or IIsPatternOperation)
            {
                var tie = new Tie();
                ContainmentGuards.AddSymbolsRead(operation, tie.Symbols);
                Keep(ties, tie);
            }

            List<ValueWrite>? writes = null;
            ValueWrites.Add(operation, ref writes);
            if (writes is null)
            {
                continue;
            }

            foreach (var write in writes)
            {
                var tie = new Tie();
                tie.Symbols.Add(write.Target);
                if ((write.Value ?? SourceOfUnfollowed(write.Operation)) is { } source)
                {
                    ContainmentGuards.AddSymbolsRead(source, tie.Symbols);
                }

                Keep(ties, tie);
            }
        }

        return ties;
    }

    // A tie of one symbol relates nothing.
    private static void Keep(List<Tie> ties, Tie tie)
    {
        if (tie.Symbols.Count > 1)
        {
            ties.Add(tie);
        }
    }

    private static ISymbol? SymbolRead(IOperation operation)
        => operation is IConversionOperation ? null : ContainmentGuards.SymbolOf(operation);

    /// <summary>What a write whose value is not followed takes its value from: the loop's collection, the call, the tested value.</summary>
    private static IOperation? SourceOfUnfollowed(IOperation writer) => writer switch
    {
        IForEachLoopOperation loop => loop.Collection,
        IVariableDeclaratorOperation { Parent: IForEachLoopOperation loop } => loop.Collection,
        IVariableDeclaratorOperation { Parent.Parent: IForEachLoopOperation loop } => loop.Collection,
        IArgumentOperation { Parent: { } call } => call,
        IDeclarationPatternOperation { Parent: IIsPatternOperation test } => test.Value,
        IDeclarationPatternOperation pattern => pattern.Parent,
        _ => writer,
    };

    /// <summary>Locals and parameters whose facts go together; once one is relevant, all are.</summary>
    private sealed class Tie
    {
        private bool _added;

        public HashSet<ISymbol> Symbols { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public bool Overlaps(HashSet<ISymbol> relevant) => !_added && relevant.Overlaps(Symbols);

        public bool AddTo(HashSet<ISymbol> relevant)
        {
            _added = true;
            var changed = false;
            foreach (var symbol in Symbols)
            {
                changed |= relevant.Add(symbol);
            }

            return changed;
        }
    }
}
