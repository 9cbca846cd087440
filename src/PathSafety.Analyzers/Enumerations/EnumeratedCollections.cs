using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Enumerations;

/// <summary>
/// Where the elements of a collection come from, when every one of them is an entry of a folder enumeration: the
/// enumeration itself, LINQ operators that keep entries (filters are recorded, 'OrderBy(…).Skip(n)' is not one), a local
/// written with such collections, a List or array the entries were added to ('list.Add(f)' in a loop over an
/// enumeration, 'list.AddRange(…)', 'array[i] = f') as long as the collection is handed to nothing that could add others,
/// and a helper of the compilation that returns such a collection (<see cref="EnumeratingHelpers"/>).
/// </summary>
internal static class EnumeratedCollections
{
    private const int MaxDepth = 8;

    /// <summary>
    /// Adds to <paramref name="results"/> one element per way an entry reaches <paramref name="collection"/>; false
    /// when some element may be anything else (then the results are meaningless).
    /// </summary>
    public static bool Trace(IOperation? collection, EntryTrail trail, List<EnumeratedElement> results, EnumerationApis apis, int depth)
    {
        if (collection is null || depth-- <= 0)
        {
            return false;
        }

        collection = collection.WithoutConversions();
        switch (collection)
        {
            case ILocalReferenceOperation local:
                return TraceLocal(local, trail, results, apis, depth);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Trace(conditional.WhenTrue, trail, results, apis, depth) && Trace(whenFalse, trail, results, apis, depth);
            case ICoalesceOperation coalesce:
                return Trace(coalesce.Value, trail, results, apis, depth) && Trace(coalesce.WhenNull, trail, results, apis, depth);
            case ILiteralOperation or IDefaultValueOperation when collection.ConstantValue is { HasValue: true, Value: null }:
                return true;
            case IArrayCreationOperation array:
                return array.Initializer is null || TraceEntries(array.Initializer.ElementValues, array, trail, results, apis, depth);
            case IObjectCreationOperation creation when IsCollection(creation.Type):
                return TraceCreation(creation, trail, results, apis, depth);
            case IInvocationOperation invocation when KnownSymbols.Is(invocation.TargetMethod.ContainingType, apis.Known.Enumerable):
                return ThroughLinq(invocation, trail, results, apis, depth);
            case IInvocationOperation invocation when EnumerationSource.TryCreate(invocation, apis) is { } source:
                results.Add(trail.Complete(source));
                return true;
            case IInvocationOperation invocation:
                return EnumeratingHelpers.GetOrCreate(apis).Trace(invocation, trail, results, depth);
            default:
                return false;
        }
    }

