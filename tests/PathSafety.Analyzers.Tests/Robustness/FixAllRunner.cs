using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>Runs each code fix's Fix All (document, project and solution scope) the way the IDE's lightbulb does.</summary>
internal static class FixAllRunner
{
    public static async Task<List<Failure>> RunAsync(Project project, ImmutableArray<Diagnostic> diagnostics)
    {
        var failures = new List<Failure>();
        var provider = new FixedDiagnostics(diagnostics);
        foreach (var fix in Shipped.CodeFixes)
        {
            var fixAll = fix.GetFixAllProvider();
            var first = diagnostics.FirstOrDefault(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource);
            var document = first is null ? null : project.GetDocument(first.Location.SourceTree);
            if (fixAll is null || first is null || document is null)
            {
                continue;
            }

            try
            {
                var keys = (await AnalyzerHarness.GetActionsAsync(fix, document, first)).Select(a => a.EquivalenceKey).Distinct();
                foreach (var key in keys)
                {
                    // Containing-member and containing-type scopes need the IDE's span-based constructor.
                    foreach (var scope in fixAll.GetSupportedFixAllScopes().Where(s
                        => s is FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution))
                    {
                        var context = new FixAllContext(document, fix, scope, key, fix.FixableDiagnosticIds, provider, CancellationToken.None);
                        var action = await fixAll.GetFixAsync(context);
                        if (action is not null)
                        {
                            await AnalyzerHarness.ApplyAsync(action, project.Solution);
                        }
                    }
                }
            }
            catch (Exception exception)
            {
                failures.Add(new Failure("Fix All failure", fix.GetType().Name, document.Name, exception.ToString()));
            }
        }

        return failures;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
