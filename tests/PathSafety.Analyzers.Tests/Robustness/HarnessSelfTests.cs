using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Rules.RootedPathCombineSegments;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// The robustness tests only mean something if the harness finds every analyzer and fix, sees an exception when
/// one happens, and really breaks the code it feeds them.
/// </summary>
public sealed class HarnessSelfTests
{
    [Fact]
    public void Every_shipped_analyzer_and_code_fix_is_found_and_exported_for_CSharp()
    {
        Assert.Contains(Shipped.Analyzers, a => a is RootedPathCombineSegmentAnalyzer);
        Assert.Contains(Shipped.Analyzers, a => a is Analyzers.Rules.Deletes.UnsafeDeleteAnalyzer);
        Assert.NotEmpty(Shipped.CodeFixes);
        Assert.All(Shipped.Analyzers, a => Assert.Contains(
            LanguageNames.CSharp,
            a.GetType().GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Cast<DiagnosticAnalyzerAttribute>().SelectMany(x
                => x.Languages)));
        Assert.All(Shipped.CodeFixes, f => Assert.Contains(
            LanguageNames.CSharp,
            f.GetType().GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>().SelectMany(x
                => x.Languages)));
    }

    [Fact]
    public void Every_code_fix_fixes_only_diagnostics_an_analyzer_reports_and_supports_Fix_All()
    {
        var reported = Shipped.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Shipped.CodeFixes, fix =>
        {
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, reported));
            Assert.NotNull(fix.GetFixAllProvider());
        });
    }

    [Fact]
    public async Task An_analyzer_exception_is_reported_with_the_input_that_caused_it()
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync([SeedCorpus.All[0]], options);
        using var _ = workspace;

        var (_, failures) = await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, options, [new ThrowingAnalyzer()]);

        var failure = Assert.Single(failures);
        Assert.Equal(nameof(ThrowingAnalyzer), failure.Who);
        Assert.Contains("deliberate", failure.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_fix_exception_is_reported_with_the_input_that_caused_it()
    {
        var options = TestAnalyzerConfigOptionsProvider.AllInScope;
        var (workspace, project) = await AnalyzerHarness.CreateProjectAsync([SeedCorpus.All[0]], options);
        using var _ = workspace;
        var document = project.Documents.First();
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostic = Diagnostic.Create(ThrowingAnalyzer.Rule, Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(0, 5)));

        var failures = new List<Failure>();

        await AnalyzerHarness.ApplyAllFixesAsync(project, [diagnostic], d => "input " + d.Name, failures, [new ThrowingFix()]);

        var failure = Assert.Single(failures);
        Assert.StartsWith("input " + document.Name, failure.Input, StringComparison.Ordinal);
        Assert.Contains("deliberate", failure.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutants_are_reproducible_and_really_differ_from_their_seeds()
    {
        var seeds = SeedCorpus.All;
        var mutants = Enumerable.Range(0, 500).Select(i => Mutator.Create(42, i, seeds[i % seeds.Count])).ToList();
        var again = Enumerable.Range(0, 500).Select(i => Mutator.Create(42, i, seeds[i % seeds.Count])).ToList();

        Assert.Equal(mutants, again);
        Assert.True(mutants.Count(m => m.Source != seeds.Single(s => m.Name.StartsWith(s.Name + "_", StringComparison.Ordinal)).Source) > 450);
        Assert.True(mutants.Select(m => m.Source).Distinct(StringComparer.Ordinal).Count() > 450);
    }

    // A deliberately broken analyzer that lives only in this test; the shipping-analyzer rules do not apply to it.
#pragma warning disable RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(_ => throw new InvalidOperationException("deliberate"));
        }
    }
#pragma warning restore RS1036, RS2008

    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    private sealed class ThrowingFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => [ThrowingAnalyzer.Rule.Id];

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException("deliberate");
    }
}