    /// <summary>
    /// Every element of <paramref name="collection"/> is an entry of an enumeration whose pattern stays in its folder,
    /// or a value put in the collection one by one that <paramref name="isContained"/> accepts ('list.Add(Path.Combine(
    /// root, "x.pid"))' next to the entries); at least one element is an entry.
    /// </summary>
    public static bool StayInFolders(IOperation collection, EnumerationApis apis, Func<IOperation, bool> isContained)
    {
        var results = new List<EnumeratedElement>();
        // Only the sources are read here: the trail's element and body stand for nothing.
        if (!Trace(collection, EntryTrail.Start(apis.Array, collection).Accepting(isContained), results, apis, MaxDepth) || results.Count == 0)
        {
            return false;
        }

        foreach (var element in results)
        {
            if (!element.Source.StaysInFolder)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One element put into a collection ('list.Add(f)', 'yield return f', '{ f }') by <paramref name="store"/>: an
    /// entry when it is the element of a loop over a collection whose elements are all entries.
    /// </summary>
    public static bool TraceEntry(IOperation? value, IOperation store, EntryTrail trail, List<EnumeratedElement> results, EnumerationApis apis,
        int depth)
    {
        if (value is null || depth <= 0)
        {
            return false;
        }

        if (EnumeratedElements.ElementReference(value, apis, depth) is not { } reference
            || EnumeratedElements.LoopOf(reference, apis) is not { } loop)
        {
            return trail.Accepts(value);
        }

        return Trace(loop.Collection, trail.WithLoop(new EarlierLoop(loop.Element, loop.Body, store)), results, apis, depth - 1);
    }

    private static bool TraceEntries(ImmutableArray<IOperation> values, IOperation store, EntryTrail trail, List<EnumeratedElement> results,
        EnumerationApis apis, int depth)
    {
        foreach (var value in values)
        {
            if (!TraceEntry(value, store, trail, results, apis, depth))
            {
                return false;
            }
        }

        return true;
    }

    // Every value the local is assigned, and, for a collection, every element added to it in its scope.
    private static bool TraceLocal(ILocalReferenceOperation local, EntryTrail trail, List<EnumeratedElement> results, EnumerationApis apis,
        int depth)
    {
        if (trail.IsTracing(local.Local))
        {
            // 'files = files.Concat(more)': the local's earlier contents are the values being traced already.
            return true;
        }

        if (LocalAssignments.GetAssignedValues(local, out var values) != AssignedValuesKind.Found)
        {
            return false;
        }

        trail = trail.Tracing(local.Local);

        foreach (var value in values)
        {
            if (!Trace(value, trail, results, apis, depth))
            {
                return false;
            }
        }

        if (!IsCollection(local.Type))
        {
            return true;
        }

        if (LocalAssignments.GetElementWrites(local, out var writes) == AssignedValuesKind.Uncertain)
        {
            return false;
        }

        foreach (var write in writes)
        {
            var traced = write.Kind == ValueWriteKind.AddsElements
                ? Trace(write.Value, trail, results, apis, depth)
                : TraceEntry(write.Value, write.Operation, trail, results, apis, depth);
            if (!traced)
            {
                return false;
            }
        }

        return true;
    }

    // 'new List<string>()', 'new List<string>(entries)', 'new List<string> { a, b }'.
    private static bool TraceCreation(IObjectCreationOperation creation, EntryTrail trail, List<EnumeratedElement> results, EnumerationApis apis,
        int depth)
    {
        foreach (var argument in creation.Arguments)
        {
            var isCapacity = argument.Value.Type?.SpecialType == SpecialType.System_Int32;
            if (!isCapacity && !Trace(argument.Value, trail, results, apis, depth))
            {
                return false;
            }
        }

        if (creation.Initializer is null)
        {
            return true;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is not IInvocationOperation { Arguments.Length: 1 } add
                || !TraceEntry(add.Arguments[0].Value, add, trail, results, apis, depth))
            {
                return false;
            }
        }

        return true;
    }

    // A LINQ operator that keeps the enumerated entries, recording the predicates that filter them.
    private static bool ThroughLinq(IInvocationOperation invocation, EntryTrail trail, List<EnumeratedElement> results, EnumerationApis apis,
        int depth)
    {
        var arguments = invocation.Arguments;
        if (arguments.Length == 0)
        {
            return false;
        }

        var source = arguments[0].Value;
        switch (invocation.TargetMethod.Name)
        {
            case var filter when LinqOperators.FiltersByPredicate(filter) && arguments.Length == 2:
                return Trace(source, trail.WithPredicate(EnumeratedElements.LambdaOrSelf(arguments[1].Value)), results, apis, depth);
            case "Select" when arguments.Length == 2:
                return EnumeratedElements.LambdaOrSelf(arguments[1].Value) is IAnonymousFunctionOperation selector
                       && EnumeratedElements.KeepsElement(selector, apis)
                       && Trace(source, trail, results, apis, depth);
            case "Concat" or "Union" when arguments.Length == 2:
                return Trace(source, trail, results, apis, depth) && Trace(arguments[1].Value, trail, results, apis, depth);
            case "Append" or "Prepend" when arguments.Length == 2:
                return Trace(source, trail, results, apis, depth) && TraceEntry(arguments[1].Value, invocation, trail, results, apis, depth);
            case var name when LinqOperators.KeepsSourceElements(name) && !LinqOperators.FiltersByPredicate(name):
                return Trace(source, trail, results, apis, depth);
            default:
                return false;
        }
    }

    /// <summary>An array, or a type of System.Collections.Generic (List, HashSet, IEnumerable…): what can hold entries.</summary>
    private static bool IsCollection(ITypeSymbol? type)
        => type is IArrayTypeSymbol || KnownSymbols.IsNamespace(type?.ContainingNamespace, "System.Collections.Generic");
}

/// <summary>
/// The part of an entry's way to a delete seen so far, from the delete backwards: the deleting loop's element and body,
/// the LINQ predicates met, and the loops that stored the entry into a collection.
/// </summary>
internal sealed class EntryTrail
{
    private readonly ISymbol _element;
    private readonly IOperation _body;
    private readonly ImmutableArray<IOperation> _predicates;
    private readonly ImmutableArray<EarlierLoop> _loops;
    private readonly ImmutableHashSet<ISymbol> _tracing;
    private readonly Func<IOperation, bool>? _accepts;

    private EntryTrail(ISymbol element, IOperation body, ImmutableArray<IOperation> predicates, ImmutableArray<EarlierLoop> loops,
        ImmutableHashSet<ISymbol> tracing, Func<IOperation, bool>? accepts)
    {
        _element = element;
        _body = body;
        _predicates = predicates;
        _loops = loops;
        _tracing = tracing;
        _accepts = accepts;
    }

    public static EntryTrail Start(ISymbol element, IOperation body)
        => new(element, body, ImmutableArray<IOperation>.Empty, ImmutableArray<EarlierLoop>.Empty,
            ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default), null);

    public EntryTrail WithPredicate(IOperation predicate) => new(_element, _body, _predicates.Add(predicate), _loops, _tracing, _accepts);

    public EntryTrail WithLoop(EarlierLoop loop) => new(_element, _body, _predicates, _loops.Add(loop), _tracing, _accepts);

    /// <summary>The values of <paramref name="local"/> are being traced on this way already.</summary>
    public bool IsTracing(ILocalSymbol local) => _tracing.Contains(local);

    public EntryTrail Tracing(ILocalSymbol local) => new(_element, _body, _predicates, _loops, _tracing.Add(local), _accepts);

    /// <summary>
    /// A trail that also lets through a value stored in the collection that is not an entry but <paramref name="accepts"/>
    /// (asked only whether the elements stay in folders: such a value is no entry for the loop rules).
    /// </summary>
    public EntryTrail Accepting(Func<IOperation, bool> accepts) => new(_element, _body, _predicates, _loops, _tracing, accepts);

    /// <summary>Whether a stored value that is not an entry is let through.</summary>
    public bool Accepts(IOperation value) => _accepts is not null && _accepts(value);

    public EnumeratedElement Complete(EnumerationSource source) => new(source, _element, _body, _predicates, _loops);

    /// <summary>This trail continued by the way an entry took inside a helper (<paramref name="inHelper"/>).</summary>
    public EnumeratedElement Continue(EnumeratedElement inHelper)
        => new(inHelper.Source, _element, _body, _predicates.AddRange(inHelper.Predicates), _loops.AddRange(inHelper.EarlierLoops));
}
