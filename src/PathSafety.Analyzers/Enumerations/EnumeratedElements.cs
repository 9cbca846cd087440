using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Enumerations;

/// <summary>
/// Finds whether a delete target is an entry a folder enumeration yielded, and which one: 'File.Delete(f)',
/// 'File.Delete(f.FullName)', 'new FileInfo(f).Delete()', 'f.Delete()' where 'f' is the variable of a foreach
/// or the parameter of List.ForEach/Array.ForEach/Parallel.ForEach (or of a helper of the compilation that runs its
/// delegate per element, <see cref="EnumeratingHelpers.LoopedCollection"/>) over the enumeration, possibly through
/// LINQ operators that keep the elements (Where, OrderBy, ToList, a Select to FileInfo...).
/// </summary>
internal static class EnumeratedElements
{
    private const int MaxDepth = 8;

    private static readonly ConditionalWeakTable<IOperation, StrongBox<ImmutableArray<EnumeratedElement>>> Found = new();

    /// <summary>
    /// Every way an enumerated entry reaches <paramref name="target"/>, one per enumeration (and per loop that stored
    /// it); empty when the target is not such an entry, or when some value it may hold comes from anything else.
    /// </summary>
    public static ImmutableArray<EnumeratedElement> FindAll(IOperation target, EnumerationApis apis)
    {
        // The scope test, the broad-loop rule and the protected-file rule each ask about the same delete target.
        if (Found.TryGetValue(target, out var known))
        {
            return known.Value;
        }

        var found = Find(target, apis);
        return Found.GetValue(target, _ => new StrongBox<ImmutableArray<EnumeratedElement>>(found)).Value;
    }

    private static ImmutableArray<EnumeratedElement> Find(IOperation target, EnumerationApis apis)
    {
        if (ElementReference(target, apis, MaxDepth) is not { } reference || LoopOf(reference, apis) is not { } loop)
        {
            return ImmutableArray<EnumeratedElement>.Empty;
        }

        var results = new List<EnumeratedElement>();
        var trail = EntryTrail.Start(loop.Element, loop.Body);
        return EnumeratedCollections.Trace(loop.Collection, trail, results, apis, MaxDepth) && results.Count > 0
            ? results.ToImmutableArray()
            : ImmutableArray<EnumeratedElement>.Empty;
    }

    /// <summary>
    /// The loop that hands out the entry a reference (from <see cref="ElementReference"/>) stands for: the foreach
    /// over the collection, the ForEach-style method running a lambda, or a for/while loop indexing a local array or List.
    /// </summary>
    public static (IOperation Collection, ISymbol Element, IOperation Body)? LoopOf(IOperation reference, EnumerationApis apis) => reference switch
    {
        ILocalReferenceOperation local => FindForEach(local) is { } loop ? (loop.Collection, local.Local, loop.Body) : null,
        IParameterReferenceOperation parameter => FromLambda(parameter, apis),
        { } indexed when IndexedLocal(indexed, apis) is { } array => FromIndexedLoop(indexed, array),
        _ => null,
    };

    /// <summary>
    /// The local or parameter a value stands for when it is that variable, its FullName, a FileInfo/DirectoryInfo
    /// made from it, or its full path; anything else (another file with the same name, say) is not the element.
    /// 'files[i]' on a local array or List stands for itself (see <see cref="IndexedLocal"/>).
    /// </summary>
    public static IOperation? ElementReference(IOperation? value, EnumerationApis apis, int depth)
    {
        while (value is not null && depth-- > 0)
        {
            value = value.WithoutConversions();
            switch (value)
            {
                case IPropertyReferenceOperation { Property.Name: "FullName" } property when apis.IsInfo(property.Instance?.Type):
                    value = property.Instance;
                    break;
                case IObjectCreationOperation creation when apis.IsInfo(creation.Type) && creation.Arguments.Length == 1:
                    value = creation.Arguments[0].Value;
                    break;
                case IInvocationOperation invocation when apis.Known.IsGetFullPath(invocation):
                    value = invocation.Arguments[0].Value;
                    break;
                case IInvocationOperation invocation when RejoinedEntry(invocation, apis, depth) is { } entry:
                    value = entry;
                    break;
                case ILocalReferenceOperation local when FindForEach(local) is null:
                    value = LocalAssignments.TryGetSingleValue(local);
                    if (value is null)
                    {
                        return local;
                    }

                    break;
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                    return value;
                default:
                    return IndexedLocal(value, apis) is null ? null : value;
            }
        }

        return null;
    }

    /// <summary>
    /// 'Path.Combine(dir, Path.GetFileName(f))' where 'f' is the variable of a loop directly over a non-recursive
    /// enumeration of 'dir', and 'dir' (a local or parameter) is never reassigned: the entry itself, re-joined to the
    /// folder it came from. Any other folder, a recursive enumeration (the sub-folder part is lost) or a collection
    /// the entry travelled in is not followed.
    /// </summary>
    private static IOperation? RejoinedEntry(IInvocationOperation combine, EnumerationApis apis, int depth)
    {
        if (!apis.IsPathMethod(combine.TargetMethod, "Combine")
            || combine.Arguments.Length != 2
            || ValueWrites.SymbolOf(combine.Arguments[0].Value) is not { } folder
            || combine.Arguments[1].Value.WithoutConversions() is not IInvocationOperation { Arguments.Length: 1 } name
            || !apis.IsPathMethod(name.TargetMethod, "GetFileName")
            || ElementReference(name.Arguments[0].Value, apis, depth) is not { } entry
            || LoopOf(entry, apis) is not { } loop
            || loop.Collection.WithoutConversions() is not IInvocationOperation enumeration
            || EnumerationSource.TryCreate(enumeration, apis) is not { IsRecursive: false, Folder: { } enumerated }
            || !SymbolEqualityComparer.Default.Equals(ValueWrites.SymbolOf(enumerated), folder)
            || IsReassigned(folder, combine))
        {
            return null;
        }

        return name.Arguments[0].Value;
    }

