using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    private const string Title = "Remove the leading separator";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RootedPathCombineSegment);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Only a literal written in place can be edited safely; a constant declared elsewhere may have other uses.
            if (FixTarget.FindExpression(root, diagnostic) is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var text = literal.Token.ValueText;
            var trimmed = text.TrimStart('/', '\\');

            // A drive ('C:\x') cannot be made relative by trimming, and an all-separator segment has no intent left.
            if (PathText.StartsWithDrive(text) || trimmed.Length == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    ct => ReplaceAsync(context.Document, literal, trimmed, ct),
                    equivalenceKey: nameof(RootedPathCombineSegmentCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var token = literal.Token;
        var newToken = token.Text.StartsWith("@", System.StringComparison.Ordinal)
            ? SyntaxFactory.Literal("@\"" + value.Replace("\"", "\"\"") + "\"", value)
            : SyntaxFactory.Literal(value);
        var newLiteral = literal.WithToken(newToken.WithTriviaFrom(token));
        return document.WithSyntaxRoot(root.ReplaceNode(literal, newLiteral));
    }
}
