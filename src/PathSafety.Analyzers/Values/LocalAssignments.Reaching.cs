using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>Which of a local's writes reach a read: by the block structure where it decides, else along the control-flow graph.</summary>
internal static partial class LocalAssignments
{
    /// <summary>
    /// The assigned values (from <paramref name="candidates"/>) that reach <paramref name="read"/> along some
    /// path through the method's control flow graph (or by the block structure, when it decides); false when that
    /// cannot be told (a read inside a lambda or local function, a path on which no assignment is seen).
    /// </summary>
    public static bool TryGetReachingValues(ILocalReferenceOperation read, List<IOperation> candidates, out List<IOperation> reaching)
    {
        reaching = new List<IOperation>();
        var root = read.Root();
        if (read.IsInNestedFunction(root))
        {
            return false;
        }

        // Callers look the answer up in their candidates: a value that is not one of them goes to the graph.
        if (LastWriteBeforeInItsBlock(read, root) is { } dominating && candidates.Contains(dominating))
        {
            reaching.Add(dominating);
            return true;
        }

        if (ControlFlowGraphs.GetOrCreate(root) is not { } graph)
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

    /// <summary>
    /// Structured code settles most reads without a graph: when the local's last write in text order is a whole
    /// statement of a block ('p = Path.Combine(root, p);') and a later statement of that block holds the read, every
    /// path to the read runs that write and no write after it. A goto cannot enter a block past its start, only reach
    /// a label of the block itself, so a labelled statement between the two sends the question to the graph. The
    /// value written; null when the shape is any other.
    /// </summary>
    private static IOperation? LastWriteBeforeInItsBlock(ILocalReferenceOperation read, IOperation root)
    {
        ValueWrite? last = null;
        foreach (var write in WritesIn(Scope(read)))
        {
            if (!SymbolEqualityComparer.Default.Equals(write.Target, read.Local))
            {
                continue;
            }

            if (write.Value is null || write.Kind == ValueWriteKind.KeepsOrAssigns || write.Operation.IsInNestedFunction(root))
            {
                return null;
            }

            if (last is null || write.Operation.Syntax.SpanStart > last.Value.Operation.Syntax.SpanStart)
            {
                last = write;
            }
        }

        if (last is not { } written || StatementOf(written.Operation) is not { Parent: IBlockOperation block } statement)
        {
            return null;
        }

        var readStatement = (IOperation)read;
        while (readStatement.Parent is { } parent && parent != block)
        {
            readStatement = parent;
        }

        var from = block.Operations.IndexOf(statement);
        var to = readStatement.Parent == block ? block.Operations.IndexOf(readStatement) : -1;
        if (from < 0 || to <= from)
        {
            return null;
        }

        for (var i = from + 1; i <= to; i++)
        {
            if (block.Operations[i] is ILabeledOperation)
            {
                return null;
            }
        }

        return written.Value;
    }

    /// <summary>The statement a write is the whole of ('p = v;', 'var p = v;'); null for a write inside an expression or a condition.</summary>
    private static IOperation? StatementOf(IOperation write)
        => write switch
        {
            ISimpleAssignmentOperation { Parent: IExpressionStatementOperation statement } => statement,
            IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } => group,
            _ => null,
        };

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
}
