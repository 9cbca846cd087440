using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// The values a type assigns to its own fields and auto-properties (initializers, constructors, methods), so
/// PS0007 can tell that '_root' always ends with a separator when every assignment appends one. Only members
/// nothing outside the type can assign count: readonly or private fields, properties without a public setter.
/// <para>
/// Built on demand, only for a type whose check reads such a member, by reading the type's own declarations:
/// no per-type state and no callback on every assignment of the compilation. Only the checking file's
/// declarations are bound (the analyzer holds that file's semantic model); a member that another part of a
/// partial type writes (by name: an assignment or an initializer there) has values this cannot see, so it is
/// not known to end with a separator.
/// </para>
/// </summary>
internal sealed class MemberRoots
{
    private readonly Dictionary<ISymbol, List<IOperation?>> _values = new Dictionary<ISymbol, List<IOperation?>>(SymbolEqualityComparer.Default);
    private HashSet<string>? _writtenElsewhere;

    private MemberRoots()
    {
    }

    /// <summary>The member a root expression reads, when it is an assignable-only-there member of the type that reads it.</summary>
    public static ISymbol? GetMember(IOperation? root, ISymbol? reader)
    {
        var member = root?.WithoutConversions() switch
        {
            IFieldReferenceOperation { Field: { IsConst: false } field } when field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private
                => (ISymbol)field,
            IPropertyReferenceOperation { Property: { Parameters.Length: 0 } property }
                when property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private || property.SetMethod.IsInitOnly
                    => property,
            _ => null,
        };

        return member is not null && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition,
            reader?.ContainingType?.OriginalDefinition)
            ? member.OriginalDefinition
            : null;
    }

    /// <summary>Every assignment <paramref name="type"/> makes to its members, as seen from <paramref name="model"/>'s file.</summary>
    public static MemberRoots Collect(INamedTypeSymbol type, SemanticModel model)
    {
        var roots = new MemberRoots();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            if (reference.SyntaxTree == model.SyntaxTree)
            {
                roots.Bind(declaration, model);
            }
            else
            {
                roots.NameWritesElsewhere(declaration);
            }
        }

        return roots;
    }

    /// <summary>True when the member is assigned at least once and every value satisfies <paramref name="predicate"/>.</summary>
    public bool All(ISymbol member, System.Func<IOperation, bool> predicate)
        => !(_writtenElsewhere?.Contains(member.Name) ?? false)
           && _values.TryGetValue(member, out var values)
           && AssignmentTable.AllKnown(values, predicate);

    private void Bind(SyntaxNode declaration, SemanticModel model)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            // Only the nodes that can write a member are bound again; the operation tells what they write.
            var written = node switch
            {
                AssignmentExpressionSyntax or ArgumentSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                    => model.GetOperation(node),
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax }
                    or PropertyDeclarationSyntax } initializer => model.GetOperation(initializer),
                _ => null,
            };

            if (written is not null)
            {
                Add(written);
            }
        }
    }

    /// <summary>The names another part of a partial type may write: assignment targets and initialized members.</summary>
    private void NameWritesElsewhere(SyntaxNode declaration)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            var name = node switch
            {
                AssignmentExpressionSyntax { Left: var target } => WrittenName(target),
                VariableDeclaratorSyntax { Initializer: not null, Parent.Parent: FieldDeclarationSyntax } declarator
                    => declarator.Identifier.ValueText,
                PropertyDeclarationSyntax { Initializer: not null } property => property.Identifier.ValueText,
                _ => null,
            };

            if (name is not null)
            {
                (_writtenElsewhere ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(name);
            }
        }
    }

    private static string? WrittenName(ExpressionSyntax target) => target switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private void Add(IOperation operation)
    {
        switch (operation)
        {
            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                {
                    Add(field, initializer.Value);
                }

                break;
            case IPropertyInitializerOperation initializer:
                foreach (var property in initializer.InitializedProperties)
                {
                    Add(property, initializer.Value);
                }

                break;
            default:
                List<ValueWrite>? writes = null;
                ValueWrites.Add(operation, ref writes);
                foreach (var write in writes ?? new List<ValueWrite>())
                {
                    if (write.Target is IFieldSymbol or IPropertySymbol)
                    {
                        Add(write.Target, write.Value);
                    }
                }

                break;
        }
    }

    private void Add(ISymbol member, IOperation? value)
    {
        if (!_values.TryGetValue(member.OriginalDefinition, out var values))
        {
            _values[member.OriginalDefinition] = values = new List<IOperation?>();
        }

        values.Add(value);
    }
}
