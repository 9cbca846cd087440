using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace PathSafety.CodeFixes;

/// <summary>
/// One way to fix one finding: the node it replaces and how to rewrite that node as it is when the edit runs,
/// which may already hold another fix's edit (two fixes in one statement).
/// </summary>
internal sealed class NodeFix
{
    public NodeFix(string title, string equivalenceKey, SyntaxNode node, Func<SyntaxNode, SyntaxNode?> rewrite)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Node = node;
        Rewrite = rewrite;
    }

    public string Title { get; }

    /// <summary>Stable across findings and sessions: Fix All applies, to every finding, the fix with this key.</summary>
    public string EquivalenceKey { get; }

    public SyntaxNode Node { get; }

    /// <summary>The replacement for the current form of <see cref="Node"/>; null leaves it as it is.</summary>
    public Func<SyntaxNode, SyntaxNode?> Rewrite { get; }
}

/// <summary>What a provider sees of the document it fixes; computed once per document, also in Fix All.</summary>
internal sealed class FixSite
{
    public FixSite(Document document, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        Document = document;
        Root = root;
        Model = model;
        CancellationToken = cancellationToken;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public CancellationToken CancellationToken { get; }

    public static async Task<FixSite?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : new FixSite(document, root, model, cancellationToken);
    }
}

/// <summary>The fixes a provider offers for one finding, best first; none when it cannot fix it.</summary>
internal delegate IEnumerable<NodeFix> FixFinder(FixSite site, Diagnostic diagnostic);

/// <summary>
/// The one way every PathSafety code fix registers its actions and fixes in bulk. A single fix and Fix All run
/// the same edits through one <see cref="DocumentEditor"/>, so fixes in one document compose: a delete and a check
/// in the same statement both apply, and several deletes that need 'using PathSafety;' get it once.
/// </summary>
internal static class NodeFixes
{
    public static async Task RegisterAsync(CodeFixContext context, FixFinder findFixes)
    {
        var site = await FixSite.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
        if (site is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in findFixes(site, diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, ct => ApplyAsync(context.Document, new[] { fix }, ct), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Fix All for a provider. Each finding gets the fix with the requested equivalence key; with no key (a tool such
    /// as 'dotnet format' takes it from the first finding, which may be one no fix handles) each gets its best fix.
    /// A finding with no such fix is skipped and the others are still fixed.
    /// </summary>
    public static FixAllProvider CreateFixAllProvider(FixFinder findFixes)
        => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var site = await FixSite.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
            if (site is null)
            {
                return document;
            }

            var chosen = new List<NodeFix>();
            foreach (var diagnostic in diagnostics)
            {
                var fixes = findFixes(site, diagnostic).ToList();
                var fix = fixes.FirstOrDefault(f => f.EquivalenceKey == context.CodeActionEquivalenceKey)
                    ?? (context.CodeActionEquivalenceKey is null ? fixes.FirstOrDefault() : null);
                if (fix is not null)
                {
                    chosen.Add(fix);
                }
            }

            return chosen.Count == 0 ? document : await ApplyAsync(document, chosen, context.CancellationToken).ConfigureAwait(false);
        });

    private static async Task<Document> ApplyAsync(Document document, IEnumerable<NodeFix> fixes, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var edited = new HashSet<SyntaxNode>();

        // Innermost first: an outer rewrite then sees the inner one's result instead of overwriting it. One edit per
        // node: two findings can share a node (two deletes through one DirectoryInfo local), and wrapping it twice is wrong.
        foreach (var fix in fixes.OrderBy(f => f.Node.Span.Length).ThenBy(f => f.Node.SpanStart))
        {
            if (edited.Add(fix.Node))
            {
                editor.ReplaceNode(fix.Node, (current, _) => fix.Rewrite(current) ?? current);
            }
        }

        // Fully qualified, annotated names: the import adder adds each 'using' once, the simplifier then shortens the
        // names, and keeps them qualified where a user type of the same name would clash.
        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
