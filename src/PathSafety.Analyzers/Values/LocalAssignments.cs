using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
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
internal static class LocalAssignments
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
    /// The assigned values (from <paramref name="candidates"/>) that reach <paramref name="read"/> along some
    /// path through the method's control flow graph; false when that cannot be told (a read inside a lambda
    /// or local function, a path on which no assignment is seen).
    /// </summary>
    public static bool TryGetReachingValues(ILocalReferenceOperation read, List<IOperation> candidates, out List<IOperation> reaching)
    {
        reaching = new List<IOperation>();
        var root = read.Root();
        if (read.IsInNestedFunction(root) || ControlFlowGraphs.GetOrCreate(root) is not { } graph)
        {
            return false;
        }

        var (useBlock, useIndex) = FindRead(graph, read.Syntax);
        if (useBlock is null)
        {
            return false;
        }

        var resolveCapture = ValueWrites.CaptureResolver(graph);
        var writes = new List<TextSpan>();
        var visited = new HashSet<BasicBlock>();
        var pending = new Stack<(BasicBlock Block, int End)>();
        pending.Push((useBlock, useIndex));
        while (pending.Count > 0)
        {
            var (block, end) = pending.Pop();
            if (block.Kind == BasicBlockKind.Entry)
            {
                // A path from the method's start with no assignment seen: the local came in some other way.
                return false;
            }

            if (LastWrite(block, end, read.Local, resolveCapture) is { } write)
            {
                writes.Add(write);
                continue;
            }

            foreach (var predecessor in block.Predecessors)
            {
                if (visited.Add(predecessor.Source))
                {
                    pending.Push((predecessor.Source, predecessor.Source.Operations.Length + 1));
                }
            }
        }

        foreach (var candidate in candidates)
        {
            foreach (var write in writes)
            {
                if (write.Contains(candidate.Syntax.Span))
                {
                    reaching.Add(candidate);
                    break;
                }
            }
        }

        return reaching.Count > 0;
    }

    /// <summary>The block, and the index of the operation in it, that reads the local; the branch value counts as the last.</summary>
    private static (BasicBlock? Block, int Index) FindRead(ControlFlowGraph graph, SyntaxNode syntax)
    {
        foreach (var block in graph.Blocks)
        {
            for (var i = 0; i < block.Operations.Length; i++)
            {
                if (Reads(block.Operations[i], syntax))
                {
                    return (block, i);
                }
            }

            if (block.BranchValue is { } branch && Reads(branch, syntax))
            {
                return (block, block.Operations.Length);
            }
        }

        return (null, 0);
    }

    private static bool Reads(IOperation operation, SyntaxNode syntax)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation && descendant.Syntax == syntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The span of the last assignment to the local among the block's operations before <paramref name="end"/>
    /// (an index; Operations.Length + 1 includes the branch value).
    /// </summary>
    private static TextSpan? LastWrite(BasicBlock block, int end, ILocalSymbol local, Func<IOperation, ISymbol?> resolveCapture)
    {
        if (end > block.Operations.Length && block.BranchValue is { } branch && WriteIn(branch, local, resolveCapture) is { } inBranch)
        {
            return inBranch;
        }

        for (var i = System.Math.Min(end, block.Operations.Length) - 1; i >= 0; i--)
        {
            if (WriteIn(block.Operations[i], local, resolveCapture) is { } write)
            {
                return write;
            }
        }

        return null;
    }

    private static TextSpan? WriteIn(IOperation operation, ILocalSymbol local, Func<IOperation, ISymbol?> resolveCapture)
    {
        TextSpan? last = null;
        List<ValueWrite>? writes = null;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            ValueWrites.Add(descendant, ref writes, resolveCapture);
        }

        foreach (var write in writes ?? new List<ValueWrite>())
        {
            var span = write.Operation.Syntax.Span;
            if (SymbolEqualityComparer.Default.Equals(write.Target, local) && (last is null || span.Start >= last.Value.Start))
            {
                last = span;
            }
        }

        return last;
    }

    /// <summary>
    /// Where every write of the read's local is: the innermost block around its declaration (a local's scope
    /// never reaches past it; a switch section's locals are scoped to the whole switch, inside the same block).
    /// The whole body for a local declared outside any block (a constructor initializer's 'out var').
    /// </summary>
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
