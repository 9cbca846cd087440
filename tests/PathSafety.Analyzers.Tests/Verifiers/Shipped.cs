using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Analyzers.Tests.Verifiers;

/// <summary>
/// What the package ships, found by reflection so a new rule is covered by the all-rules, robustness and catalog
/// tests without touching them; and where the repository's files are.
/// </summary>
internal static class Shipped
{
    /// <summary>Every analyzer in PathSafety.Analyzers, ordered by type name.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Discover<DiagnosticAnalyzer>("PathSafety.Analyzers");

    /// <summary>Every code fix in PathSafety.CodeFixes, ordered by type name.</summary>
    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = Discover<CodeFixProvider>("PathSafety.CodeFixes");

    /// <summary>The repository's root folder (set by the test project so tests can read docs and build files).</summary>
    public static readonly string RepositoryRoot = Path.GetFullPath(
        typeof(Shipped).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    public static string RepositoryFile(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static ImmutableArray<T> Discover<T>(string assemblyName)
        where T : class
        => Assembly.Load(new AssemblyName(assemblyName)).GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(T).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
