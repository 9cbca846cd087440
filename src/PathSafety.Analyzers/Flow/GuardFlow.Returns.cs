using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Flow;

/// <summary>What holds where a body returns: the question a guard summary asks of a helper's body.</summary>
internal sealed partial class GuardFlow
{
    // '(a && b) || c' captures nest; deeper than this is not followed (and the body is not a guard).
    private const int MaxCaptureDepth = 4;

    /// <summary>
    /// True when <paramref name="holds"/> is true at every reachable normal return of the body (every edge into the
    /// exit block): with the facts along that edge and the returned value (null for a void return). A value the graph split into flow captures
    /// ('return a &amp;&amp; b;') is judged at each place a captured value is computed, with the facts there. Exits by
    /// 'throw' are not returns. False when no return is reachable: a body that always throws proves nothing useful.
    /// </summary>
    public bool AtEveryReturn(Func<ImmutableHashSet<GuardFact>, IOperation?, bool> holds)
    {
        lock (_gate)
        {
            var facts = GetFacts(_graph);
            var reached = false;
            var exit = _graph.Blocks[_graph.Blocks.Length - 1];
            foreach (var edge in exit.Predecessors)
            {
                var block = edge.Source;
                var state = facts.StateOnEdge(block, edge.IsConditionalSuccessor);
                if (state is null)
                {
                    continue;
                }

                // A block that branches on a condition returns no value ('if (ok) return;' in a void method).
                var returned = block.ConditionKind == ControlFlowConditionKind.None ? block.BranchValue : null;
                reached = true;
                if (!Holds(facts, state, returned, holds, MaxCaptureDepth))
                {
                    return false;
                }
            }

            return reached;
        }
    }

    private bool Holds(GraphFacts facts, ImmutableHashSet<GuardFact> state, IOperation? value,
        Func<ImmutableHashSet<GuardFact>, IOperation?, bool> holds, int depth)
    {
        if (value?.WithoutConversions() is not IFlowCaptureReferenceOperation reference)
        {
            return holds(state, value);
        }

        if (depth == 0)
        {
            return false;
        }

        var found = false;
        foreach (var block in _graph.Blocks)
        {
            for (var i = 0; i < block.Operations.Length; i++)
            {
                if (block.Operations[i] is not IFlowCaptureOperation capture || !capture.Id.Equals(reference.Id))
                {
                    continue;
                }

                var before = facts.StateBefore(block, i);
                if (before is null)
                {
                    continue;
                }

                found = true;
                if (!Holds(facts, before, capture.Value, holds, depth - 1))
                {
                    return false;
                }
            }
        }

        return found;
    }
}
