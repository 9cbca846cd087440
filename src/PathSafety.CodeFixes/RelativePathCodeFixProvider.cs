using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    /// <summary>Stable: Fix All and 'dotnet format' group the fixes by it.</summary>
    internal const string EquivalenceKey = "PS0001.AnchorToBaseDirectory";

    private const string Title = "Anchor the path to the application folder (AppContext.BaseDirectory)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RelativePath);

    private static readonly FixAllProvider FixAll = NodeFixes.CreateFixAllProvider(FindFixes);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => NodeFixes.RegisterAsync(context, FindFixes);

    private static IEnumerable<NodeFix> FindFixes(FixSite site, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.ContainsKey(RelativePathAnalyzer.FixableProperty)
            && FixTarget.FindExpression(site.Root, diagnostic) is { } expression
            && CanBeReplaced(expression))
        {
            yield return new NodeFix(Title, EquivalenceKey, expression, current => current is ExpressionSyntax now ? Anchor(now) : null);
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

    private static ExpressionSyntax Anchor(ExpressionSyntax expression)
    {
        var path = TypeName("System.IO.Path");
        var appContext = TypeName("System.AppContext");
        var baseDirectory = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, appContext, SyntaxFactory.IdentifierName("BaseDirectory"));
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, path, SyntaxFactory.IdentifierName("Combine")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(baseDirectory),
                    SyntaxFactory.Argument(expression.WithoutTrivia()),
                })))
            .WithTriviaFrom(expression)
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>Parsed rather than built, so the tree has the shape the parser gives the same text (member accesses).</summary>
    private static ExpressionSyntax TypeName(string qualifiedName)
        => SyntaxFactory.ParseExpression("global::" + qualifiedName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
