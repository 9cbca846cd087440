using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// The types the enumeration-delete rules (PS0004, PS0006) look at beyond <see cref="KnownSymbols"/>: what consumes
/// a folder enumeration (foreach aside) and what filters its elements by name. One instance per compilation.
/// </summary>
internal sealed class EnumerationApis
{
    private EnumerationApis(KnownSymbols known)
    {
        Known = known;
        EnumerationOptions = known.Get("System.IO.EnumerationOptions");
        List = known.Get("System.Collections.Generic.List`1");
        Parallel = known.Get("System.Threading.Tasks.Parallel");
        Regex = known.Get("System.Text.RegularExpressions.Regex");
        Array = known.Compilation.GetSpecialType(SpecialType.System_Array);
    }

    /// <summary>The compilation's symbol cache: System.IO's types, IDirectory, Enumerable, AppContext...</summary>
    public KnownSymbols Known { get; }

    public INamedTypeSymbol? EnumerationOptions { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol Array { get; }

    public INamedTypeSymbol? Parallel { get; }

    public INamedTypeSymbol? Regex { get; }

    /// <summary>The one instance for the compilation of <paramref name="known"/>.</summary>
    public static EnumerationApis GetOrCreate(KnownSymbols known) => known.GetOrCreateTable(static k => new EnumerationApis(k));

    /// <summary>FileInfo, DirectoryInfo or FileSystemInfo (what the DirectoryInfo enumerations yield).</summary>
    public bool IsInfo(ITypeSymbol? type)
        => KnownSymbols.Is(type, Known.FileInfo) || KnownSymbols.Is(type, Known.DirectoryInfo) || KnownSymbols.Is(type, Known.FileSystemInfo);

    public bool IsPathMethod(IMethodSymbol method, string name) => method.Name == name && KnownSymbols.Is(method.ContainingType, Known.Path);
}
