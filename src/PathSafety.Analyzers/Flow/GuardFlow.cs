using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// Flow-sensitive "has the deleted value passed a guard on every path to the delete": a forward
/// must-analysis over the control-flow graph of one operation block (facts are intersected where paths
/// meet, a branch edge adds what its condition proves, an assignment kills what was known about its
/// target). One instance per operation block (DeleteRuleContext.GetGuardFlow); each graph — the block's,
/// its lambdas', its local functions' — is analysed at most once, on the first query that needs it.
/// Lambdas and local functions are analysed as bodies of their own: a guard outside them counts only for a
/// captured value the method never reassigns.
/// <para>
/// For other rules: <see cref="IsContainedAt"/> answers "is this value contained where this call runs"
/// (for example a delete's path, or the element a delete loop deletes).
/// </para>
/// </summary>
internal sealed partial class GuardFlow
{
    private static readonly ImmutableHashSet<GuardFact> Nothing = ImmutableHashSet<GuardFact>.Empty;

    private readonly ContainmentGuards _guards;
    private readonly ControlFlowGraph _graph;

    // Operation actions of one block may run concurrently; the lazily solved graphs are shared.
    private readonly object _gate = new object();
    private readonly Dictionary<ControlFlowGraph, GraphFacts> _graphs = new Dictionary<ControlFlowGraph, GraphFacts>();
    private IOperation? _root;
    private Dictionary<ISymbol, IOperation>? _foreachCollections;

    // Whether a foreach variable's collection holds only folder entries: asked on every pass of the dataflow, traced once.
    private readonly Dictionary<ISymbol, bool> _folderEntryLoops = new Dictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, bool> _constantNameLoops = new Dictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

    // The values the block's queries will ask about (its deletes' targets), when known; then only the locals and
    // parameters tied to them (RelevantSymbols) gain facts, and calls on anything else are not summarised.
    private readonly IReadOnlyList<IOperation>? _subjects;
    private HashSet<ISymbol>? _relevant;

    public GuardFlow(ContainmentGuards guards, ControlFlowGraph root, IReadOnlyList<IOperation>? subjects = null)
    {
        _guards = guards;
        _graph = root;
        _subjects = subjects;
    }

    /// <summary>
    /// Whether the value <paramref name="selectValue"/> picks from the call <paramref name="call"/> (an
    /// operation of the original tree) is contained where the call runs. Null when the call cannot be
    /// found in the graph (broken code): callers stay silent then. For a file delete
    /// (<paramref name="deletesFile"/>) a direct child of a known folder is enough: the names that would leave it
    /// ("", ".", "..") name folders, which a file delete cannot remove.
    /// </summary>
    public bool? IsContainedAt(IInvocationOperation call, Func<IInvocationOperation, IOperation?> selectValue, bool deletesFile = false)
    {
        lock (_gate)
        {
            _root ??= _graph.OriginalOperation;
            _foreachCollections ??= CollectForeachCollections(_root);
            if (_subjects is not null && _relevant is null && _root is not null)
            {
                _relevant = RelevantSymbols.Of(_root, _subjects);
            }

            var enclosing = new List<Location>();
            if (!TryLocate(_graph, call.Syntax, enclosing, out var here))
            {
                return null;
            }

            var state = GetFacts(here.Graph).StateBefore(here.Block, here.Index);
            if (state is null)
            {
                // Unreachable code deletes nothing.
                return true;
            }

            var value = here.Call is null ? null : selectValue(here.Call);
            if (value is null)
            {
                return null;
            }

            value = ResolveCapture(here.Graph, value);
            return _guards.IsContainedValue(value, state)
                   || (deletesFile && (_guards.IsDirectChildValue(value, state) || IsClaimed(value, state)))
                   || IsCreatedFromContained(here.Graph, value, state)
                   || IsCapturedContained(value, enclosing);
        }
    }

