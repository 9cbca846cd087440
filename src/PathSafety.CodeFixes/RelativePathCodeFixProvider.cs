using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using PathSafety.Analyzers;
using PathSafety.Analyzers.Rules.RelativePaths;

namespace PathSafety.CodeFixes;

/// <summary>
/// PS0001: anchor a constant relative path to the application folder at the use site:
/// '"logs"' becomes 'Path.Combine(AppContext.BaseDirectory, "logs")'. Offered only where the analyzer marked
/// the argument as a constant it can anchor without changing what the text means.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RelativePathCodeFixProvider)), Shared]
public sealed class RelativePathCodeFixProvider : CodeFixProvider
{
    private const string Title = "Anchor the path to the application folder (AppContext.BaseDirectory)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RelativePath);

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
            if (!diagnostic.Properties.ContainsKey(RelativePathAnalyzer.FixableProperty))
            {
                continue;
            }

            if (FixTarget.FindExpression(root, diagnostic) is not { } expression || !CanBeReplaced(expression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    ct => AnchorAsync(context.Document, expression, ct),
                    equivalenceKey: nameof(RelativePathCodeFixProvider)),
                diagnostic);
        }
    }

    /// <summary>A method call is not a constant: nothing that must stay constant (a const, an attribute, a case label) can take it.</summary>
    private static bool CanBeReplaced(ExpressionSyntax expression)
    {
        foreach (var ancestor in expression.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case ParameterSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case LocalDeclarationStatementSyntax local when local.IsConst:
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return false;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }

    private static async Task<Document> AnchorAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Fully qualified and annotated: the import adder adds 'using System;'/'using System.IO;' where needed,
        // the code action's cleanup shortens the names, and keeps them qualified where a user type named 'Path' would clash.
        var path = TypeName("System.IO.Path");
        var appContext = TypeName("System.AppContext");
        var combine = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, path, SyntaxFactory.IdentifierName("Combine")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, appContext, SyntaxFactory.IdentifierName("BaseDirectory"))),
                    SyntaxFactory.Argument(expression.WithoutTrivia()),
                })))
            .WithTriviaFrom(expression)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var changed = document.WithSyntaxRoot(root.ReplaceNode(expression, combine));
        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parsed rather than built, so the tree has the shape the parser gives the same text (member accesses).</summary>
    private static ExpressionSyntax TypeName(string qualifiedName)
        => SyntaxFactory.ParseExpression("global::" + qualifiedName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
