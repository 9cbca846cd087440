using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// What a helper too long to read whole (<see cref="Symbols.SourceModels.MaxReadMemberLength"/>) returns, decided from
/// its syntax so that only the few expressions that matter are bound: when every 'return' names the same local, declared
/// once in the helper in a block that holds every such 'return', and every write of that name is its initializer or a
/// plain '=' assignment, the helper returns exactly those written values ('var target = Path.GetTempFileName(); … return
/// target;'). A name also written through 'ref'/'out', a compound assignment, '++'/'--', a deconstruction or a 'ref'
/// alias, declared twice (a pattern, 'out var', a 'foreach' or a lambda parameter of that name included), or any other
/// returned expression, leaves the helper unread.
/// </summary>
internal static class LongHelperReturns
{
    /// <summary>The expressions written to the one local every return names; null when the helper is not of that shape.</summary>
    public static List<ExpressionSyntax>? WrittenValues(SyntaxNode declaration, List<ExpressionSyntax> returned)
    {
        if (returned.Count == 0 || returned[0] is not IdentifierNameSyntax first)
        {
            return null;
        }

        var name = first.Identifier.ValueText;
        foreach (var expression in returned)
        {
            if (expression is not IdentifierNameSyntax { Identifier.ValueText: var other } || other != name)
            {
                return null;
            }
        }

        if (SingleDeclarator(declaration, name) is not { Initializer.Value: { } initializer } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Type: not RefTypeSyntax }
            || declarator.Parent.Parent is not LocalDeclarationStatementSyntax { Parent: BlockSyntax scope })
        {
            return null;
        }

        foreach (var expression in returned)
        {
            if (!scope.Span.Contains(expression.Span))
            {
                return null;
            }
        }

        var values = new List<ExpressionSyntax> { initializer };
        return AddWrites(scope, name, values) ? values : null;
    }

    /// <summary>The one declaration of <paramref name="name"/> in the helper, which must not also be a parameter's name.</summary>
    private static VariableDeclaratorSyntax? SingleDeclarator(SyntaxNode declaration, string name)
    {
        VariableDeclaratorSyntax? found = null;
        foreach (var node in declaration.DescendantNodesAndSelf())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax handler => handler.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                _ => default,
            };
            if (declared.ValueText != name)
            {
                continue;
            }

            if (found is not null || node is not VariableDeclaratorSyntax variableNode)
            {
                return null;
            }

            found = variableNode;
        }

        return found;
    }

    /// <summary>Adds each value a plain '=' writes to <paramref name="name"/>; false at any other kind of write.</summary>
    private static bool AddWrites(SyntaxNode scope, string name, List<ExpressionSyntax> values)
    {
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when Names(assignment.Left, name):
                    if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.Right is RefExpressionSyntax)
                    {
                        return false;
                    }

                    values.Add(assignment.Right);
                    break;
                case AssignmentExpressionSyntax deconstruction when deconstruction.Left is TupleExpressionSyntax or DeclarationExpressionSyntax
                                                                    && Mentions(deconstruction.Left, name):
                    return false;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument when Names(argument.Expression, name):
                    return false;
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax when Mentions(node, name) && IsIncrement(node):
                    return false;
                case RefExpressionSyntax reference when Names(reference.Expression, name):
                    return false;
            }
        }

        return true;
    }

    private static bool Names(ExpressionSyntax expression, string name)
        => expression is IdentifierNameSyntax { Identifier.ValueText: var text } && text == name;

    private static bool Mentions(SyntaxNode node, string name)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIncrement(SyntaxNode node)
        => node.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
            or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression;
}
