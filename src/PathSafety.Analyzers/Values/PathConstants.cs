using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>Path text known at compile time, and where it was written.</summary>
internal static class PathConstants
{
    /// <summary>
    /// The text of a compile-time constant string ('"logs"', a const field or local) or of a static readonly
    /// string field whose only assignment is a literal initializer.
    /// </summary>
    public static bool TryGetText(IOperation value, out string text)
    {
        value = value.WithoutImplicitConversions();
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            text = constant;
            return true;
        }

        if (value is IFieldReferenceOperation { Field: var field } && TryGetReadOnlyLiteral(field, out text, out _))
        {
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>A static readonly string field with one declaration, a literal initializer and no static constructor touching it.</summary>
    public static bool TryGetReadOnlyLiteral(IFieldSymbol field, out string text, out Location? writtenAt)
    {
        text = string.Empty;
        writtenAt = null;
        if (!field.IsStatic || !field.IsReadOnly || field.Type.SpecialType != SpecialType.System_String
            || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return false;
        }

        foreach (var constructor in field.ContainingType.StaticConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                foreach (var name in reference.GetSyntax().DescendantNodes())
                {
                    if (name is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == field.Name)
                    {
                        return false;
                    }
                }
            }
        }

        text = literal.Token.ValueText;
        writtenAt = literal.GetLocation();
        return true;
    }

    /// <summary>Where a constant that a reference names was written: its declarator's initializer.</summary>
    public static Location? DeclaredAt(IOperation value)
    {
        ISymbol? symbol = value switch
        {
            IFieldReferenceOperation field => field.Field,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return symbol.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            ? initializer.GetLocation()
            : null;
    }
}
