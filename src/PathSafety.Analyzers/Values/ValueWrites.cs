using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>How a write sets its target.</summary>
internal enum ValueWriteKind
{
    /// <summary>A declaration's initializer ('var p = …;').</summary>
    Initializer,

    /// <summary>The target now holds <see cref="ValueWrite.Value"/> ('p = …;'); a null value is one not followed.</summary>
    Assignment,

    /// <summary>'p ??= v': the target keeps its old value or now holds the value.</summary>
    KeepsOrAssigns,

    /// <summary>The target collection now also holds <see cref="ValueWrite.Value"/> ('list.Add(v)', 'array[i] = v').</summary>
    AddsElement,

    /// <summary>The target collection now also holds every element of <see cref="ValueWrite.Value"/> ('list.AddRange(vs)').</summary>
    AddsElements,
}

/// <summary>What a reference to a local collection does to the elements it holds.</summary>
internal enum ElementUse
{
    /// <summary>Reads it, reorders it or removes from it ('foreach', 'Count', 'Sort', 'Remove', LINQ), or assigns the local itself.</summary>
    Keeps,

    /// <summary>Puts elements into it (<see cref="ValueWriteKind.AddsElement"/>, <see cref="ValueWriteKind.AddsElements"/>).</summary>
    Adds,

    /// <summary>Hands it to code that may put anything into it: another method, another variable, a 'ref', a '?.' call.</summary>
    Escapes,
}

/// <summary>
/// One write of a local, parameter, field or property: its target, the value written (null when not known) and the
/// writing operation.
/// </summary>
internal readonly struct ValueWrite
{
    public ValueWrite(ISymbol target, IOperation? value, ValueWriteKind kind, IOperation operation)
    {
        Target = target;
        Value = value;
        Kind = kind;
        Operation = operation;
    }

    public ISymbol Target { get; }

    public IOperation? Value { get; }

    public ValueWriteKind Kind { get; }

    public IOperation Operation { get; }
}

/// <summary>
/// The one classifier of writes to locals, parameters, fields and properties, used by every rule and code fix: plain assignments and
/// initializers carry their value; '??=' keeps the old value or takes the new one; a deconstruction of a tuple
/// literal pairs each target with its element; compound assignments, increments, ref/out arguments, ref assignments,
/// other deconstructions, foreach variables and pattern declarations write a value not followed (null).
/// In a control-flow graph a target the graph captured ('x = y ?? x' captures 'x') is resolved through
/// <c>resolveCapture</c>.
/// </summary>
internal static class ValueWrites
{
    /// <summary>Every write in <paramref name="operation"/> and its descendants.</summary>
    public static List<ValueWrite> In(IOperation operation)
    {
        List<ValueWrite>? writes = null;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            Add(descendant, ref writes);
        }

