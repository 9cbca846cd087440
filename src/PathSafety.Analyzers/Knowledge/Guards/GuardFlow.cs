using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge.Guards
{
    /// <summary>
    /// Flow-sensitive "has the deleted value passed a guard on every path to the delete": a forward
    /// must-analysis over the control-flow graph of one operation block (facts are intersected where paths
    /// meet, a branch edge adds what its condition proves, an assignment kills what was known about its
    /// target). One instance per operation block; each graph is analysed at most once, on the first query.
    /// Lambdas and local functions are analysed as bodies of their own: a guard outside them does not count.
    /// </summary>
    internal sealed class GuardFlow
    {
        private static readonly ImmutableHashSet<GuardFact> Nothing = ImmutableHashSet<GuardFact>.Empty;

        private readonly ContainmentGuards _guards;
        private readonly object _gate = new object();
        private readonly Dictionary<ControlFlowGraph, GraphFacts> _graphs = new Dictionary<ControlFlowGraph, GraphFacts>();
        private Dictionary<ISymbol, IOperation>? _foreachCollections;

        public GuardFlow(ContainmentGuards guards)
        {
            _guards = guards;
        }

        /// <summary>
        /// Whether the value <paramref name="selectValue"/> picks from the call <paramref name="call"/> (an
        /// operation of the original tree) is contained where the call runs. Null when the call cannot be
        /// found in the graph (broken code): callers stay silent then.
        /// </summary>
        public bool? IsContainedAt(IInvocationOperation call, ControlFlowGraph root, Func<IInvocationOperation, IOperation?> selectValue)
        {
            lock (_gate)
            {
                _foreachCollections ??= CollectForeachCollections(root.OriginalOperation);
                if (!TryLocate(root, call.Syntax, out var graph, out var block, out var index, out var flowCall))
                {
                    return null;
                }

                var facts = GetFacts(graph);
                var state = facts.StateBefore(block, index);
                if (state is null)
                {
                    // Unreachable code deletes nothing.
                    return true;
                }

                var value = selectValue(flowCall);
                if (value is null)
                {
                    return null;
                }

                value = ResolveCapture(graph, value);
                return _guards.IsContainedValue(value, state) || IsCreatedFromContained(graph, value, state);
            }
        }

        /// <summary>'info?.Delete()' reads a capture of 'info': the value captured, when only one capture has that id.</summary>
        private static IOperation ResolveCapture(ControlFlowGraph graph, IOperation value)
        {
            if (ContainmentGuards.Unwrap(value) is not IFlowCaptureReferenceOperation reference)
            {
                return value;
            }

            IOperation? captured = null;
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IFlowCaptureOperation capture && capture.Id.Equals(reference.Id))
                    {
                        if (captured is not null)
                        {
                            return value;
                        }

                        captured = capture.Value;
                    }
                }
            }

            return captured ?? value;
        }

        /// <summary>'var info = new FileInfo(path); … info.Delete()': the path the only assignment gave the local.</summary>
        private bool IsCreatedFromContained(ControlFlowGraph graph, IOperation value, ImmutableHashSet<GuardFact> state)
        {
            if (ContainmentGuards.SymbolOf(value) is not ILocalSymbol local || !_guards.IsInfoType(local.Type))
            {
                return false;
            }

            IOperation? only = null;
            var count = 0;
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var (symbol, assigned) in Writes(operation))
                    {
                        if (SymbolEqualityComparer.Default.Equals(symbol, local))
                        {
                            only = assigned;
                            count++;
                        }
                    }
                }
            }

            return count == 1
                   && ContainmentGuards.Unwrap(only) is IObjectCreationOperation creation
                   && creation.Arguments.Length > 0
                   && _guards.IsContainedValue(creation.Arguments[0].Value, state);
        }

        private GraphFacts GetFacts(ControlFlowGraph graph)
        {
            if (!_graphs.TryGetValue(graph, out var facts))
            {
                facts = new GraphFacts(this, graph);
                _graphs.Add(graph, facts);
            }

            return facts;
        }

        private static bool TryLocate(ControlFlowGraph graph, SyntaxNode syntax, out ControlFlowGraph found, out BasicBlock block, out int index, out IInvocationOperation call)
        {
            var span = syntax.Span;
            foreach (var candidate in graph.Blocks)
            {
                var operations = candidate.Operations;
                for (var i = 0; i <= operations.Length; i++)
                {
                    var operation = i < operations.Length ? operations[i] : candidate.BranchValue;
                    if (operation is null || !operation.Syntax.Span.Contains(span))
                    {
                        continue;
                    }

                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        if (descendant is IInvocationOperation invocation && invocation.Syntax == syntax)
                        {
                            found = graph;
                            block = candidate;
                            index = i;
                            call = invocation;
                            return true;
                        }

                        if (descendant is IFlowAnonymousFunctionOperation lambda
                            && lambda.Syntax.Span.Contains(span)
                            && TryLocate(graph.GetAnonymousFunctionControlFlowGraph(lambda), syntax, out found, out block, out index, out call))
                        {
                            return true;
                        }
                    }
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                foreach (var reference in localFunction.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == syntax.SyntaxTree
                        && reference.Span.Contains(span)
                        && TryLocate(graph.GetLocalFunctionControlFlowGraph(localFunction), syntax, out found, out block, out index, out call))
                    {
                        return true;
                    }
                }
            }

            found = graph;
            block = null!;
            index = 0;
            call = null!;
            return false;
        }

        private static Dictionary<ISymbol, IOperation> CollectForeachCollections(IOperation? root)
        {
            var map = new Dictionary<ISymbol, IOperation>(SymbolEqualityComparer.Default);
            if (root is null)
            {
                return map;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation declarator } loop)
                {
                    map[declarator.Symbol] = loop.Collection;
                }
            }

            return map;
        }

        /// <summary>Locals and parameters an operation writes, with the value for a plain assignment (else null).</summary>
        internal static IEnumerable<(ISymbol Symbol, IOperation? Value)> Writes(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case ISimpleAssignmentOperation assignment when ContainmentGuards.SymbolOf(assignment.Target) is { } target:
                        yield return (target, assignment.IsRef ? null : assignment.Value);
                        break;
                    case ICompoundAssignmentOperation compound when ContainmentGuards.SymbolOf(compound.Target) is { } target:
                        yield return (target, null);
                        break;
                    case IIncrementOrDecrementOperation increment when ContainmentGuards.SymbolOf(increment.Target) is { } target:
                        yield return (target, null);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var part in deconstruction.Target.DescendantsAndSelf())
                        {
                            if (ContainmentGuards.SymbolOf(part) is { } target)
                            {
                                yield return (target, null);
                            }
                        }

                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when ContainmentGuards.SymbolOf(argument.Value) is { } target:
                        yield return (target, null);
                        break;
                }
            }
        }

        internal ImmutableHashSet<GuardFact> Transfer(ImmutableHashSet<GuardFact> state, IOperation operation)
        {
            List<GuardFact>? proven = null;
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IInvocationOperation invocation && ProvenByCall(invocation, state) is { } symbol)
                {
                    (proven ??= new List<GuardFact>()).Add(new GuardFact(GuardFactKind.Contained, symbol));
                }
            }

            foreach (var (symbol, value) in Writes(operation))
            {
                var gained = Gen(symbol, value, state);
                var killed = state.ToBuilder();
                foreach (var fact in state)
                {
                    if (fact.Mentions(symbol))
                    {
                        killed.Remove(fact);
                    }
                }

                killed.UnionWith(gained);
                state = killed.ToImmutable();
            }

            if (proven is not null)
            {
                state = state.Union(proven);
            }

            return ContainmentGuards.Close(state);
        }

        /// <summary>A throwing guard call ('EnsureWithin(root, p);') or creating a freshly named path proves it contained.</summary>
        private ISymbol? ProvenByCall(IInvocationOperation invocation, ImmutableHashSet<GuardFact> state)
        {
            var kind = _guards.Methods.TryGetGuardCall(invocation, out var guarded);
            if (kind == GuardMethodKind.Throwing || (kind == GuardMethodKind.ReturnsPath && invocation.Parent is IExpressionStatementOperation))
            {
                return ContainmentGuards.SymbolOf(guarded);
            }

            if (invocation.Arguments.Length > 0
                && _guards.IsCreation(invocation.TargetMethod)
                && ContainmentGuards.SymbolOf(invocation.Arguments[0].Value) is { } created
                && state.Contains(new GuardFact(GuardFactKind.FreshName, created)))
            {
                return created;
            }

            return null;
        }

        private List<GuardFact> Gen(ISymbol symbol, IOperation? value, ImmutableHashSet<GuardFact> state)
        {
            var gained = new List<GuardFact>();
            if (_foreachCollections is not null
                && _foreachCollections.TryGetValue(symbol, out var collection)
                && _guards.IsSpecificEnumeration(collection))
            {
                gained.Add(new GuardFact(GuardFactKind.Contained, symbol));
            }

            if (value is null)
            {
                return gained;
            }

            if (_guards.IsContainedValue(value, state))
            {
                gained.Add(new GuardFact(GuardFactKind.Contained, symbol));
            }
            else if (_guards.IsFreshName(value))
            {
                gained.Add(new GuardFact(GuardFactKind.FreshName, symbol));
            }

            if (ContainmentGuards.Unwrap(value) is IInvocationOperation relative
                && _guards.IsRelativePathCall(relative)
                && ContainmentGuards.SymbolOf(relative.Arguments[1].Value) is { } target)
            {
                gained.Add(new GuardFact(GuardFactKind.RelativePathOf, symbol, target));
            }

            if (symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean })
            {
                AddBoolFacts(symbol, value, true, GuardFactKind.TrueMeansContained, state, gained);
                AddBoolFacts(symbol, value, false, GuardFactKind.FalseMeansContained, state, gained);
            }

            return gained;
        }

        private void AddBoolFacts(ISymbol symbol, IOperation value, bool outcome, GuardFactKind kind, ImmutableHashSet<GuardFact> state, List<GuardFact> gained)
        {
            var facts = new List<GuardFact>();
            _guards.GetConditionFacts(value, outcome, state, facts);
            foreach (var fact in facts)
            {
                if (fact.Kind == GuardFactKind.Contained && !SymbolEqualityComparer.Default.Equals(fact.Subject, symbol))
                {
                    gained.Add(new GuardFact(kind, symbol, fact.Subject));
                }
            }
        }

        internal ImmutableHashSet<GuardFact> Branch(ImmutableHashSet<GuardFact> state, IOperation condition, bool value)
        {
            var facts = new List<GuardFact>();
            _guards.GetConditionFacts(condition, value, state, facts);
            return facts.Count == 0 ? state : ContainmentGuards.Close(state.Union(facts));
        }

        internal static ImmutableHashSet<GuardFact> Meet(ImmutableHashSet<GuardFact>? left, ImmutableHashSet<GuardFact> right)
            => left is null ? right : left.Intersect(right);

        internal static ImmutableHashSet<GuardFact> Empty => Nothing;
    }
}
