using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Rules.Deletes;

namespace PathSafety.Analyzers.Tests.Embedded;

/// <summary>The embedded helper compiles in every consumer it can land in: C# 7.3 up, .NET Framework, .NET Standard, .NET.</summary>
public class PathGuardCompilationTests
{
    /// <summary>The helper and the EmbeddedAttribute declaration the package adds with it.</summary>
    private static string Source(string name = "PathSafety.PathGuard.cs")
    {
        using var stream = typeof(PathGuardCompilationTests).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static TheoryData<string> Targets() => new() { "netstandard2.0", "net472", "net8.0" };

    private static (ReferenceAssemblies References, string[] Symbols) Target(string name) => name switch
    {
        "netstandard2.0" => (ReferenceAssemblies.NetStandard.NetStandard20, ["NETSTANDARD", "NETSTANDARD2_0"]),
        "net472" => (ReferenceAssemblies.NetFramework.Net472.Default, ["NETFRAMEWORK", "NET472"]),
        _ => (ReferenceAssemblies.Net.Net80, ["NETCOREAPP", "NET", "NET8_0"]),
    };

    private static async Task<CSharpCompilation> CompileAsync(string target, LanguageVersion version, NullableContextOptions nullable,
        params string[] extraSources)
    {
        var (references, symbols) = Target(target);
        var resolved = await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parse = new CSharpParseOptions(version, preprocessorSymbols: symbols);
        var trees = new[] { Source(), Source("PathSafety.EmbeddedAttribute.cs") }.Concat(extraSources).Select(s
            => CSharpSyntaxTree.ParseText(s, parse)).ToArray();
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            resolved,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable,
                generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Compiles_without_diagnostics_with_CSharp_7_3(string target)
    {
        var compilation = await CompileAsync(target, LanguageVersion.CSharp7_3, NullableContextOptions.Disable);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Info));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Compiles_without_diagnostics_with_nullable_and_the_latest_language(string target)
    {
        var compilation = await CompileAsync(target, LanguageVersion.Latest, NullableContextOptions.Enable);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Info));
    }

    [Fact]
    public async Task Coexists_with_the_embedded_PathGuard_attribute()
    {
        var consumer = """
            namespace Consumer
            {
                using PathSafety;

                static class Checks
                {
                    [PathGuard]
                    public static void Require(string root, string path) => PathGuard.EnsureWithin(root, path);
                }
            }
            """;
        var compilation = await CompileAsync("net8.0", LanguageVersion.Latest, NullableContextOptions.Enable, Source("PathSafety.Attributes.cs"),
            consumer);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task Two_projects_sharing_internals_each_get_their_own_without_CS0436()
    {
        var library = (await CompileAsync(
            "net8.0",
            LanguageVersion.Latest,
            NullableContextOptions.Enable,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]")).WithAssemblyName("Library");
        Assert.Empty(library.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var consumer = (await CompileAsync(
                "net8.0",
                LanguageVersion.Latest,
                NullableContextOptions.Enable,
                "static class Use { static bool M(string r, string p) => PathSafety.PathGuard.IsWithin(r, p); }"))
            .AddReferences(library.ToMetadataReference());
        Assert.Empty(consumer.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task Analyzers_accept_its_calls_as_guards_and_report_nothing_in_the_helper()
    {
        var consumer = """
            using System.IO;

            static class Cleanup
            {
                public static void Run(string root, string name)
                {
                    File.Delete(PathSafety.PathGuard.EnsureWithin(root, Path.Combine(root, name)));
                    var target = Path.Combine(root, name);
                    if (PathSafety.PathGuard.IsWithin(root, target)) Directory.Delete(target, true);
                    File.Delete(name);
                }
            }
            """;
        var compilation = await CompileAsync("net8.0", LanguageVersion.Latest, NullableContextOptions.Enable, consumer);
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new AllTreesOptions("pathsafety.scope", "all"));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new UnsafeDeleteAnalyzer(), new WeakContainmentCheckAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        // Only the control delete, which nothing guards.
        var only = Assert.Single(diagnostics);
        Assert.Equal("PS0002", only.Id);
        Assert.Contains("'name'", only.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private sealed class AllTreesOptions(string key, string value) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(key, value);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(string key, string value) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? found)
            {
                found = name == key ? value : null;
                return found is not null;
            }
        }
    }
}