        return writes ?? new List<ValueWrite>();
    }

    /// <summary>What <paramref name="operation"/> itself writes (not its descendants); the list is made on the first write.</summary>
    public static void Add(IOperation operation, ref List<ValueWrite>? writes, Func<IOperation, ISymbol?>? resolveCapture = null)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator:
                var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                if (initializer is not null)
                {
                    Append(ref writes, new ValueWrite(declarator.Symbol, initializer.Value, ValueWriteKind.Initializer, declarator));
                }
                else if (declarator.Parent is IForEachLoopOperation || declarator.Parent?.Parent is IForEachLoopOperation)
                {
                    Append(ref writes, new ValueWrite(declarator.Symbol, null, ValueWriteKind.Initializer, declarator));
                }

                break;
            case IForEachLoopOperation { LoopControlVariable: ILocalReferenceOperation loopLocal } loop:
                Append(ref writes, new ValueWrite(loopLocal.Local, null, ValueWriteKind.Assignment, loop));
                break;
            case ICoalesceAssignmentOperation coalesce when TargetOf(coalesce.Target, resolveCapture) is { } coalesced:
                Append(ref writes, new ValueWrite(coalesced, coalesce.Value, ValueWriteKind.KeepsOrAssigns, coalesce));
                break;
            case ISimpleAssignmentOperation assignment when TargetOf(assignment.Target, resolveCapture) is { } target:
                Append(ref writes, new ValueWrite(target, assignment.IsRef ? null : assignment.Value, ValueWriteKind.Assignment, assignment));
                break;
            case ICompoundAssignmentOperation compound when TargetOf(compound.Target, resolveCapture) is { } target:
                Append(ref writes, new ValueWrite(target, null, ValueWriteKind.Assignment, compound));
                break;
            case IIncrementOrDecrementOperation increment when TargetOf(increment.Target, resolveCapture) is { } target:
                Append(ref writes, new ValueWrite(target, null, ValueWriteKind.Assignment, increment));
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                AddDeconstruction(deconstruction.Target, deconstruction.Value, deconstruction, ref writes, resolveCapture);
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument
                when TargetOf(argument.Value, resolveCapture) is { } target:
                Append(ref writes, new ValueWrite(target, null, ValueWriteKind.Assignment, argument));
                break;
            case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern:
                Append(ref writes, new ValueWrite(declared, null, ValueWriteKind.Assignment, pattern));
                break;
        }
    }

    /// <summary>
    /// What one reference to a local collection does to its elements: 'list.Add(v)', 'list.Insert(i, v)', 'set.Add(v)',
    /// 'queue.Enqueue(v)', 'array[i] = v' and 'list[i] = v' add one element; 'list.AddRange(vs)', 'InsertRange' and
    /// 'UnionWith' add many; reads, reordering, removal and LINQ keep them; anything else lets others add (escapes).
    /// </summary>
    public static ElementUse ClassifyElementUse(ILocalReferenceOperation reference, out ValueWrite write)
    {
        write = default;
        IOperation used = reference;
        while (used.Parent is IConversionOperation conversion)
        {
            used = conversion;
        }

        switch (used.Parent)
        {
            case IAssignmentOperation assignment when assignment.Target == used:
            case IForEachLoopOperation loop when loop.Collection == used:
            case IBinaryOperation or IIsPatternOperation or IIsTypeOperation:
                return ElementUse.Keeps;
            case IReturnOperation:
                // Returned by the method, it is the caller's to follow; returned by a lambda, it is lent to whoever calls it.
                return InFunction(used) ? ElementUse.Escapes : ElementUse.Keeps;
            case IArrayElementReferenceOperation element when element.ArrayReference == used:
                return ElementAt(element, reference.Local, ref write);
            case IPropertyReferenceOperation property when property.Instance == used:
                return property.Property.IsIndexer ? ElementAt(property, reference.Local, ref write) : ElementUse.Keeps;
            case IInvocationOperation invocation when invocation.Instance == used:
                return CollectionMethod(invocation, reference.Local, ref write);
            case IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IInvocationOperation consumer } argument
                when KnownSymbols.IsNamespace(consumer.TargetMethod.ContainingNamespace, "System.Linq") || ReadsArray(consumer, argument)
                     || IsReadOnlySequence(argument.Parameter.OriginalDefinition.Type):
            case IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IObjectCreationOperation creation }
                when KnownSymbols.IsNamespace(creation.Type?.ContainingNamespace, "System.Collections.Generic"):
                // LINQ and 'new List<T>(list)' read the elements; a copy made by a constructor is another collection.
                return ElementUse.Keeps;
            default:
                return ElementUse.Escapes;
        }
    }

    private static bool InFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    // A parameter typed 'IEnumerable<T>', 'IReadOnlyCollection<T>' or 'IReadOnlyList<T>' ('files.ForEachAsync(…)' of an
    // extension over IEnumerable<T>) can read the elements, not add any, as LINQ can.
    private static bool IsReadOnlySequence(ITypeSymbol type)
        => type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
            or SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T;

    // 'Array.Sort(files, …)', 'Array.IndexOf(files, f)', the source of 'Array.Copy': the array's elements stay as they were.
    private static bool ReadsArray(IInvocationOperation consumer, IArgumentOperation argument)
        => consumer.TargetMethod.ContainingType?.SpecialType == SpecialType.System_Array
           && (consumer.TargetMethod.Name is "Sort" or "Reverse" or "IndexOf" or "LastIndexOf" or "BinarySearch" or "Exists" or "Find"
                   or "FindAll" or "FindIndex" or "FindLast" or "FindLastIndex" or "ForEach" or "TrueForAll" or "AsReadOnly"
               || argument.Parameter?.Name == "sourceArray");

    // 'array[i] = v' or 'list[i] = v' adds v; reading 'array[i]' keeps; any other write through the element escapes.
    private static ElementUse ElementAt(IOperation element, ILocalSymbol collection, ref ValueWrite write)
    {
        switch (element.Parent)
        {
            case ISimpleAssignmentOperation { IsRef: false } assignment when assignment.Target == element:
                write = new ValueWrite(collection, assignment.Value, ValueWriteKind.AddsElement, assignment);
                return ElementUse.Adds;
            case IAssignmentOperation or IIncrementOrDecrementOperation or IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                return ElementUse.Escapes;
            default:
                return ElementUse.Keeps;
        }
    }

    private static ElementUse CollectionMethod(IInvocationOperation invocation, ILocalSymbol collection, ref ValueWrite write)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is not { } type
            || !(KnownSymbols.IsNamespace(type.ContainingNamespace, "System.Collections.Generic") || type.SpecialType == SpecialType.System_Array))
        {
            return ElementUse.Escapes;
        }

        switch (method.Name)
        {
            case "Add" or "Insert" or "Push" or "Enqueue" or "AddFirst" or "AddLast" or "TryAdd":
                var item = invocation.ArgumentFor("item") ?? invocation.ArgumentFor("value");
                write = new ValueWrite(collection, item, ValueWriteKind.AddsElement, invocation);
                return item is null || type.Name.StartsWith("Dictionary", StringComparison.Ordinal) ? ElementUse.Escapes : ElementUse.Adds;
            case "AddRange" or "InsertRange" or "UnionWith":
                var items = invocation.ArgumentFor("collection") ?? invocation.ArgumentFor("other");
                write = new ValueWrite(collection, items, ValueWriteKind.AddsElements, invocation);
                return items is null ? ElementUse.Escapes : ElementUse.Adds;
            case "SetValue" or "Initialize":
                return ElementUse.Escapes;
            default:
                // Count, Contains, Sort, Reverse, Remove, RemoveAt, Clear, ForEach, ToArray…: no element comes in.
                return ElementUse.Keeps;
        }
    }

    /// <summary>
    /// Resolves a capture of <paramref name="graph"/> to the local or parameter it captured, when every capture with
    /// that id captured the same one; the map is built on the first question (captured targets are rare).
    /// </summary>
    public static Func<IOperation, ISymbol?> CaptureResolver(ControlFlowGraph graph)
    {
        Dictionary<CaptureId, ISymbol?>? captured = null;
        return target =>
        {
            if (target is not IFlowCaptureReferenceOperation reference)
            {
                return SymbolOf(target);
            }

            captured ??= CapturedSymbols(graph);
            return captured.TryGetValue(reference.Id, out var symbol) ? symbol : null;
        };
    }

    private static Dictionary<CaptureId, ISymbol?> CapturedSymbols(ControlFlowGraph graph)
    {
        var map = new Dictionary<CaptureId, ISymbol?>();
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (operation is not IFlowCaptureOperation capture)
                {
                    continue;
                }

                var symbol = SymbolOf(capture.Value);
                map[capture.Id] = map.TryGetValue(capture.Id, out var seen) && !SymbolEqualityComparer.Default.Equals(seen, symbol) ? null : symbol;
            }
        }

        return map;
    }

    /// <summary>The local or parameter an operation names, or null.</summary>
    public static ISymbol? SymbolOf(IOperation? operation)
        => operation?.WithoutConversionsOrDeclaration() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

    /// <summary>The local, parameter, field or property (its original definition) a write's target names.</summary>
    private static ISymbol? TargetOf(IOperation target, Func<IOperation, ISymbol?>? resolveCapture)
    {
        if (target is IFlowCaptureReferenceOperation && resolveCapture is not null)
        {
            return resolveCapture(target);
        }

        return target.WithoutConversionsOrDeclaration() switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            var other => SymbolOf(other),
        };
    }

    /// <summary>'(a, b) = (x, y)' pairs a with x and b with y; any other shape writes values not followed.</summary>
    private static void AddDeconstruction(IOperation target, IOperation? value, IOperation write, ref List<ValueWrite>? writes,
        Func<IOperation, ISymbol?>? resolveCapture)
    {
        target = target.WithoutConversionsOrDeclaration();
        if (target is ITupleOperation tuple)
        {
            var elements = value?.WithoutConversionsOrDeclaration() is ITupleOperation values && values.Elements.Length == tuple.Elements.Length
                ? values.Elements
                : default;
            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                AddDeconstruction(tuple.Elements[i], elements.IsDefault ? null : elements[i], write, ref writes, resolveCapture);
            }

            return;
        }

        if (TargetOf(target, resolveCapture) is { } symbol)
        {
            var followed = value is not null && value.WithoutConversionsOrDeclaration() is not ITupleOperation ? value : null;
            Append(ref writes, new ValueWrite(symbol, followed, ValueWriteKind.Assignment, write));
        }
    }

    /// <summary>A target under its conversions and its 'var' ('out var p', '(var a, var b) = …').</summary>
    private static IOperation WithoutConversionsOrDeclaration(this IOperation operation)
    {
        var current = operation.WithoutConversions();
        return current is IDeclarationExpressionOperation declaration ? declaration.Expression.WithoutConversions() : current;
    }

    private static void Append(ref List<ValueWrite>? writes, ValueWrite write) => (writes ??= new List<ValueWrite>()).Add(write);
}
