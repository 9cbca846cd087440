using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>One file of a robustness run: a name to report and the text to analyze.</summary>
internal sealed record SourceInput(string Name, string Source, string Origin);

/// <summary>An analyzer exception or a code-fix failure, with what is needed to reproduce it.</summary>
internal sealed record Failure(string Kind, string Who, string Input, string Details)
{
    public override string ToString() => $"{Kind} in {Who} on {Input}:\n{Details}";
}

/// <summary>
/// Runs every analyzer and code fix shipped in PathSafety.Analyzers / PathSafety.CodeFixes (<see cref="Shipped"/>,
/// so new rules are covered without touching this file) over a set of sources, collecting every exception.
/// </summary>
internal static class AnalyzerHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview,
        preprocessorSymbols: ["DEBUG", "TRACE", "NET8_0_OR_GREATER"]);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References =
        new(() => TestReferences.Assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    /// <summary>A workspace project holding <paramref name="inputs"/>, the same project code fixes would see in an IDE.</summary>
    public static async Task<(AdhocWorkspace Workspace, Project Project)> CreateProjectAsync(
        IReadOnlyList<SourceInput> inputs, TestAnalyzerConfigOptionsProvider options)
    {
        var references = await References.Value.ConfigureAwait(false);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Robustness",
            "Robustness",
            LanguageNames.CSharp,
            filePath: "/src/Robustness.csproj",
            compilationOptions: new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: ParseOptions,
            metadataReferences: references));
        foreach (var input in inputs)
        {
            solution = solution.AddDocument(
                DocumentId.CreateNewId(projectId, input.Name), input.Name + ".cs", SourceText.From(input.Source), filePath: FilePath(input));
        }

        solution = solution
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(options.EditorConfigText()),
                filePath: "/src/.editorconfig")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), "PathSafety.globalconfig", SourceText.From(options.GlobalConfigText()),
                filePath: "/src/PathSafety.globalconfig");
        return (workspace, solution.GetProject(projectId)!);
    }

    public static string FilePath(SourceInput input) => "/src/" + input.Name + ".cs";

    /// <summary>Every analyzer diagnostic (including suppressed ones) and every analyzer exception.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Failure> Failures)> AnalyzeAsync(
        Compilation compilation, TestAnalyzerConfigOptionsProvider options, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var failures = new ConcurrentQueue<Failure>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers ?? Shipped.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([], options),
                (exception, analyzer, diagnostic) => failures.Enqueue(new Failure(
                    "Analyzer exception", analyzer.GetType().Name, DescribeLocation(diagnostic), exception.ToString())),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);

        // The driver also turns each exception into AD0001 (analyzer) or AD0002 (driver); count those only when the
        // callback saw nothing, so one exception is not reported twice.
        var result = failures.ToList();
        if (result.Count == 0)
        {
            result.AddRange(diagnostics
                .Where(d => d.Id is "AD0001" or "AD0002")
                .Select(d => new Failure("Analyzer diagnostic " + d.Id, "driver", DescribeLocation(d), d.GetMessage(CultureInfo.InvariantCulture))));
        }

        return (diagnostics, result);
    }

    /// <summary>
    /// Asks every code fix for its actions on every diagnostic it can fix and computes each action's edits,
    /// which is what applying it in an IDE does. Returns the solutions the fixes produce, for re-analysis.
    /// </summary>
    public static async Task<List<Solution>> ApplyAllFixesAsync(
        Project project, IEnumerable<Diagnostic> diagnostics, Func<Document, string> describe, List<Failure> failures,
            ImmutableArray<CodeFixProvider>? fixes = null)
    {
        var fixedSolutions = new List<Solution>();
        foreach (var diagnostic in diagnostics)
        {
            var document = diagnostic.Location.IsInSource ? project.GetDocument(diagnostic.Location.SourceTree) : null;
            if (document is null)
            {
                continue;
            }

            foreach (var provider in (fixes ?? Shipped.CodeFixes).Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var who = provider.GetType().Name;
                try
                {
                    foreach (var action in await GetActionsAsync(provider, document, diagnostic).ConfigureAwait(false))
                    {
                        who = provider.GetType().Name + " '" + action.Title + "'";
                        fixedSolutions.AddRange(await ApplyAsync(action, project.Solution).ConfigureAwait(false));
                    }
                }
                catch (Exception exception)
                {
                    failures.Add(new Failure("Code fix failure", who, describe(document) + " at " + diagnostic.Location.GetLineSpan(),
                        exception.ToString()));
                }
            }
        }

        return fixedSolutions;
    }

    public static async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions;
    }

    /// <summary>Computes an action's operations and reads back every document it changed.</summary>
    public static async Task<List<Solution>> ApplyAsync(CodeAction action, Solution original)
    {
        var solutions = new List<Solution>();
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (operation is not ApplyChangesOperation apply)
            {
                continue;
            }

            foreach (var change in apply.ChangedSolution.GetChanges(original).GetProjectChanges())
            {
                foreach (var id in change.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    _ = await apply.ChangedSolution.GetDocument(id)!.GetSyntaxRootAsync().ConfigureAwait(false);
                }
            }

            solutions.Add(apply.ChangedSolution);
        }

        return solutions;
    }

    private static string DescribeLocation(Diagnostic diagnostic)
        => diagnostic.Location.IsInSource ? diagnostic.Location.GetLineSpan().ToString() : "(no source location; see details)";
}
