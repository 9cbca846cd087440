using System.Collections.Immutable;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// The fixed point of <see cref="GuardFlow"/>'s analysis for one graph: the facts at the start of every
/// basic block (null for a block no path reaches).
/// </summary>
internal sealed class GraphFacts
{
    // The lattice is finite and facts only shrink once a block is reached; the cap guards against mistakes.
    private const int MaxPasses = 64;

    private readonly GuardFlow _flow;
    private readonly ControlFlowGraph _graph;
    private readonly System.Func<Microsoft.CodeAnalysis.IOperation, Microsoft.CodeAnalysis.ISymbol?> _resolveCapture;
    private readonly ImmutableHashSet<GuardFact>?[] _in;
    private readonly ImmutableHashSet<GuardFact>?[] _outFallThrough;
    private readonly ImmutableHashSet<GuardFact>?[] _outConditional;
    private readonly bool _converged;

    public GraphFacts(GuardFlow flow, ControlFlowGraph graph)
    {
        _flow = flow;
        _graph = graph;
        _resolveCapture = Values.ValueWrites.CaptureResolver(graph);
        var count = graph.Blocks.Length;
        _in = new ImmutableHashSet<GuardFact>?[count];
        _outFallThrough = new ImmutableHashSet<GuardFact>?[count];
        _outConditional = new ImmutableHashSet<GuardFact>?[count];
        _converged = Solve();
    }

    /// <summary>The facts just before operation <paramref name="index"/> of the block (its branch value when index is past the operations).</summary>
    public ImmutableHashSet<GuardFact>? StateBefore(BasicBlock block, int index)
    {
        if (!_converged)
        {
            return GuardFlow.Empty;
        }

        var state = _in[block.Ordinal];
        if (state is null)
        {
            return null;
        }

        for (var i = 0; i < index && i < block.Operations.Length; i++)
        {
            state = _flow.Transfer(state, block.Operations[i], _resolveCapture);
        }

        return state;
    }

    /// <summary>The facts along the block's fall-through or conditional edge, after its branch condition; null when unreached.</summary>
    public ImmutableHashSet<GuardFact>? StateOnEdge(BasicBlock block, bool conditional)
    {
        if (!_converged)
        {
            return GuardFlow.Empty;
        }

        return conditional ? _outConditional[block.Ordinal] : _outFallThrough[block.Ordinal];
    }

    private bool Solve()
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            foreach (var block in _graph.Blocks)
            {
                var input = block.Kind == BasicBlockKind.Entry ? GuardFlow.Empty : Incoming(block);
                if (input is null)
                {
                    continue;
                }

                var previous = _in[block.Ordinal];
                if (previous is not null && previous.SetEquals(input))
                {
                    continue;
                }

                _in[block.Ordinal] = input;
                Propagate(block, input);
                changed = true;
            }

            if (!changed)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableHashSet<GuardFact>? Incoming(BasicBlock block)
    {
        ImmutableHashSet<GuardFact>? result = null;
        foreach (var branch in block.Predecessors)
        {
            var source = branch.Source.Ordinal;
            var edge = branch.IsConditionalSuccessor ? _outConditional[source] : _outFallThrough[source];
            if (edge is not null)
            {
                result = GuardFlow.Meet(result, edge);
            }
        }

        return result ?? HandlerEntry(block);
    }

    /// <summary>
    /// A catch or finally block is entered from anywhere in its try: what holds at the start and the end
    /// of every block of the try region.
    /// </summary>
    private ImmutableHashSet<GuardFact>? HandlerEntry(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (region.Kind is not (ControlFlowRegionKind.Catch or ControlFlowRegionKind.Finally or ControlFlowRegionKind.Filter))
            {
                continue;
            }

            var parent = region.EnclosingRegion;
            if (parent?.Kind == ControlFlowRegionKind.FilterAndHandler)
            {
                parent = parent.EnclosingRegion;
            }

            if (parent is null || parent.NestedRegions.Length == 0 || parent.NestedRegions[0].Kind != ControlFlowRegionKind.Try)
            {
                return GuardFlow.Empty;
            }

            var tryRegion = parent.NestedRegions[0];
            ImmutableHashSet<GuardFact>? result = null;
            for (var ordinal = tryRegion.FirstBlockOrdinal; ordinal <= tryRegion.LastBlockOrdinal; ordinal++)
            {
                result = MeetIfReached(result, _in[ordinal]);
                result = MeetIfReached(result, _outFallThrough[ordinal]);
                result = MeetIfReached(result, _outConditional[ordinal]);
            }

            return WithClaims(result ?? GuardFlow.Empty, tryRegion);
        }

