using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// Path wrappers of the compilation: an object that a user-defined conversion turns into the path its constructor
/// stored ('using var tmp = new TempFile(".dg"); … File.Delete(tmp);', with 'implicit operator string(TempFile f) =>
/// f._path;'). A new wrapper is contained when every value its constructor gives that field is, with the constructor's
/// parameters read as the arguments of the creation (docs/guards.md, "Paths the method created"). Which field a type
/// converts to is read once per type and compilation, only when a delete's flow meets a creation of it.
/// </summary>
internal sealed class WrappedPaths
{
    private readonly ContainmentGuards _guards;
    private readonly SourceModels _models;
    private readonly MemberValues _values;
    private readonly ConcurrentDictionary<INamedTypeSymbol, IFieldSymbol?> _fields = new(SymbolEqualityComparer.Default);

    public WrappedPaths(ContainmentGuards guards)
    {
        _guards = guards;
        _models = SourceModels.GetOrCreate(guards.Known.Compilation);
        _values = MemberValues.GetOrCreate(guards.Known);
    }

    /// <summary>
    /// True when <paramref name="creation"/> makes a wrapper whose conversion to string gives a contained path, where
    /// <paramref name="state"/> holds (an argument the stored path is built from is judged there).
    /// </summary>
    public bool IsContained(IObjectCreationOperation creation, ImmutableHashSet<GuardFact> state)
    {
        if (creation.Initializer is not null
            || creation.Constructor is not { } constructor
            || creation.Type is not INamedTypeSymbol type
            || !type.IsDefinition
            || PathField(type, creation.SemanticModel) is not { } field
            || StoredValues(constructor, field, creation.SemanticModel) is not { Count: > 0 } stored)
        {
            return false;
        }

        var arguments = ContainmentGuards.ArgumentsOf(constructor, creation.Arguments);
        foreach (var value in stored)
        {
            if (!IsContainedStore(value.WithoutConversions(), arguments, state))
            {
                return false;
            }
        }

        return true;
    }

    // A stored value: contained by construction, the argument for a parameter (judged where the creation is), or
    // 'Path.Combine(folder, tail…)' whose tail is safe once the parameters are read as the arguments.
    private bool IsContainedStore(IOperation value, System.Func<IParameterSymbol, IOperation?> arguments, ImmutableHashSet<GuardFact> state)
    {
        if (value is IParameterReferenceOperation parameter)
        {
            return arguments(parameter.Parameter) is { } passed && _guards.IsContainedValue(passed, state);
        }

        return _guards.IsContainedValue(value, GuardFlow.Empty)
               || _guards.IsCombineWithSafeTail(value, arguments);
    }

    /// <summary>
    /// The readonly instance field of <paramref name="type"/> that every user-defined conversion the type declares
    /// returns, when all of them convert to string and return that field of their operand; null otherwise. A type whose
    /// base type could declare conversions of its own is not read.
    /// </summary>
    private IFieldSymbol? PathField(INamedTypeSymbol type, SemanticModel? atHand)
    {
        if (_fields.TryGetValue(type, out var known))
        {
            return known;
        }

        return _fields.GetOrAdd(type, ReadPathField(type, atHand));
    }

    private IFieldSymbol? ReadPathField(INamedTypeSymbol type, SemanticModel? atHand)
    {
        if (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType) }
            || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        IFieldSymbol? field = null;
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Conversion } conversion)
            {
                continue;
            }

            if (conversion.ReturnType.SpecialType != SpecialType.System_String
                || conversion.Parameters.Length != 1
                || _values.Of(conversion, atHand) is not { Complete: true } returned)
            {
                return null;
            }

            foreach (var value in returned.Values)
            {
                if (value.WithoutConversions() is not IFieldReferenceOperation
                    {
                        Field: { IsReadOnly: true, IsStatic: false } read,
                        Instance: IParameterReferenceOperation operand,
                    }
                    || !SymbolEqualityComparer.Default.Equals(operand.Parameter, conversion.Parameters[0])
                    || !SymbolEqualityComparer.Default.Equals(read.ContainingType, type)
                    || (field is not null && !SymbolEqualityComparer.Default.Equals(field, read)))
                {
                    return null;
                }

                field = read;
            }
        }

        return field;
    }

    /// <summary>
    /// Every value the field can hold after <paramref name="constructor"/> ran: its initializer and each write in the
    /// constructor's body; null when one is not followed ('ref'/'out', compound), the constructor writes one of its
    /// parameters, chains to another of its type ('this(…)') or is too long to read.
    /// </summary>
    private List<IOperation>? StoredValues(IMethodSymbol constructor, IFieldSymbol field, SemanticModel? atHand)
    {
        var values = new List<IOperation>();
        if (field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            if (!SourceModels.IsAffordable(initializer) || _models.GetOperation(initializer, atHand) is not { } initial)
            {
                return null;
            }

            values.Add(initial);
        }

        if (constructor.DeclaringSyntaxReferences.IsEmpty)
        {
            // The implicit constructor only runs the initializers.
            return values;
        }

        if (constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax() is not ConstructorDeclarationSyntax declaration
            || declaration.Initializer?.ThisOrBaseKeyword.ValueText == "this"
            || !SourceModels.IsAffordable(declaration)
            || _models.GetOperation(declaration, atHand) is not { } body)
        {
            return null;
        }

        foreach (var write in ValueWrites.In(body))
        {
            if (write.Target is IParameterSymbol written
                && SymbolEqualityComparer.Default.Equals(written.ContainingSymbol, constructor.OriginalDefinition))
            {
                // A parameter the constructor reassigns no longer holds the creation's argument.
                return null;
            }

            if (!SymbolEqualityComparer.Default.Equals(write.Target, field.OriginalDefinition))
            {
                continue;
            }

            if (write.Value is null)
            {
                return null;
            }

            values.Add(write.Value);
        }

        return values;
    }
}
