using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using PathSafety.Analyzers;
using PathSafety.Analyzers.Knowledge.Guards;

namespace PathSafety.CodeFixes
{
    /// <summary>
    /// PS0007, one fix per missing ingredient of a StartsWith check: (a) append Path.DirectorySeparatorChar to
    /// the root, (b) wrap the checked path in Path.GetFullPath, (c) compare with StringComparison.Ordinal.
    /// '..' filters and GetFullPath(path, root) need a real check, which no mechanical edit can supply.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakContainmentCheckCodeFixProvider)), Shared]
    public sealed class WeakContainmentCheckCodeFixProvider : CodeFixProvider
    {
        private const string SeparatorKey = "PS0007.TrailingSeparator";
        private const string NormalizeKey = "PS0007.Normalize";
        private const string OrdinalKey = "PS0007.Ordinal";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIdentifiers.WeakContainmentCheck);

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
                if (!diagnostic.Properties.TryGetValue(ContainmentCheckIngredients.PropertyName, out var letters) || letters is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax check
                    || check.Expression is not MemberAccessExpressionSyntax member
                    || check.ArgumentList.Arguments.Count == 0)
                {
                    continue;
                }

                if (letters.IndexOf('a') >= 0)
                {
                    Register(context, diagnostic, "Append Path.DirectorySeparatorChar to the root", SeparatorKey, check, AppendSeparator);
                }

                if (letters.IndexOf('b') >= 0)
                {
                    Register(context, diagnostic, "Normalize the path with Path.GetFullPath", NormalizeKey, check, _ => Normalize(check, member));
                }

                if (letters.IndexOf('c') >= 0 && UseOrdinal(check) is not null)
                {
                    Register(context, diagnostic, "Compare with StringComparison.Ordinal", OrdinalKey, check, UseOrdinal!);
                }
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string key, InvocationExpressionSyntax check, System.Func<InvocationExpressionSyntax, InvocationExpressionSyntax?> rewrite)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, check, rewrite, ct), equivalenceKey: key),
                diagnostic);
        }

        private static InvocationExpressionSyntax AppendSeparator(InvocationExpressionSyntax check)
        {
            var argument = check.ArgumentList.Arguments[0];
            var prefix = argument.Expression;
            var left = NeedsParentheses(prefix) ? SyntaxFactory.ParenthesizedExpression(prefix.WithoutTrivia()) : prefix.WithoutTrivia();
            var appended = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, left, PathMember("DirectorySeparatorChar"))
                .WithTriviaFrom(prefix);
            return check.ReplaceNode(prefix, appended);
        }

        private static InvocationExpressionSyntax Normalize(InvocationExpressionSyntax check, MemberAccessExpressionSyntax member)
        {
            var receiver = member.Expression;
            var normalized = SyntaxFactory.InvocationExpression(
                    PathMember("GetFullPath"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(receiver.WithoutTrivia()))))
                .WithTriviaFrom(receiver);
            return check.ReplaceNode(receiver, normalized);
        }

        /// <summary>'StartsWith(p)' gains Ordinal; a culture StringComparison becomes Ordinal (or OrdinalIgnoreCase for an ignore-case one).</summary>
        private static InvocationExpressionSyntax? UseOrdinal(InvocationExpressionSyntax check)
        {
            var arguments = check.ArgumentList.Arguments;
            if (arguments.Count == 1)
            {
                return check.WithArgumentList(check.ArgumentList.AddArguments(SyntaxFactory.Argument(Comparison("Ordinal"))));
            }

            if (arguments.Count == 2 && arguments[1].Expression is MemberAccessExpressionSyntax comparison)
            {
                var ignoreCase = comparison.Name.Identifier.ValueText.EndsWith("IgnoreCase", System.StringComparison.Ordinal);
                return check.ReplaceNode(comparison, Comparison(ignoreCase ? "OrdinalIgnoreCase" : "Ordinal").WithTriviaFrom(comparison));
            }

            return null;
        }

        private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax check, System.Func<InvocationExpressionSyntax, InvocationExpressionSyntax?> rewrite, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var replacement = rewrite(check);
            if (root is null || replacement is null)
            {
                return document;
            }

            var changed = document.WithSyntaxRoot(root.ReplaceNode(check, replacement));
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static ExpressionSyntax PathMember(string name)
            => SyntaxFactory.ParseExpression("global::System.IO.Path." + name).WithAdditionalAnnotations(Simplifier.Annotation);

        private static ExpressionSyntax Comparison(string name)
            => SyntaxFactory.ParseExpression("global::System.StringComparison." + name).WithAdditionalAnnotations(Simplifier.Annotation);

        private static bool NeedsParentheses(ExpressionSyntax expression)
            => expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax
                or ElementAccessExpressionSyntax or InterpolatedStringExpressionSyntax or ParenthesizedExpressionSyntax)
               && !expression.IsKind(SyntaxKind.AddExpression);
    }
}
