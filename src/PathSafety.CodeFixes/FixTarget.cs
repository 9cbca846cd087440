using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PathSafety.CodeFixes;

/// <summary>What a diagnostic on a value points at, as the code fixes see it.</summary>
internal static class FixTarget
{
    /// <summary>The expression the diagnostic is reported on; an argument stands for its expression.</summary>
    public static ExpressionSyntax? FindExpression(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
    }
}
