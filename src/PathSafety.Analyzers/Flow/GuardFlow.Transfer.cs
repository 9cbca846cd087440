using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>The transfer function: what one operation, or one branch edge, does to the facts.</summary>
internal sealed partial class GuardFlow
{
    /// <remarks>
    /// Runs for every operation of every block on every solver pass, so it walks the operation once and leaves
    /// the state untouched (no set built, no closure) when the operation neither proves nor writes anything.
    /// </remarks>
    internal ImmutableHashSet<GuardFact> Transfer(ImmutableHashSet<GuardFact> state, IOperation operation,
        System.Func<IOperation, ISymbol?> resolveCapture)
    {
        List<GuardFact>? proven = null;
        List<ValueWrite>? writes = null;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation)
            {
                if (!MayProveRelevant(invocation.Arguments))
                {
                    continue;
                }

                if (ProvenByCall(invocation) is { } symbol)
                {
                    (proven ??= new List<GuardFact>()).Add(new GuardFact(GuardFactKind.Contained, symbol));
                }

                Overwritten(invocation, state, ref proven);
            }
            else if (descendant is IObjectCreationOperation creation)
            {
                // 'new FileStream(path, FileMode.Create)'.
                if (MayProveRelevant(creation.Arguments))
                {
                    Overwritten(creation, state, ref proven);
                }
            }
            else
            {
                ValueWrites.Add(descendant, ref writes, resolveCapture);
            }
        }

        if (proven is null && writes is null)
        {
            return state;
        }

        if (writes is not null)
        {
            foreach (var write in writes)
            {
                var (symbol, value) = (write.Target, write.Value);
                var gained = Gen(symbol, value, state);
                state = Kill(state, symbol);
                if (gained is not null)
                {
                    state = state.Union(gained);
                }
            }
        }

        if (proven is not null)
        {
            state = state.Union(proven);
        }

        return ContainmentGuards.Close(state);
    }

    private static ImmutableHashSet<GuardFact> Kill(ImmutableHashSet<GuardFact> state, ISymbol symbol)
    {
        if (state.IsEmpty)
        {
            return state;
        }

        List<GuardFact>? killed = null;
        foreach (var fact in state)
        {
            if (fact.Mentions(symbol))
            {
                (killed ??= new List<GuardFact>()).Add(fact);
            }
        }

        return killed is null ? state : state.Except(killed);
    }

    /// <summary>
    /// A guard call or a creation proves the local or parameter it is given as an argument: only one tied to the block's
    /// subjects matters.
    /// </summary>
    private bool MayProveRelevant(ImmutableArray<IArgumentOperation> arguments)
    {
        if (_relevant is null)
        {
            return true;
        }

        foreach (var argument in arguments)
        {
            if (ContainmentGuards.SymbolOf(argument.Value) is { } symbol && _relevant.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A throwing guard call ('EnsureWithin(root, p);') proves its argument contained.</summary>
    private ISymbol? ProvenByCall(IInvocationOperation invocation)
    {
        var kind = _guards.Methods.TryGetGuardCall(invocation, out var guarded);
        return kind == GuardMethodKind.Throwing || (kind == GuardMethodKind.ReturnsPath && invocation.Parent is IExpressionStatementOperation)
            ? ContainmentGuards.SymbolOf(guarded)
            : null;
    }

    /// <summary>
    /// A local or parameter the operation overwrites is the method's own from then on (contained), and a handler of
    /// a try that overwrites it on every normal exit may delete it (<see cref="GuardFactKind.Overwritten"/>).
    /// </summary>
    private void Overwritten(IOperation operation, ImmutableHashSet<GuardFact> state, ref List<GuardFact>? proven)
    {
        if (ContainmentGuards.SymbolOf(_guards.GetOverwrittenPath(operation, state)) is { } created)
        {
            (proven ??= new List<GuardFact>()).Add(new GuardFact(GuardFactKind.Contained, created));
            proven.Add(new GuardFact(GuardFactKind.Overwritten, created));
        }
    }

    private bool IsFolderEntryLoop(ISymbol variable, IOperation collection)
    {
        if (!_folderEntryLoops.TryGetValue(variable, out var answer))
        {
            answer = _guards.IsFolderEntryEnumeration(collection);
            _folderEntryLoops[variable] = answer;
        }

        return answer;
    }

    /// <summary>
    /// 'foreach (var d in new[] { "a/b", "c.txt" })', or over a local only ever assigned such arrays and read nowhere
    /// but as a loop's collection (an element write or a callee could change what it holds). Cached per loop variable:
    /// the solver asks on every pass.
    /// </summary>
    private bool IsConstantNameLoop(ISymbol variable, IOperation collection)
    {
        if (!_constantNameLoops.TryGetValue(variable, out var answer))
        {
            answer = ContainmentGuards.IsConstantNameArray(collection)
                     || (IsLocalOnlyAssigned(collection, ContainmentGuards.IsConstantNameArray) && IsOnlyLooped(collection));
            _constantNameLoops[variable] = answer;
        }

        return answer;
    }

    private bool IsLocalOnlyAssigned(IOperation collection, System.Func<IOperation, bool> predicate)
    {
        if (ContainmentGuards.SymbolOf(collection) is not ILocalSymbol local || _root is null)
        {
            return false;
        }

        var assigned = false;
        foreach (var write in ValueWrites.In(_root))
        {
            if (!SymbolEqualityComparer.Default.Equals(write.Target, local))
            {
                continue;
            }

            if (write.Value is null || write.Kind == ValueWriteKind.KeepsOrAssigns || !predicate(write.Value))
            {
                return false;
            }

            assigned = true;
        }

        return assigned;
    }

    private bool IsOnlyLooped(IOperation collection)
    {
        var local = ContainmentGuards.SymbolOf(collection);
        if (local is null || _root is null)
        {
            return false;
        }

        foreach (var operation in _root.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !IsLoopCollection(reference))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLoopCollection(IOperation reference)
    {
        var node = reference;
        while (node.Parent is IConversionOperation conversion)
        {
            node = conversion;
        }

        return node.Parent is IForEachLoopOperation loop && loop.Collection == node;
    }

    /// <summary>What a write gives its target; null (not an empty list) when nothing, the common case.</summary>
    private List<GuardFact>? Gen(ISymbol symbol, IOperation? value, ImmutableHashSet<GuardFact> state)
    {
        if (_relevant is not null && !_relevant.Contains(symbol))
        {
            return null;
        }

        List<GuardFact>? gained = null;
        if (_foreachCollections is not null && _foreachCollections.TryGetValue(symbol, out var collection))
        {
            if (IsFolderEntryLoop(symbol, collection))
            {
                Add(ref gained, new GuardFact(GuardFactKind.Contained, symbol));
            }
            else if (IsConstantNameLoop(symbol, collection))
            {
                Add(ref gained, new GuardFact(GuardFactKind.ConstantName, symbol));
            }
        }

        if (value is null)
        {
            return gained;
        }

        if (_guards.IsContainedValue(value, state))
        {
            Add(ref gained, new GuardFact(GuardFactKind.Contained, symbol));
        }
        else if (_guards.IsDirectChildValue(value, state))
        {
            Add(ref gained, new GuardFact(GuardFactKind.DirectChild, symbol));
        }

        if (value.WithoutConversions() is IInvocationOperation relative
            && _guards.IsRelativePathCall(relative)
            && ContainmentGuards.SymbolOf(relative.Arguments[1].Value) is { } target)
        {
            Add(ref gained, new GuardFact(GuardFactKind.RelativePathOf, symbol, target));
        }

        if (symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean })
        {
            AddBoolFacts(symbol, value, true, GuardFactKind.TrueMeansContained, state, ref gained);
            AddBoolFacts(symbol, value, false, GuardFactKind.FalseMeansContained, state, ref gained);
        }

        return gained;
    }

    private static void Add(ref List<GuardFact>? facts, GuardFact fact) => (facts ??= new List<GuardFact>()).Add(fact);

    private void AddBoolFacts(ISymbol symbol, IOperation value, bool outcome, GuardFactKind kind, ImmutableHashSet<GuardFact> state,
        ref List<GuardFact>? gained)
    {
        var facts = new List<GuardFact>();
        _guards.GetConditionFacts(value, outcome, state, facts);
        foreach (var fact in facts)
        {
            if (fact.Kind == GuardFactKind.Contained && !SymbolEqualityComparer.Default.Equals(fact.Subject, symbol))
            {
                Add(ref gained, new GuardFact(kind, symbol, fact.Subject));
            }
        }
    }

    internal ImmutableHashSet<GuardFact> Branch(ImmutableHashSet<GuardFact> state, IOperation condition, bool value)
    {
        if (_relevant is not null && !RelevantSymbols.Reads(condition, _relevant))
        {
            return state;
        }

        var facts = new List<GuardFact>();
        _guards.GetConditionFacts(condition, value, state, facts);
        return facts.Count == 0 ? state : ContainmentGuards.Close(state.Union(facts));
    }
}
