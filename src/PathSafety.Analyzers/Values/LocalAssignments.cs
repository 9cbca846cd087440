using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// Simple data flow for one local inside one method body: which values are assigned to it, and which of
/// those reach a given read. Only plain assignments and initializers are followed; a local written any
/// other way (ref/out argument, compound assignment, deconstruction, pattern) is not followed at all.
/// </summary>
internal static class LocalAssignments
{
    /// <summary>
    /// Every value assigned to the read's local in the enclosing body (initializer included), or false when
    /// the local is written in a way this class does not follow.
    /// </summary>
    public static bool TryGetAllAssignedValues(ILocalReferenceOperation read, out List<IOperation> values)
    {
        values = new List<IOperation>();
        var local = read.Local;
        if (local.IsRef || local.IsConst)
        {
            return false;
        }

        foreach (var operation in Scope(read).DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is { } initializer)
                    {
                        values.Add(initializer.Value);
                    }
                    else if (declarator.Parent is IForEachLoopOperation or IUsingOperation)
                    {
                        return false;
                    }

                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (!IsPlainWriteOrRead(reference, values))
                    {
                        return false;
                    }

                    break;
                case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                    return false;
            }
        }

        return values.Count > 0;
    }

    /// <summary>
    /// The assigned values (from <paramref name="candidates"/>) that reach <paramref name="read"/> along some
    /// path through the method's control flow graph; false when that cannot be told (a read inside a lambda
    /// or local function, a path on which no assignment is seen).
    /// </summary>
    public static bool TryGetReachingValues(ILocalReferenceOperation read, List<IOperation> candidates, out List<IOperation> reaching)
    {
        reaching = new List<IOperation>();
        var root = Root(read);
        if (IsInsideNestedFunction(read, root) || ControlFlowGraphs.GetOrCreate(root) is not { } graph)
        {
            return false;
        }

        var (useBlock, useIndex) = FindRead(graph, read.Syntax);
        if (useBlock is null)
        {
            return false;
        }

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

            if (LastWrite(block, end, read.Local) is { } write)
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

    private static bool IsPlainWriteOrRead(ILocalReferenceOperation reference, List<IOperation> values)
    {
        IOperation target = reference;
        var parent = reference.Parent;
        if (parent is IDeclarationExpressionOperation declaration)
        {
            target = declaration;
            parent = declaration.Parent;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == target:
                values.Add(assignment.Value);
                return !assignment.IsRef;
            case ICompoundAssignmentOperation compound when compound.Target == target:
                return false;
            case IIncrementOrDecrementOperation:
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref }:
            case ITupleOperation:
                // A deconstruction target, a ref/out argument: written in a way not followed (a tuple read too, harmlessly).
                return false;
            default:
                return target == reference;
        }
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
    private static TextSpan? LastWrite(BasicBlock block, int end, ILocalSymbol local)
    {
        if (end > block.Operations.Length && block.BranchValue is { } branch && WriteIn(branch, local) is { } inBranch)
        {
            return inBranch;
        }

        for (var i = System.Math.Min(end, block.Operations.Length) - 1; i >= 0; i--)
        {
            if (WriteIn(block.Operations[i], local) is { } write)
            {
                return write;
            }
        }

        return null;
    }

    private static TextSpan? WriteIn(IOperation operation, ILocalSymbol local)
    {
        TextSpan? last = null;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                && SymbolEqualityComparer.Default.Equals(target.Local, local)
                && (last is null || assignment.Syntax.SpanStart >= last.Value.Start))
            {
                last = assignment.Syntax.Span;
            }
        }

        return last;
    }

    private static bool IsInsideNestedFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

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

        return Root(read);
    }

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
