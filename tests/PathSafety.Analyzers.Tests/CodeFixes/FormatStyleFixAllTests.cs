using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PathSafety.Analyzers.Tests.Robustness;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All the way 'dotnet format analyzers' drives it: one pass per diagnostic ID, solution scope, the equivalence key
/// of the first action offered for the first finding of the analyzers that report that ID (null when no fix handles
/// that finding). Every fixable finding must be fixed, every other one must stay, and the result must compile.
/// </summary>
public class FormatStyleFixAllTests
{
    private static readonly string[] FixableIds = ["PS0001", "PS0002", "PS0003", "PS0005", "PS0007"];

    private const string Program = """
        internal static class Program
        {
            public static void Main() { }
        }
        """;

    // Each rule's first finding in a file is one no fix can handle, as in the file of the report that led here.
    private const string Cleanup = """
        using System;
        using System.IO;

        class Cleanup
        {
            const string Rooted = "/etc";
            private readonly string _cache = "/srv/app/cache";

            void Run(string root, string name, string path, bool flag)
            {
                var local = "data";
                File.WriteAllText(local, name);
                File.WriteAllText("out.txt", name);
                File.AppendAllText("more.txt", name);
                File.Delete(path);
                File.Delete(Path.Combine(root, name));
                File.Delete(Path.Combine(_cache, name));
                Directory.Delete(path, true);
                Directory.Delete(Path.Combine(root, name), recursive: true);
                var info = new DirectoryInfo(Path.Combine(_cache, name));
                if (flag) info.Delete(true); else info.Delete(recursive: true);
                Console.WriteLine(Path.Combine(root, Rooted) + Path.Combine(root, "/config.json") + Path.Combine(root, @"\logs"));
                if (path.StartsWith(root, StringComparison.InvariantCultureIgnoreCase) || name.StartsWith(root)) File.Delete(path);
                var full = Path.GetFullPath(path);
                if (full.StartsWith(root, StringComparison.Ordinal) && full.StartsWith(_cache, StringComparison.Ordinal)) File.Delete(full);
                if (full.StartsWith(root + Path.DirectorySeparatorChar)) File.Delete(full);
                if (full.StartsWith(_cache + Path.DirectorySeparatorChar, true, System.Globalization.CultureInfo.InvariantCulture)) File.Delete(full);
            }
        }
        """;

    [Fact]
    public async Task Every_fixable_finding_is_fixed_and_the_others_stay()
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync(
            [
                new SourceInput("Cleanup", Cleanup, "test"),
                new SourceInput("Second", Cleanup.Replace("class Cleanup", "class Second"), "test"),
                new SourceInput("PathGuard", UnguardedDeleteCodeFixProviderTests.PathGuard + Program, "test"),
            ],
            options);
        using (workspace)
        {
            var before = await AnalyzeAsync(project, options);
            var fixable = new List<Diagnostic>();
            var unfixable = new List<Diagnostic>();
            foreach (var diagnostic in before)
            {
                var actions = await ActionsAsync(project, diagnostic);
                (actions.Count > 0 ? fixable : unfixable).Add(diagnostic);
            }

            // The file is what the test says it is: several fixable findings of each rule, and some that are not.
            foreach (var id in FixableIds)
            {
                Assert.True(fixable.Count(d => d.Id == id) >= 2, $"expected several fixable {id}: {Describe(before)}");
                Assert.True(unfixable.Any(d => d.Id == id), $"expected an unfixable {id}: {Describe(before)}");
                var first = before.First(d => d.Id == id);
                Assert.True(unfixable.Contains(first) || id == "PS0007", $"expected the first {id} to be unfixable: {first}");
            }

            foreach (var id in FixableIds)
            {
                project = await FixAllLikeDotnetFormatAsync(project, options, id);
            }

            var after = await AnalyzeAsync(project, options);
            Assert.Equal(
                unfixable.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count()),
                after.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count()));

            var compilation = await project.GetCompilationAsync();
            Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    private static async Task<Project> FixAllLikeDotnetFormatAsync(Project project, TestAnalyzerConfigOptionsProvider options, string id)
    {
        var analyzers = Shipped.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToImmutableArray();
        var compilation = await project.GetCompilationAsync();
        var (found, _) = await AnalyzerHarness.AnalyzeAsync(compilation!, options, analyzers);
        var diagnostics = InSourceOrder(found).ToImmutableArray();
        if (diagnostics.IsEmpty)
        {
            return project;
        }

        var first = diagnostics[0];
        var document = project.GetDocument(first.Location.SourceTree)!;
        foreach (var provider in Shipped.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(id)))
        {
            var fixAll = provider.GetFixAllProvider();
            Assert.True(
                fixAll?.GetSupportedFixAllScopes().Contains(FixAllScope.Solution),
                $"{provider.GetType().Name} has no solution-scope Fix All");
            var key = (await AnalyzerHarness.GetActionsAsync(provider, document, first)).FirstOrDefault()?.EquivalenceKey;
            var context = new FixAllContext(document, provider, FixAllScope.Solution, key!, [id], new Provider(diagnostics), CancellationToken.None);
            var action = await fixAll!.GetFixAsync(context);
            Assert.True(action is not null, $"{provider.GetType().Name} returned no Fix All action for {id} (key '{key}')");
            var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            project = apply.ChangedSolution.GetProject(project.Id)!;
        }

        return project;
    }

    private static async Task<List<Diagnostic>> AnalyzeAsync(Project project, TestAnalyzerConfigOptionsProvider options)
    {
        var (diagnostics, failures) = await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, options);
        Assert.Empty(failures);
        return InSourceOrder(diagnostics).ToList();
    }

    private static IEnumerable<Diagnostic> InSourceOrder(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Where(d => FixableIds.Contains(d.Id)).OrderBy(d => d.Location.SourceTree!.FilePath).ThenBy(d => d.Location.SourceSpan.Start);

    private static async Task<List<CodeAction>> ActionsAsync(Project project, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        foreach (var provider in Shipped.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            actions.AddRange(await AnalyzerHarness.GetActionsAsync(provider, document, diagnostic));
        }

        return actions;
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics);

    /// <summary>What 'dotnet format' hands Fix All: the findings of its own analysis run, whatever the scope asks.</summary>
    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