        return null;
    }

    /// <summary>
    /// A file the try overwrites on every normal exit ('File.Create(p)', 'FileMode.Create'), held in a local or
    /// parameter the try never writes, is the handler's to delete as a file (<see cref="GuardFactKind.Claimed"/>):
    /// either the try overwrote it, or it failed before, when the file there was one a normal run would have
    /// replaced anyway. The delete loses nothing a successful run would not (docs/guards.md, "Provenance").
    /// </summary>
    private ImmutableHashSet<GuardFact> WithClaims(ImmutableHashSet<GuardFact> entry, ControlFlowRegion tryRegion)
    {
        ImmutableHashSet<GuardFact>? exits = null;
        for (var ordinal = tryRegion.FirstBlockOrdinal; ordinal <= tryRegion.LastBlockOrdinal; ordinal++)
        {
            var block = _graph.Blocks[ordinal];
            if (Leaves(block.FallThroughSuccessor, tryRegion))
            {
                exits = MeetIfReached(exits, _outFallThrough[ordinal]);
            }

            if (Leaves(block.ConditionalSuccessor, tryRegion))
            {
                exits = MeetIfReached(exits, _outConditional[ordinal]);
            }
        }

        if (exits is null || exits.IsEmpty)
        {
            return entry;
        }

        foreach (var fact in exits)
        {
            if (fact.Kind == GuardFactKind.Overwritten && !IsWrittenIn(fact.Subject, tryRegion))
            {
                entry = entry.Add(new GuardFact(GuardFactKind.Claimed, fact.Subject));
            }
        }

        return entry;
    }

    /// <summary>A normal way out of the region: a branch to a block outside it (not a throw, whose destination is null).</summary>
    private static bool Leaves(ControlFlowBranch? branch, ControlFlowRegion region)
        => branch?.Destination is { } destination
           && (destination.Ordinal < region.FirstBlockOrdinal || destination.Ordinal > region.LastBlockOrdinal);

    private bool IsWrittenIn(Microsoft.CodeAnalysis.ISymbol symbol, ControlFlowRegion region)
    {
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            var block = _graph.Blocks[ordinal];
            foreach (var operation in block.Operations)
            {
                foreach (var write in Values.ValueWrites.In(operation))
                {
                    if (Microsoft.CodeAnalysis.SymbolEqualityComparer.Default.Equals(write.Target, symbol))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static ImmutableHashSet<GuardFact>? MeetIfReached(ImmutableHashSet<GuardFact>? result, ImmutableHashSet<GuardFact>? state)
        => state is null ? result : GuardFlow.Meet(result, state);

    private void Propagate(BasicBlock block, ImmutableHashSet<GuardFact> input)
    {
        var state = input;
        foreach (var operation in block.Operations)
        {
            state = _flow.Transfer(state, operation, _resolveCapture);
        }

        var condition = block.BranchValue;
        if (condition is not null)
        {
            state = _flow.Transfer(state, condition, _resolveCapture);
        }

        if (condition is null || block.ConditionKind == ControlFlowConditionKind.None)
        {
            _outFallThrough[block.Ordinal] = state;
            _outConditional[block.Ordinal] = state;
            return;
        }

        var jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        _outConditional[block.Ordinal] = _flow.Branch(state, condition, jumpsWhen);
        _outFallThrough[block.Ordinal] = _flow.Branch(state, condition, !jumpsWhen);
    }
}