    // A parameter written anywhere in the method, or a local written more than once.
    private static bool IsReassigned(ISymbol folder, IOperation use)
    {
        var root = use;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var writes = 0;
        foreach (var write in ValueWrites.In(root))
        {
            if (SymbolEqualityComparer.Default.Equals(write.Target, folder))
            {
                writes++;
            }
        }

        return folder is IParameterSymbol ? writes > 0 : writes != 1;
    }

    /// <summary>The local array or List that 'files[i]' indexes, or null for any other value.</summary>
    public static ILocalSymbol? IndexedLocal(IOperation value, EnumerationApis apis) => value switch
    {
        IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array, Indices.Length: 1 } => array.Local,
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation list } when KnownSymbols.Is(list.Type, apis.List)
            => list.Local,
        _ => null,
    };

    // 'for (var i = 0; i < files.Length; i++) File.Delete(files[i]);': the loop body runs per element.
    private static (IOperation Collection, ISymbol Element, IOperation Body)? FromIndexedLoop(IOperation indexed, ILocalSymbol array)
    {
        for (var parent = indexed.Parent; parent is not null && parent is not IAnonymousFunctionOperation; parent = parent.Parent)
        {
            if (parent is IForLoopOperation or IWhileLoopOperation)
            {
                var arrayReference = indexed is IArrayElementReferenceOperation element
                    ? element.ArrayReference
                    : ((IPropertyReferenceOperation)indexed).Instance!;
                return (arrayReference, array, ((ILoopOperation)parent).Body);
            }
        }

        return null;
    }

    private static IForEachLoopOperation? FindForEach(ILocalReferenceOperation reference)
    {
        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation declarator } loop
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
            {
                return loop;
            }
        }

        return null;
    }

    private static (IOperation Collection, ISymbol Element, IOperation Body)? FromLambda(IParameterReferenceOperation reference, EnumerationApis apis)
    {
        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            var parameters = lambda.Symbol.Parameters;
            if (parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(parameters[0], reference.Parameter))
            {
                // A parameter of an outer lambda or method: keep looking outwards.
                continue;
            }

            var collection = lambda.Parent is IDelegateCreationOperation
                { Parent: IArgumentOperation { Parent: IInvocationOperation consumer } argument }
                ? ConsumedCollection(consumer, lambda, apis)
                  ?? (argument.Parameter is { } delegateParameter
                      ? EnumeratingHelpers.GetOrCreate(apis).LoopedCollection(consumer, delegateParameter)
                      : null)
                : null;
            return collection is null ? null : (collection, reference.Parameter, lambda.Body);
        }

        return null;
    }

    // The collection a ForEach-style method runs its delegate over: List.ForEach, Array.ForEach, Parallel.ForEach(Async),
    // or an extension method named ForEach or ForEachAsync over an IEnumerable<T> whose delegate takes that T.
    private static IOperation? ConsumedCollection(IInvocationOperation consumer, IAnonymousFunctionOperation lambda, EnumerationApis apis)
    {
        var method = consumer.TargetMethod;
        if (method.Name is not ("ForEach" or "ForEachAsync"))
        {
            return null;
        }

        if (KnownSymbols.Is(method.ContainingType, apis.List))
        {
            return consumer.Instance;
        }

        if (KnownSymbols.Is(method.ContainingType, apis.Array))
        {
            return consumer.ArgumentFor("array");
        }

        if (KnownSymbols.Is(method.ContainingType, apis.Parallel))
        {
            return consumer.ArgumentFor("source");
        }

        return method.IsExtensionMethod
               && method.Parameters.Length > 1
               && method.Parameters[0].Type is INamedTypeSymbol { TypeArguments.Length: 1 } source
               && source.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
               && SymbolEqualityComparer.Default.Equals(source.TypeArguments[0], lambda.Symbol.Parameters[0].Type)
            ? consumer.ArgumentFor(method.Parameters[0].Name)
            : null;
    }

    // 'f => new FileInfo(f)', 'i => i.FullName': the selected value is still the enumerated entry.
    public static bool KeepsElement(IAnonymousFunctionOperation selector, EnumerationApis apis)
    {
        var parameters = selector.Symbol.Parameters;
        return parameters.Length == 1
               && ReturnedValue(selector) is { } returned
               && ElementReference(returned, apis, MaxDepth) is IParameterReferenceOperation reference
               && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameters[0]);
    }

    /// <summary>The value of an expression-bodied or single-return lambda.</summary>
    public static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda)
        => lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    public static IOperation LambdaOrSelf(IOperation value)
    {
        value = value.WithoutConversions();
        return value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ? lambda : value;
    }
}

