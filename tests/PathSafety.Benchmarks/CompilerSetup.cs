using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Benchmarks;

/// <summary>References, parsed corpus and the analyzers under test: everything shared by every measured compilation.</summary>
internal sealed class CompilerSetup
{
    private CompilerSetup(ImmutableArray<MetadataReference> references, string referenceSource, ImmutableArray<SyntaxTree> trees, bool concurrent,
        NullableContextOptions nullable)
    {
        References = references;
        ReferenceSource = referenceSource;
        Trees = trees;
        Concurrent = concurrent;
        Nullable = nullable;
    }

    public ImmutableArray<MetadataReference> References { get; }

    public string ReferenceSource { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public bool Concurrent { get; }

    /// <summary>Nullable analysis is part of binding where a project enables it, so it is measured only there.</summary>
    public NullableContextOptions Nullable { get; }

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
        return FromTrees(trees, concurrent, NullableContextOptions.Enable);
    }

    /// <summary>Any parsed sources, such as a real repository's: compiled loosely (errors allowed) against the reference pack.</summary>
    public static CompilerSetup FromTrees(ImmutableArray<SyntaxTree> trees, bool concurrent, NullableContextOptions nullable)
    {
        var (references, source) = ReferencePack.Load();
        return new CompilerSetup(references, source, trees, concurrent, nullable);
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
                nullableContextOptions: Nullable,
                allowUnsafe: true,
                concurrentBuild: Concurrent));
}
