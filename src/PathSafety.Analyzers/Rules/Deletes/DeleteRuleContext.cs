using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Scope;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>What the delete checks share for one compilation: resolved symbols, scope and options.</summary>
internal sealed class DeleteRuleContext
{
    private readonly ConditionalWeakTable<ControlFlowGraph, GuardFlow> _flows = new ConditionalWeakTable<ControlFlowGraph, GuardFlow>();

    public DeleteRuleContext(Compilation compilation, AnalyzerOptions options)
    {
        Compilation = compilation;
        Options = options;
        Known = KnownSymbols.GetOrCreate(compilation);
        Deletes = DeleteApis.GetOrCreate(compilation);
        Scope = MaintenanceCode.GetOrCreate(compilation, options);
        Guards = ContainmentGuards.Create(Known, options);
        Paths = PathValue.Create(compilation);
    }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public KnownSymbols Known { get; }

    public DeleteApis Deletes { get; }

    public MaintenanceCode Scope { get; }

    /// <summary>Whether a path is absolute or relative (PS0001's classification).</summary>
    public PathValue Paths { get; }

    /// <summary>What counts as a containment guard (see the class comment of ContainmentGuards for its API).</summary>
    public ContainmentGuards Guards { get; }

    /// <summary>
    /// The flow-sensitive guard analysis of the operation block the context's operation is in: one instance per
    /// block (keyed by its control-flow graph, which the driver builds once and only when asked), shared by every
    /// delete rule. Null for code the compiler cannot turn into a graph.
    /// </summary>
    public GuardFlow? GetGuardFlow(OperationAnalysisContext context)
    {
        var graph = ControlFlowGraphs.FromDriver(context);
        if (graph is null)
        {
            return null;
        }

        return _flows.GetValue(graph, g => new GuardFlow(Guards, g, DeleteTargets(g.OriginalOperation)));
    }

    /// <summary>What the block's deletes delete: the only values the delete rules ask its guard flow about.</summary>
    private List<IOperation> DeleteTargets(IOperation root)
    {
        var targets = new List<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && DeleteApis.MayBeDelete(invocation.TargetMethod)
                && Deletes.TryGetDeleteSite(invocation, out var site) && site is not null)
            {
                targets.Add(site.Target.ConditionalReceiver() ?? site.Target);
            }
        }

        return targets;
    }
}
