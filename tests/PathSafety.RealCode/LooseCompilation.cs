using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>
/// A repository's sources parsed once, as a build of a current .NET target would see them, and set up for loose
/// compilations against the reference pack: errors are expected (package references are missing); what is measured
/// is binding, and what is found is what the analyzers report where the code binds.
/// </summary>
internal static class LooseCompilation
{
    /// <summary>Tree paths are the repository-relative path under this root, so findings print as repository paths.</summary>
    public const string Root = "/repo/";

    // What the SDK defines for a Release build of a current target framework.
    private static readonly string[] Symbols =
        ["TRACE", "RELEASE", "NET", "NETCOREAPP", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER",
            "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER"];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: Symbols);

    public static CompilerSetup Create(Snapshot snapshot, BuildSettings settings, bool concurrent)
        => Create(Parse(snapshot.Sources).Values, settings, concurrent);

    /// <summary>Each source parsed once, by repository path: a tree can be part of several compilations.</summary>
    public static IReadOnlyDictionary<string, SyntaxTree> Parse(IEnumerable<SnapshotFile> sources)
        => sources.AsParallel()
            .Select(f => (f.Path, Tree: CSharpSyntaxTree.ParseText(f.Text, ParseOptions, Root + f.Path)))
            .ToDictionary(p => p.Path, p => p.Tree, StringComparer.Ordinal);

    /// <summary>The trees (in path order, so runs are repeatable) plus the settings' global usings.</summary>
    public static CompilerSetup Create(IEnumerable<SyntaxTree> trees, BuildSettings settings, bool concurrent)
    {
        var all = trees.OrderBy(t => t.FilePath, StringComparer.Ordinal).ToList();
        if (settings.GlobalUsings is not null)
        {
            all.Add(CSharpSyntaxTree.ParseText(settings.GlobalUsings, ParseOptions, Root + "obj/GlobalUsings.g.cs"));
        }

        return CompilerSetup.FromTrees(all.ToImmutableArray(), concurrent, settings.Nullable);
    }

    public static string RepositoryPath(string treePath)
        => treePath.StartsWith(Root, StringComparison.Ordinal) ? treePath[Root.Length..] : treePath;
}
