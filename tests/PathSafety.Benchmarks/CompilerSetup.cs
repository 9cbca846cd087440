using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Benchmarks;

/// <summary>References, parsed corpus and the analyzers under test: everything shared by every measured compilation.</summary>
internal sealed class CompilerSetup
{
    private CompilerSetup(ImmutableArray<MetadataReference> references, string referenceSource, ImmutableArray<SyntaxTree> trees, bool concurrent)
    {
        References = references;
        ReferenceSource = referenceSource;
        Trees = trees;
        Concurrent = concurrent;
    }

    public ImmutableArray<MetadataReference> References { get; }

    public string ReferenceSource { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public bool Concurrent { get; }

    /// <summary>Every analyzer the package ships, found by reflection so new rules are measured without edits here.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> PathSafetyAnalyzers { get; } =
        Assembly.Load(new AssemblyName("PathSafety.Analyzers")).GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static CompilerSetup Create(IReadOnlyList<CorpusFile> files, bool concurrent)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/corpus/" + f.Path)).ToImmutableArray();
        var (references, source) = LoadReferences();
        return new CompilerSetup(references, source, trees, concurrent);
    }

    /// <summary>
    /// A fresh compilation: nothing bound yet, so each measurement pays for all of its binding. The warm-up one
    /// (a few modules; each is self-contained) only gets the code JIT-compiled before the measured rounds.
    /// </summary>
    public CSharpCompilation NewCompilation(bool warmUp = false)
        => CSharpCompilation.Create(
            "Corpus",
            warmUp ? Trees.Take(10) : Trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: Concurrent));

    /// <summary>
    /// The reference assemblies a build would compile against (the targeting pack of the running runtime), or the
    /// runtime's own assemblies when no pack is installed.
    /// </summary>
    private static (ImmutableArray<MetadataReference> References, string Source) LoadReferences()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var folder = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(v => Path.Combine(v, "ref", framework))
                .Where(Directory.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (folder is not null)
        {
            return (Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).Select(p
                => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray(), folder);
        }

        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return (trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
            || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray(), "runtime assemblies");
    }
}
