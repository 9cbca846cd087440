using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PathSafety.Analyzers;
using PathSafety.Analyzers.Values;

namespace PathSafety.CodeFixes;

/// <summary>PS0005: drop the leading separators so the segment is appended instead of replacing the base.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RootedPathCombineSegmentCodeFixProvider)), Shared]
public sealed class RootedPathCombineSegmentCodeFixProvider : CodeFixProvider
{
    /// <summary>Stable: Fix All and 'dotnet format' group the fixes by it.</summary>
    internal const string EquivalenceKey = "PS0005.RemoveLeadingSeparator";

    private const string Title = "Remove the leading separator";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RootedPathCombineSegment);

    private static readonly FixAllProvider FixAll = NodeFixes.CreateFixAllProvider(FindFixes);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => NodeFixes.RegisterAsync(context, FindFixes);

    private static IEnumerable<NodeFix> FindFixes(FixSite site, Diagnostic diagnostic)
    {
        // Only a literal written in place can be edited safely; a constant declared elsewhere may have other uses.
        if (FixTarget.FindExpression(site.Root, diagnostic) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            yield break;
        }

        var text = literal.Token.ValueText;
        var trimmed = text.TrimStart('/', '\\');

        // A drive ('C:\x') cannot be made relative by trimming, and an all-separator segment has no intent left.
        if (PathText.StartsWithDrive(text) || trimmed.Length == 0)
        {
            yield break;
        }

        yield return new NodeFix(Title, EquivalenceKey, literal, current => current is LiteralExpressionSyntax now ? Replace(now, trimmed) : null);
    }

    private static LiteralExpressionSyntax Replace(LiteralExpressionSyntax literal, string value)
    {
        var token = literal.Token;
        var newToken = token.Text.StartsWith("@", System.StringComparison.Ordinal)
            ? SyntaxFactory.Literal("@\"" + value.Replace("\"", "\"\"") + "\"", value)
            : SyntaxFactory.Literal(value);
        return literal.WithToken(newToken.WithTriviaFrom(token));
    }
}
