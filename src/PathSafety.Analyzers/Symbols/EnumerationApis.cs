using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// The types the enumeration-delete rules (PS0004, PS0006) look at: the folder enumerations, what consumes
/// them (foreach aside) and what filters their elements by name. Resolved once per compilation.
/// </summary>
internal sealed class EnumerationApis
{
    private static readonly ConditionalWeakTable<KnownSymbols, EnumerationApis> PerCompilation = new();

    private EnumerationApis(KnownSymbols known)
    {
        var compilation = known.Compilation;
        Known = known;
        AbstractDirectory = compilation.GetTypeByMetadataName("System.IO.Abstractions.IDirectory");

        Directory = known.Directory;
        DirectoryInfo = known.DirectoryInfo;
        FileInfo = known.FileInfo;
        FileSystemInfo = known.FileSystemInfo;
        Path = known.Path;
        EnumerationOptions = compilation.GetTypeByMetadataName("System.IO.EnumerationOptions");
        Enumerable = known.Enumerable;
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        Array = compilation.GetSpecialType(SpecialType.System_Array);
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        Regex = compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex");
        AppContext = known.AppContext;
        AppDomain = known.AppDomain;
    }

    public KnownSymbols Known { get; }

    public INamedTypeSymbol? Directory { get; }

    /// <summary>System.IO.Abstractions' IDirectory (its enumerations yield paths), when the package is referenced.</summary>
    public INamedTypeSymbol? AbstractDirectory { get; }

    public INamedTypeSymbol? DirectoryInfo { get; }

    public INamedTypeSymbol? FileInfo { get; }

    public INamedTypeSymbol? FileSystemInfo { get; }

    public INamedTypeSymbol? Path { get; }

    public INamedTypeSymbol? EnumerationOptions { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol Array { get; }

    public INamedTypeSymbol? Parallel { get; }

    public INamedTypeSymbol? Regex { get; }

    public INamedTypeSymbol? AppContext { get; }

    public INamedTypeSymbol? AppDomain { get; }

    /// <summary>One instance per compilation's <see cref="KnownSymbols"/>, whose types it reuses.</summary>
    public static EnumerationApis Get(KnownSymbols known) => PerCompilation.GetValue(known, static k => new EnumerationApis(k));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>FileInfo, DirectoryInfo or FileSystemInfo (what the DirectoryInfo enumerations yield).</summary>
    public bool IsInfo(ITypeSymbol? type) => Is(type, FileInfo) || Is(type, DirectoryInfo) || Is(type, FileSystemInfo);

    public bool IsPathMethod(IMethodSymbol method, string name) => method.Name == name && Is(method.ContainingType, Path);
}
