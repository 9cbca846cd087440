using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Scope;

/// <summary>
/// Methods that are cleanup code by what they delete, whatever their type is named: a method (with its lambdas and
/// local functions) that deletes what a folder enumeration yields; or a delete helper, a method named for deleting
/// (a word of its name is Delete, Remove, Erase, Wipe or Clear: 'DeleteFile', 'ForceDeleteDirectory',
/// 'RemoveFolderIfExists', 'ClearCache') that deletes what its caller passes (a path parameter, a value built from
/// one, the elements of a parameter collection, a FileInfo parameter). Every cleanup funnels through such a helper, so
/// the guard its deletes need belongs in it or in a [PathGuard] it calls. A method that deletes its parameter under
/// another name ('Apply(string path)', 'Handle') is left to the other scope rules: deleting is not what it is for.
/// Lambda parameters do not count (a lambda's parameter is an element of some collection, not the caller's input).
/// Decided once per method with one walk of its operation tree, only for methods a scope question is asked about.
/// Thread-safe.
/// </summary>
internal sealed class DeletingMethods
{
    private static readonly HashSet<string> DeleteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Delete", "Remove", "Erase", "Wipe", "Clear",
    };

    private readonly DeleteApis _deletes;
    private readonly EnumerationApis _enumerations;
    private readonly ConcurrentDictionary<ISymbol, bool> _decided = new(SymbolEqualityComparer.Default);

    public DeletingMethods(DeleteApis deletes, EnumerationApis enumerations)
    {
        _deletes = deletes;
        _enumerations = enumerations;
    }

    /// <summary>True when the method around <paramref name="operation"/> deletes folder entries or its caller's paths.</summary>
    public bool IsCleanupByWhatItDeletes(ISymbol containingSymbol, IOperation operation)
        => _decided.GetOrAdd(NearestNamed(containingSymbol), symbol => Decide(operation.Root(), IsNamedForDeleting(symbol)));

    /// <summary>
    /// A lambda is decided with the method around it: the same body is walked and the same name read, so the many
    /// lambdas of one method share one decision.
    /// </summary>
    private static ISymbol NearestNamed(ISymbol symbol)
    {
        var current = symbol;
        while (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } && current.ContainingSymbol is { } outer)
        {
            current = outer;
        }

        return current;
    }

    private bool Decide(IOperation root, bool namedForDeleting)
    {
        List<DeleteSite>? sites = null;
        List<ValueWrite>? writes = null;
        var loops = false;
        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation && DeleteApis.MayBeDelete(invocation.TargetMethod)
                && _deletes.TryGetDeleteSite(invocation, out var site) && site is not null)
            {
                (sites ??= new List<DeleteSite>()).Add(site);
            }

            // An enumerated entry reaches a delete only through a loop or a delegate run per element.
            loops |= descendant is ILoopOperation or IAnonymousFunctionOperation;
            if (namedForDeleting)
            {
                // Writes matter only for a delete helper's caller-input test: most methods asked about are not one.
                ValueWrites.Add(descendant, ref writes);
            }
        }

        if (sites is null)
        {
            return false;
        }

        if (loops)
        {
            foreach (var site in sites)
            {
                if (!EnumeratedElements.FindAll(site.Target, _enumerations).IsEmpty)
                {
                    return true;
                }
            }
        }

        if (!namedForDeleting)
        {
            return false;
        }

        var fromCaller = LocalsFromCaller(writes);
        foreach (var site in sites)
        {
            if (ReadsCallerInput(site.Target, fromCaller))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Locals written (anywhere in the method) from a value of the caller's input, through chains of locals; a foreach
    /// variable holds the elements of its collection.
    /// </summary>
    private static HashSet<ISymbol> LocalsFromCaller(List<ValueWrite>? writes)
    {
        var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (writes is null)
        {
            return locals;
        }

        // A few rounds reach the chains methods write ('var dir = path; var db = dir + ".db";'), in any order.
        for (var round = 0; round < 4; round++)
        {
            var added = false;
            foreach (var write in writes)
            {
                var source = write.Value ?? LoopOf(write.Operation)?.Collection;
                if (write.Target is ILocalSymbol && source is not null && !locals.Contains(write.Target) && ReadsCallerInput(source, locals))
                {
                    locals.Add(write.Target);
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        return locals;
    }

    private static IForEachLoopOperation? LoopOf(IOperation writer)
        => writer as IForEachLoopOperation ?? writer.Parent as IForEachLoopOperation ?? writer.Parent?.Parent as IForEachLoopOperation;

    /// <summary>The nearest named method around the code (a local function, or the member a lambda is in).</summary>
    private static bool IsNamedForDeleting(ISymbol symbol)
    {
        foreach (var word in MaintenanceWords.SplitPascalCase(NearestNamed(symbol).Name))
        {
            if (DeleteWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsCallerInput(IOperation value, HashSet<ISymbol> fromCaller)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } }:
                    return true;
                case ILocalReferenceOperation local when fromCaller.Contains(local.Local):
                    return true;
            }
        }

        return false;
    }

}
