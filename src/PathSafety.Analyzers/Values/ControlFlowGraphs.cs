using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// The one place PathSafety obtains control-flow graphs (BannedSymbols.txt bans the graph factories everywhere
/// else). A caller with an analysis context gets the driver's graph, which the driver builds once per operation
/// block and shares with every analyzer; a caller without one gets a graph built here once per body and
/// collected with its operation tree. Thread-safe.
/// </summary>
internal static class ControlFlowGraphs
{
    private static readonly ConditionalWeakTable<IOperation, ControlFlowGraph> Built = new();

    /// <summary>
    /// The graph of the operation block the context's operation is in: the one already built for that body here (for
    /// a caller without a context, such as PS0001's local values), else the driver's, which is then kept for those
    /// callers too, so a body gets one graph whichever rule asks first. Null for code the compiler cannot turn into a
    /// graph.
    /// </summary>
    public static ControlFlowGraph? FromDriver(OperationAnalysisContext context)
    {
        if (Built.TryGetValue(context.Operation.Root(), out var cached))
        {
            return cached;
        }

        ControlFlowGraph graph;
        try
        {
#pragma warning disable RS0030 // Banned API: this class is the one home of control-flow graphs.
            graph = context.GetControlFlowGraph();
#pragma warning restore RS0030
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        return Built.GetValue(graph.OriginalOperation, _ => graph);
    }

    /// <summary>
    /// The graph of a method body, constructor body or block (the root of an operation tree), built once per root;
    /// null for any other operation.
    /// </summary>
    public static ControlFlowGraph? GetOrCreate(IOperation root)
    {
        if (Built.TryGetValue(root, out var cached))
        {
            return cached;
        }

#pragma warning disable RS0030 // Banned API: this class is the one home of control-flow graphs.
        ControlFlowGraph? graph = root switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body),
            IBlockOperation block => ControlFlowGraph.Create(block),
            _ => null,
        };
#pragma warning restore RS0030

        return graph is null ? null : Built.GetValue(root, _ => graph);
    }
}
