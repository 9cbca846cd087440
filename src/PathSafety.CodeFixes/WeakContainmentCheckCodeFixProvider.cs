using System;
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
using PathSafety.Analyzers.Rules.ContainmentChecks;

namespace PathSafety.CodeFixes;

/// <summary>
/// PS0007, one fix per missing ingredient of a StartsWith check: (a) append Path.DirectorySeparatorChar to
/// the root (trimming any it already ends with, so it does not get two), (b) wrap the checked path in
/// Path.GetFullPath, (c) compare with StringComparison.Ordinal. When several are missing, one more action adds them
/// all (offered first, with the key of the complete fix, which a single missing ingredient's fix also has). '..' filters and
/// GetFullPath(path, root) need a real check, which no mechanical edit can supply.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakContainmentCheckCodeFixProvider)), Shared]
public sealed class WeakContainmentCheckCodeFixProvider : CodeFixProvider
{
    private const string SeparatorKey = "PS0007.TrailingSeparator";
    private const string NormalizeKey = "PS0007.Normalize";
    private const string OrdinalKey = "PS0007.Ordinal";
    private const string AllKey = "PS0007.All";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.WeakContainmentCheck);

    private static readonly FixAllProvider FixAll = NodeFixes.CreateFixAllProvider(FindFixes);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => NodeFixes.RegisterAsync(context, FindFixes);

    private static IEnumerable<NodeFix> FindFixes(FixSite site, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ContainmentCheckIngredients.PropertyName, out var letters) || letters is null
            || site.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax check
            || check.Expression is not MemberAccessExpressionSyntax
            || check.ArgumentList.Arguments.Count == 0)
        {
            yield break;
        }

        var fixes = new List<Ingredient>();
        if (letters.IndexOf('c') >= 0 && UseOrdinal(check) is not null)
        {
            fixes.Add(new Ingredient("Compare with StringComparison.Ordinal", OrdinalKey, UseOrdinal));
        }

        if (letters.IndexOf('a') >= 0)
        {
            fixes.Add(new Ingredient("Append Path.DirectorySeparatorChar to the root", SeparatorKey, AppendSeparator));
        }

        if (letters.IndexOf('b') >= 0)
        {
            fixes.Add(new Ingredient("Normalize the path with Path.GetFullPath", NormalizeKey, Normalize));
        }

        // The complete fix comes first and always has the same key, also when it is a single ingredient: batch tools
        // ('dotnet format') take the key of the first finding's first action and apply that key to every finding.
        if (fixes.Count == 1)
        {
            yield return Fix(fixes[0].Title, AllKey, check, fixes[0].Rewrite);
            yield break;
        }

        if (fixes.Count > 1)
        {
            yield return Fix("Add every missing ingredient to the check", AllKey, check, node => Compose(node, fixes));
        }

        foreach (var fix in fixes)
        {
            yield return Fix(fix.Title, fix.Key, check, fix.Rewrite);
        }
    }

    private static InvocationExpressionSyntax? Compose(InvocationExpressionSyntax check, List<Ingredient> fixes)
    {
        InvocationExpressionSyntax? current = check;
        foreach (var fix in fixes)
        {
            current = current is null ? null : fix.Rewrite(current);
        }

        return current;
    }

    private static NodeFix Fix(
        string title, string key, InvocationExpressionSyntax check, Func<InvocationExpressionSyntax, InvocationExpressionSyntax?> rewrite)
        => new(title, key, check, current => current is InvocationExpressionSyntax now ? rewrite(now) : null);

    private static InvocationExpressionSyntax AppendSeparator(InvocationExpressionSyntax check)
    {
        var argument = check.ArgumentList.Arguments[0];
        var prefix = argument.Expression;
        var operand = NeedsParentheses(prefix) ? SyntaxFactory.ParenthesizedExpression(prefix.WithoutTrivia()) : prefix.WithoutTrivia();

        // A root that already ends with a separator would get two, and then nothing passes: trim it first. TrimEnd
        // rather than Path.TrimEndingDirectorySeparator, which .NET Framework lacks: the fix must be the same text on
        // every target framework of a multi-targeted project, or the IDE and 'dotnet format' see conflicting edits.
        ExpressionSyntax left = operand;
        if (prefix is not LiteralExpressionSyntax)
        {
            left = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, operand, SyntaxFactory.IdentifierName("TrimEnd")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(PathMember("DirectorySeparatorChar")),
                    SyntaxFactory.Argument(PathMember("AltDirectorySeparatorChar")),
                })));
        }

        var appended = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, left, PathMember("DirectorySeparatorChar"))
            .WithTriviaFrom(prefix);
        return check.ReplaceNode(prefix, appended);
    }

    private static InvocationExpressionSyntax? Normalize(InvocationExpressionSyntax check)
    {
        if (check.Expression is not MemberAccessExpressionSyntax member)
        {
            return null;
        }

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
            var ignoreCase = comparison.Name.Identifier.ValueText.EndsWith("IgnoreCase", StringComparison.Ordinal);
            return check.ReplaceNode(comparison, Comparison(ignoreCase ? "OrdinalIgnoreCase" : "Ordinal").WithTriviaFrom(comparison));
        }

        return null;
    }

    private static ExpressionSyntax PathMember(string name)
        => SyntaxFactory.ParseExpression("global::System.IO.Path." + name).WithAdditionalAnnotations(Simplifier.Annotation);

    private static ExpressionSyntax Comparison(string name)
        => SyntaxFactory.ParseExpression("global::System.StringComparison." + name).WithAdditionalAnnotations(Simplifier.Annotation);

    private static bool NeedsParentheses(ExpressionSyntax expression)
        => expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax
            or ElementAccessExpressionSyntax or InterpolatedStringExpressionSyntax or ParenthesizedExpressionSyntax);

    /// <summary>One missing ingredient's edit.</summary>
    private sealed class Ingredient
    {
        public Ingredient(string title, string key, Func<InvocationExpressionSyntax, InvocationExpressionSyntax?> rewrite)
        {
            Title = title;
            Key = key;
            Rewrite = rewrite;
        }

        public string Title { get; }

        public string Key { get; }

        public Func<InvocationExpressionSyntax, InvocationExpressionSyntax?> Rewrite { get; }
    }
}
