using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using PathSafety.Analyzers;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.CodeFixes;

/// <summary>
/// PS0002/PS0003: where the root is evident (the deleted path is 'Path.Combine(root, …)', or a local that
/// is only ever assigned one), delete 'PathGuard.EnsureWithin(root, path)' instead; for a FileInfo or
/// DirectoryInfo (inline, or a local only ever assigned one) the path it is created with is wrapped. No root, no fix; and
/// no fix when the project does not have the embedded PathSafety.PathGuard.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnguardedDeleteCodeFixProvider)), Shared]
public sealed class UnguardedDeleteCodeFixProvider : CodeFixProvider
{
    /// <summary>Stable: Fix All and 'dotnet format' group the fixes by it; PS0002 and PS0003 share the fix.</summary>
    internal const string EquivalenceKey = "PS0002.GuardWithEnsureWithin";

    private const string Title = "Guard the delete with PathGuard.EnsureWithin";
    private const string PathGuardType = "PathSafety.PathGuard";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.UnguardedDelete, RuleIdentifiers.UnguardedRecursiveDelete);

    private static readonly FixAllProvider FixAll = NodeFixes.CreateFixAllProvider(FindFixes);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => NodeFixes.RegisterAsync(context, FindFixes);

    private static IEnumerable<NodeFix> FindFixes(FixSite site, Diagnostic diagnostic)
    {
        if (KnownSymbols.GetOrCreate(site.Model.Compilation).Get(PathGuardType) is null)
        {
            yield break;
        }

        var node = site.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ConditionalAccessExpressionSyntax access)
        {
            node = access.WhenNotNull;
        }

        if (node is InvocationExpressionSyntax call
            && TryFindGuardable(site.Model, call, site.CancellationToken, out var path, out var rootExpression))
        {
            yield return new NodeFix(Title, EquivalenceKey, path!, current => current is ExpressionSyntax now ? Wrap(now, rootExpression!) : null);
        }
    }

    /// <summary>The path expression to wrap and the evident root, both syntax of the document.</summary>
    private static bool TryFindGuardable(
        SemanticModel model,
        InvocationExpressionSyntax call,
        CancellationToken cancellationToken,
        out ExpressionSyntax? path,
        out ExpressionSyntax? rootExpression)
    {
        path = null;
        rootExpression = null;
        if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
            || !DeleteApis.GetOrCreate(model.Compilation).TryGetDeleteSite(invocation, out var site)
            || site is null)
        {
            return false;
        }

        var target = site.Target.WithoutConversions();
        if (site.TargetKind == DeleteTargetKind.InfoInstance)
        {
            // 'new DirectoryInfo(x).Delete(true)', or a local only ever assigned 'new DirectoryInfo(x)': guard x.
            if (target is ILocalReferenceOperation local)
            {
                target = LocalAssignments.TryGetSingleValue(local)?.WithoutConversions();
            }

            if (target is not IObjectCreationOperation { Arguments.Length: > 0 } creation)
            {
                return false;
            }

            target = creation.Arguments[0].Value.WithoutConversions();
        }

        var rootOperation = FindRoot(KnownSymbols.GetOrCreate(model.Compilation), target);
        if (rootOperation?.Syntax is not ExpressionSyntax rootSyntax || target?.Syntax is not ExpressionSyntax pathSyntax)
        {
            return false;
        }

        path = pathSyntax;
        rootExpression = rootSyntax;
        return true;
    }

    /// <summary>The first segment of the Path.Combine/Join that built the path, when it is a plain, repeatable value.</summary>
    private static IOperation? FindRoot(KnownSymbols known, IOperation? path)
    {
        var value = path?.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            value = LocalAssignments.TryGetSingleValue(local)?.WithoutConversions();
        }

        if (value is IInvocationOperation full && known.IsGetFullPath(full))
        {
            value = full.Arguments[0].Value.WithoutConversions();
        }

        if (value is not IInvocationOperation combine
            || !(known.IsPathMethod(combine.TargetMethod, "Combine") || known.IsPathMethod(combine.TargetMethod, "Join")))
        {
            return null;
        }

        var segments = ContainmentGuards.GetSegments(combine);
        if (segments.Count < 2)
        {
            return null;
        }

        var root = segments[0].WithoutConversions();
        return root switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation => root,
            IPropertyReferenceOperation { Arguments.Length: 0 } => root,
            // PathGuard refuses a root that is not fully qualified: guarding with "logs" would throw at run time.
            _ when root?.ConstantValue is { HasValue: true, Value: string text } => PathText.IsFullyQualifiedOnSomePlatform(text) ? root : null,
            _ => null,
        };
    }

    private static ExpressionSyntax Wrap(ExpressionSyntax path, ExpressionSyntax rootExpression)
    {
        var guard = SyntaxFactory.ParseExpression("global::PathSafety.PathGuard.EnsureWithin")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var wrapped = SyntaxFactory.InvocationExpression(
            guard,
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(rootExpression.WithoutTrivia()),
                SyntaxFactory.Argument(path.WithoutTrivia()),
            })));
        return wrapped.WithTriviaFrom(path);
    }
}
