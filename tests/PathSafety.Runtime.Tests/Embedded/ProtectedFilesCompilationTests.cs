using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PathSafety.Build;

namespace PathSafety.Runtime.Tests.Embedded;

/// <summary>
/// The embedded class and the list the build generates compile in every consumer they can land in: C# 7.3 up,
/// .NET Framework, .NET Standard, .NET; the hosting integration with the generic host's assemblies; and without
/// CS0436 in projects that share internals.
/// </summary>
public sealed class ProtectedFilesCompilationTests
{
    private static string Resource(string name)
    {
        using var stream = typeof(ProtectedFilesCompilationTests).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>What the build writes to obj/ for a project with these protected files.</summary>
    private static string GeneratedList()
    {
        var metadata = new Dictionary<string, string> { ["AllowEmpty"] = "true", ["Sha256"] = new string('a', 64) };
        var declarations = new[] { "appsettings.json", "config/ü '$.json" }
            .Select(spec => ProtectedFileDeclaration.TryParse(
                spec, name => spec.StartsWith("config", StringComparison.Ordinal) ? metadata.GetValueOrDefault(name) : null, out var d, out _)
                ? d!
                : throw new InvalidOperationException(spec))
            .ToList();
        return WriteProtectedFilesSource.Generate(declarations);
    }

    public static TheoryData<string> Targets() => new() { "netstandard2.0", "net472", "net8.0" };

    private static (ReferenceAssemblies References, string[] Symbols) Target(string name) => name switch
    {
        "netstandard2.0" => (ReferenceAssemblies.NetStandard.NetStandard20, ["NETSTANDARD", "NETSTANDARD2_0"]),
        "net472" => (ReferenceAssemblies.NetFramework.Net472.Default, ["NETFRAMEWORK", "NET472"]),
        _ => (ReferenceAssemblies.Net.Net80, ["NETCOREAPP", "NET", "NET8_0"]),
    };

    private static CSharpCompilation Compile(
        IEnumerable<MetadataReference> references,
        string[] symbols,
        LanguageVersion version,
        NullableContextOptions nullable,
        IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(version, preprocessorSymbols: symbols))),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999));

    private static async Task<CSharpCompilation> CompileAsync(
        string target, LanguageVersion version, NullableContextOptions nullable, params string[] extraSources)
    {
        var (references, symbols) = Target(target);
        var resolved = await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        string[] sources = [Resource("PathSafety.ProtectedFiles.cs"), Resource("PathSafety.EmbeddedAttribute.cs"), GeneratedList(), .. extraSources];
        return Compile(resolved, symbols, version, nullable, sources);
    }

    /// <summary>This process's framework and the generic host's assemblies: enough to compile the hosting source.</summary>
    private static List<MetadataReference> HostReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var host = new[] { typeof(IHostedService), typeof(ILogger), typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection) }
            .Select(t => t.Assembly.Location);
        return platform.Concat(host).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static IEnumerable<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Info);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Compiles_without_diagnostics_with_CSharp_7_3(string target)
    {
        Assert.Empty(Problems(await CompileAsync(target, LanguageVersion.CSharp7_3, NullableContextOptions.Disable)));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Compiles_without_diagnostics_with_nullable_and_the_latest_language(string target)
    {
        Assert.Empty(Problems(await CompileAsync(target, LanguageVersion.Latest, NullableContextOptions.Enable)));
    }

    [Fact]
    public async Task The_static_half_compiles_alone_with_an_empty_list()
    {
        var (references, symbols) = Target("netstandard2.0");
        var compilation = Compile(
            await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            symbols,
            LanguageVersion.CSharp7_3,
            NullableContextOptions.Disable,
            [Resource("PathSafety.ProtectedFiles.cs"), Resource("PathSafety.EmbeddedAttribute.cs")]);
        Assert.Empty(Problems(compilation));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    public void Hosting_integration_compiles_with_the_generic_host(LanguageVersion version, NullableContextOptions nullable)
    {
        var use = """
            static class Startup
            {
                static void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    PathSafety.ProtectedFilesHostingExtensions.AddProtectedFilesWatcher(
                        PathSafety.ProtectedFilesHostingExtensions.AddProtectedFilesCheck(services));
                }

                static void Configure(Microsoft.Extensions.Hosting.IHostBuilder builder)
                {
                    PathSafety.ProtectedFilesHostingExtensions.UseProtectedFilesWatcher(
                        PathSafety.ProtectedFilesHostingExtensions.UseProtectedFilesCheck(builder));
                }
            }
            """;
        var compilation = Compile(
            HostReferences(),
            ["NETCOREAPP", "NET"],
            version,
            nullable,
            [
                Resource("PathSafety.ProtectedFiles.cs"), Resource("PathSafety.EmbeddedAttribute.cs"),
                Resource("PathSafety.ProtectedFiles.Hosting.cs"), GeneratedList(), use,
            ]);
        Assert.Empty(Problems(compilation));
    }

    [Fact]
    public async Task Two_projects_sharing_internals_each_get_their_own_without_CS0436()
    {
        var library = (await CompileAsync("net8.0", LanguageVersion.Latest, NullableContextOptions.Enable,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]")).WithAssemblyName("Library");
        Assert.Empty(Problems(library));

        var consumer = (await CompileAsync("net8.0", LanguageVersion.Latest, NullableContextOptions.Enable,
                "static class Use { static int M() => PathSafety.ProtectedFiles.Verify(null).Count + PathSafety.ProtectedFiles.Files.Count; }"))
            .AddReferences(library.ToMetadataReference());
        Assert.Empty(consumer.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
