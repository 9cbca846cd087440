using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

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
        if (member is null
            || (value.SemanticModel ?? SourceModels.GetOrCreate(_guards.Known.Compilation).GetModel(value.Syntax.SyntaxTree)) is not { } model)
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
            IPropertyReferenceOperation { Property: { Parameters.Length: 0, SetMethod: null } property } when ComputedValue(property) is not null
                => property,
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

    /// <summary>
    /// The expression a get-only property computes ('string Logs => Path.Combine(Root, "logs");', a getter whose body
    /// is one 'return'), declared once in source; null for any other property.
    /// </summary>
    private static ExpressionSyntax? ComputedValue(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.Length != 1
            || property.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax declaration)
        {
            return null;
        }

        if (declaration.ExpressionBody is { } body)
        {
            return body.Expression;
        }

        if (declaration.AccessorList?.Accessors is not { Count: 1 } accessors)
        {
            return null;
        }

        var getter = accessors[0];
        return getter.ExpressionBody?.Expression
               ?? (getter.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } returned }
                   ? returned
                   : null);
    }

    private bool Compute(ISymbol member, SemanticModel model)
    {
        if (member is IPropertySymbol property && ComputedValue(property) is { } computed)
        {
            // Same file as the reader only: its semantic model is the one at hand.
            return computed.SyntaxTree == model.SyntaxTree && model.GetOperation(computed) is { } value && IsOwnedValue(value);
        }

        var type = member.ContainingType;
        if (type is null || type.DeclaringSyntaxReferences.Length != 1 || type.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        var assigned = false;
        foreach (var node in type.DeclaringSyntaxReferences[0].GetSyntax().DescendantNodes())
        {
            switch (node)
            {
                case EqualsValueClauseSyntax initializer when IsInitializerOf(initializer, member):
                    if (model.GetOperation(initializer.Value) is not { } value || !IsOwnedValue(value))
                    {
                        return false;
                    }

                    break;
                case AssignmentExpressionSyntax or ArgumentSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    var writes = WritesTo(model.GetOperation(node), member);
                    if (writes is null)
                    {
                        continue;
                    }

                    foreach (var write in writes)
                    {
                        if (write.Value is null || !IsOwnedValue(write.Value))
                        {
                            return false;
                        }
                    }

                    break;
                default:
                    continue;
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

    /// <summary>The writes to <paramref name="member"/> an operation makes, as <see cref="ValueWrites"/> classifies them.</summary>
    private static List<ValueWrite>? WritesTo(IOperation? operation, ISymbol member)
    {
        List<ValueWrite>? writes = null;
        if (operation is not null)
        {
            ValueWrites.Add(operation, ref writes);
        }

        writes?.RemoveAll(write => !SymbolEqualityComparer.Default.Equals(write.Target, member));
        return writes is { Count: > 0 } ? writes : null;
    }

    private bool IsOwnedValue(IOperation value)
        => _guards.IsFreshName(value) || _guards.IsContainedValue(value, GuardFlow.Empty);
}
