using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>What the assigned values of a local are known to be.</summary>
internal enum AssignedValuesKind
{
    /// <summary>Every write of the local is seen and carries a value followed.</summary>
    Found,

    /// <summary>No write of the local is seen (it is never assigned a value).</summary>
    None,

    /// <summary>Some write carries a value not followed (ref/out, compound assignment, foreach variable…).</summary>
    Uncertain,
}

/// <summary>
/// The one answer to "what can this local hold" inside one method body, for every rule and code fix: the values its
/// writes (classified by <see cref="ValueWrites"/>) give it, within one scope rule (the innermost block around its
/// declaration), and which of them reach a given read along the driver's control-flow graph.
/// </summary>
internal static partial class LocalAssignments
{
    private static readonly ConditionalWeakTable<IOperation, List<ValueWrite>> WritesPerScope = new();

    /// <summary>Every value written to the read's local in its scope (initializer included), and whether that is all of them.</summary>
    public static AssignedValuesKind GetAssignedValues(ILocalReferenceOperation read, out List<IOperation> values)
    {
        values = new List<IOperation>();
        var local = read.Local;
        if (local.IsRef || local.IsConst)
        {
            return AssignedValuesKind.Uncertain;
        }

        foreach (var write in WritesIn(Scope(read)))
        {
            if (!SymbolEqualityComparer.Default.Equals(write.Target, local))
            {
                continue;
            }

            if (write.Value is null)
            {
                return AssignedValuesKind.Uncertain;
            }

            values.Add(write.Value);
        }

        return values.Count > 0 ? AssignedValuesKind.Found : AssignedValuesKind.None;
    }

    /// <summary>Every value assigned to the read's local, or false when a write is not followed or none is seen.</summary>
    public static bool TryGetAllAssignedValues(ILocalReferenceOperation read, out List<IOperation> values)
        => GetAssignedValues(read, out values) == AssignedValuesKind.Found;

    /// <summary>The value of a local written exactly once, with a value followed; else null.</summary>
    public static IOperation? TryGetSingleValue(ILocalReferenceOperation read)
        => TryGetAllAssignedValues(read, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>
    /// The elements put into a local collection in its scope ('list.Add(v)', 'list.AddRange(vs)', 'array[i] = v'; see
    /// <see cref="ValueWrites.ClassifyElementUse"/>), through another local declared with it too ('var all = files;
    /// all.Add(v)': the same collection under two names): Found with them, None when nothing is added, Uncertain when
    /// the collection is handed to code that may add anything. Its assigned values are <see cref="GetAssignedValues"/>'s.
    /// </summary>
    public static AssignedValuesKind GetElementWrites(ILocalReferenceOperation read, out List<ValueWrite> writes)
    {
        writes = new List<ValueWrite>();
        var named = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (!AddElementWrites(read.Local, Scope(read), writes, named))
        {
            return AssignedValuesKind.Uncertain;
        }

        return writes.Count > 0 ? AssignedValuesKind.Found : AssignedValuesKind.None;
    }

    private static bool AddElementWrites(ILocalSymbol local, IOperation scope, List<ValueWrite> writes, HashSet<ILocalSymbol> named)
    {
        if (local.IsRef)
        {
            return false;
        }

        if (!named.Add(local))
        {
            // Its writes are being collected already.
            return true;
        }

        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            switch (ValueWrites.ClassifyElementUse(reference, out var write))
            {
                case ElementUse.Escapes:
                    if (DeclaredWith(reference) is not { } alias || !AddElementWrites(alias.Symbol, BlockOf(alias), writes, named))
                    {
                        return false;
                    }

                    break;
                case ElementUse.Adds:
                    writes.Add(write);
                    break;
            }
        }

        return true;
    }

    /// <summary>The declaration of another local whose initializer is exactly this reference ('var all = files;').</summary>
    private static IVariableDeclaratorOperation? DeclaredWith(ILocalReferenceOperation reference)
        => reference.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator : null;

    private static IOperation BlockOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IBlockOperation)
            {
                return current;
            }
        }

        return operation.Root();
    }

    /// <summary>
    /// Every write in a scope, collected once per scope: a method asks about its locals many times (each path argument,
    /// each delete, each guard), and each question would otherwise walk the whole scope again.
    /// </summary>
    private static IReadOnlyList<ValueWrite> WritesIn(IOperation scope)
        => WritesPerScope.GetValue(scope, static s =>
        {
            List<ValueWrite>? writes = null;
            foreach (var operation in s.DescendantsAndSelf())
            {
                ValueWrites.Add(operation, ref writes);
            }

            return writes ?? new List<ValueWrite>();
        });

    /// <summary>
    /// Where every write of the read's local is: the innermost block around its declaration (a local's scope
    /// never reaches past it; a switch section's locals are scoped to the whole switch, inside the same block).
    /// The whole body for a local declared outside any block (a constructor initializer's 'out var').
    /// </summary>
    private static IOperation Scope(ILocalReferenceOperation read)
    {
        var declarations = read.Local.DeclaringSyntaxReferences;
        if (declarations.Length == 1 && declarations[0].SyntaxTree == read.Syntax.SyntaxTree)
        {
            var declaration = declarations[0].Span;
            for (var current = read.Parent; current is not null; current = current.Parent)
            {
                if (current is IBlockOperation && current.Syntax.Span.Contains(declaration))
                {
                    return current;
                }
            }
        }

        return read.Root();
    }
}
