using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PathSafety.Analyzers.Tests.Verifiers;

/// <summary>
/// One configuration for every analyzer and code-fix test: the same reference assemblies (pinned once),
/// the newest language version, and helpers for .editorconfig options.
/// </summary>
public sealed class RuleTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public RuleTest(string source, params DiagnosticResult[] expected)
    {
        TestCode = source;
        ExpectedDiagnostics.AddRange(expected);
        ReferenceAssemblies = TestReferences.Assemblies;
        SolutionTransforms.Add(TestReferences.UseLatestLanguageVersion);
    }

    /// <summary>Adds a root .editorconfig with the given lines under '[*.cs]'.</summary>
    public RuleTest<TAnalyzer> WithEditorConfig(params string[] lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", TestReferences.EditorConfig(lines)));
        return this;
    }
}

public sealed class FixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public FixTest(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ExpectedDiagnostics.AddRange(expected);
        ReferenceAssemblies = TestReferences.Assemblies;
        SolutionTransforms.Add(TestReferences.UseLatestLanguageVersion);
    }

    public FixTest<TAnalyzer, TCodeFix> WithEditorConfig(params string[] lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", TestReferences.EditorConfig(lines)));
        return this;
    }
}

internal static class TestReferences
{
    /// <summary>Pinned once for every test; downloaded through NuGet on first use.</summary>
    public static readonly ReferenceAssemblies Assemblies = ReferenceAssemblies.Net.Net80;

    public static string EditorConfig(string[] lines)
        => "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n";

    public static Solution UseLatestLanguageVersion(Solution solution, ProjectId projectId)
    {
        var options = (CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
        return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(LanguageVersion.Preview));
    }
}