    private static bool IsClaimed(IOperation value, ImmutableHashSet<GuardFact> state)
        => ContainmentGuards.SymbolOf(value) is { } symbol && state.Contains(new GuardFact(GuardFactKind.Claimed, symbol));

    /// <summary>'info?.Delete()' reads a capture of 'info': the value captured, when only one capture has that id.</summary>
    private static IOperation ResolveCapture(ControlFlowGraph graph, IOperation value)
    {
        if (value.WithoutConversions() is not IFlowCaptureReferenceOperation reference)
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
                foreach (var write in ValueWrites.In(operation))
                {
                    if (SymbolEqualityComparer.Default.Equals(write.Target, local))
                    {
                        only = write.Value;
                        count++;
                    }
                }
            }
        }

        return count == 1
               && only?.WithoutConversions() is IObjectCreationOperation creation
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

    /// <summary>
    /// Finds the graph's copy of the call, descending into lambdas and local functions; <paramref name="enclosing"/>
    /// receives where each enclosing lambda or local function sits in its outer graph.
    /// </summary>
    private static bool TryLocate(ControlFlowGraph graph, SyntaxNode syntax, List<Location> enclosing, out Location found)
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
                        found = new Location(graph, candidate, i, isLambda: false, invocation);
                        return true;
                    }

                    if (descendant is IMethodReferenceOperation reference && reference.Syntax == syntax)
                    {
                        // A local function turned into a delegate (IsContainedAtEveryUse).
                        found = new Location(graph, candidate, i, isLambda: false, call: null);
                        return true;
                    }

                    if (descendant is IFlowAnonymousFunctionOperation lambda && lambda.Syntax.Span.Contains(span))
                    {
                        enclosing.Add(new Location(graph, candidate, i, isLambda: true, call: null));
                        if (TryLocate(graph.GetAnonymousFunctionControlFlowGraph(lambda), syntax, enclosing, out found))
                        {
                            return true;
                        }

                        enclosing.RemoveAt(enclosing.Count - 1);
                    }
                }
            }
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            foreach (var reference in localFunction.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != syntax.SyntaxTree || !reference.Span.Contains(span))
                {
                    continue;
                }

                // A local function has no creation point to borrow facts from: its uses decide (IsContainedAtEveryUse).
                enclosing.Add(new Location(graph, graph.Blocks[0], 0, isLambda: false, call: null, localFunction));
                if (TryLocate(graph.GetLocalFunctionControlFlowGraph(localFunction), syntax, enclosing, out found))
                {
                    return true;
                }

                enclosing.RemoveAt(enclosing.Count - 1);
            }
        }

        found = default;
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

    internal static ImmutableHashSet<GuardFact> Meet(ImmutableHashSet<GuardFact>? left, ImmutableHashSet<GuardFact> right)
    {
        // Most states are empty or the same instance along both edges; Intersect would build a new set anyway.
        if (left is null || ReferenceEquals(left, right))
        {
            return right;
        }

        return left.IsEmpty || right.IsEmpty ? Nothing : left.Intersect(right);
    }

    internal static ImmutableHashSet<GuardFact> Empty => Nothing;

    /// <summary>Where an operation sits: a graph, a block, and the index of the block operation (or branch value) holding it.</summary>
    private readonly struct Location
    {
        public Location(ControlFlowGraph graph, BasicBlock block, int index, bool isLambda, IInvocationOperation? call,
            IMethodSymbol? localFunction = null)
        {
            Graph = graph;
            Block = block;
            Index = index;
            IsLambda = isLambda;
            Call = call;
            LocalFunction = localFunction;
        }

        /// <summary>For the entry of a local function's body: that local function.</summary>
        public IMethodSymbol? LocalFunction { get; }

        public ControlFlowGraph Graph { get; }

        public BasicBlock Block { get; }

        public int Index { get; }

        public bool IsLambda { get; }

        public IInvocationOperation? Call { get; }
    }
}
