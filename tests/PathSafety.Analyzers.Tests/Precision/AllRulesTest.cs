using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Runs every PathSafety analyzer on one consumer-like project: the source under test, the sources the package
/// embeds (attributes, PathGuard) and small stand-ins for the hosting, ASP.NET, test-framework and
/// System.IO.Abstractions types real maintenance code uses. Expected diagnostics are written as markup
/// (<c>{|PS0003:...|}</c>); anything else reported fails the test, so silence is asserted too.
/// </summary>
internal sealed class AllRulesTest : CSharpAnalyzerTest<RelativePathAnalyzer, DefaultVerifier>
{
    private static readonly (string Name, string Text)[] PackageSources =
        new[] { "PathSafety.Attributes.cs", "PathSafety.EmbeddedAttribute.cs", "PathSafety.PathGuard.cs" }
            .Select(file => ("/build/" + file, File.ReadAllText(Shipped.RepositoryFile("build", file))))
            .ToArray();

    private AllRulesTest(string source)
    {
        TestCode = source;
        TestState.Sources.Add(("/Stubs.cs", FrameworkStubs.Source));
        foreach (var file in PackageSources)
        {
            TestState.Sources.Add(file);
        }

        ReferenceAssemblies = TestReferences.Assemblies;
        SolutionTransforms.Add(TestReferences.UseLatestLanguageVersion);
    }

    /// <summary>Runs every analyzer on <paramref name="source"/> with the given .editorconfig lines (default scope when none).</summary>
    public static Task VerifyAsync(string source, params string[] editorConfig)
    {
        var test = new AllRulesTest(source);
        if (editorConfig.Length > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", TestReferences.EditorConfig(editorConfig)));
        }

        return test.RunAsync();
    }

    /// <summary>Runs the source as top-level statements (a Program.cs without Main) next to the stubs.</summary>
    public static Task VerifyProgramAsync(string source)
    {
        var test = new AllRulesTest(source);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Shipped.Analyzers;
}
