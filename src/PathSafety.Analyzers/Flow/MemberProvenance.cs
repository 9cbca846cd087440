using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// Fields and auto-properties a type fills with paths it owns: 'TempDir' sets '_path = Path.Combine(Path.GetTempPath(),
/// Guid.NewGuid().ToString())' in its constructor and deletes '_path' in Dispose. Only members nothing outside the
/// type can assign count (readonly or private fields, auto-properties without a public or init setter), declared
/// in one file, whose every assignment there is contained by construction or a fresh name under an anchored root.
/// One instance per compilation; decisions are cached per member.
/// </summary>
internal sealed class MemberProvenance
{
    // Members being decided on this thread (the decision is synchronous), to stop at a cycle of assignments.
    [ThreadStatic]
    private static HashSet<ISymbol>? s_pending;

    private readonly ContainmentGuards _guards;
    private readonly ConcurrentDictionary<ISymbol, bool> _owned = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

    public MemberProvenance(ContainmentGuards guards)
    {
        _guards = guards;
    }

    /// <summary>True when <paramref name="value"/> reads a member whose every value is a path its type owns.</summary>
    public bool IsOwnedPath(IOperation value)
    {
        var member = OwnMember(value);
        if (member is null || value.SemanticModel is not { } model)
        {
            return false;
        }

        if (_owned.TryGetValue(member, out var known))
        {
            return known;
        }

        // A member assigned from itself (or a cycle of members) is not proven. Only an answer computed with no
        // assumption pending is cached, so the result does not depend on which member was asked first.
        var pending = s_pending ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!pending.Add(member))
        {
            return false;
        }

        bool owned;
        try
        {
            owned = Compute(member, model);
        }
        finally
        {
            pending.Remove(member);
        }

        if (pending.Count == 0)
        {
            _owned.TryAdd(member, owned);
        }

        return owned;
    }

    private static ISymbol? OwnMember(IOperation value)
    {
        ISymbol? member = value.WithoutConversions() switch
        {
            IFieldReferenceOperation { Field: { IsConst: false } field } when field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private
                => field,
            IPropertyReferenceOperation { Property: { Parameters.Length: 0 } property } when IsAutoProperty(property)
                && (property.SetMethod is null
                    || (property.SetMethod.DeclaredAccessibility == Accessibility.Private && !property.SetMethod.IsInitOnly))
                => property,
            _ => null,
        };
        return member?.OriginalDefinition;
    }

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
            {
                return false;
            }

            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }
        }

        return property.DeclaringSyntaxReferences.Length == 1;
    }

    private bool Compute(ISymbol member, SemanticModel model)
    {
        var type = member.ContainingType;
        if (type is null || type.DeclaringSyntaxReferences.Length != 1 || type.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        var assigned = false;
        foreach (var node in type.DeclaringSyntaxReferences[0].GetSyntax().DescendantNodes())
        {
            IOperation? value;
            switch (node)
            {
                case EqualsValueClauseSyntax initializer when IsInitializerOf(initializer, member):
                    value = model.GetOperation(initializer.Value);
                    break;
                case AssignmentExpressionSyntax or ArgumentSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    var write = WriteTo(model.GetOperation(node), member);
                    if (write is null)
                    {
                        continue;
                    }

                    value = write.Value;
                    break;
                default:
                    continue;
            }

            if (value is null || !IsOwnedValue(value))
            {
                return false;
            }

            assigned = true;
        }

        return assigned;
    }

    private static bool IsInitializerOf(EqualsValueClauseSyntax initializer, ISymbol member)
        => initializer.Parent switch
        {
            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText == member.Name && member is IFieldSymbol,
            PropertyDeclarationSyntax property => property.Identifier.ValueText == member.Name && member is IPropertySymbol,
            _ => false,
        };

    /// <summary>A write to <paramref name="member"/>: (value) for a plain assignment, (null) for any other write, null when it is not one.</summary>
    private static Write? WriteTo(IOperation? operation, ISymbol member)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment when Reads(assignment.Target, member):
                return new Write(assignment.IsRef ? null : assignment.Value);
            case ICompoundAssignmentOperation compound when Reads(compound.Target, member):
            case IIncrementOrDecrementOperation increment when Reads(increment.Target, member):
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when Reads(argument.Value, member):
                return new Write(null);
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var part in deconstruction.Target.DescendantsAndSelf())
                {
                    if (Reads(part, member))
                    {
                        return new Write(null);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Reads(IOperation? target, ISymbol member)
    {
        var symbol = target?.WithoutConversions() switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        return symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member);
    }

    private bool IsOwnedValue(IOperation value)
        => _guards.IsFreshName(value) || _guards.IsContainedValue(value, GuardFlow.Empty);

    private sealed class Write
    {
        public Write(IOperation? value) => Value = value;

        public IOperation? Value { get; }
    }
}
