using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// Well-known types resolved once per compilation and shared by every rule and helper (one instance per
/// compilation, whichever analyzer asks first), so nothing looks a type up per operation or compares type names
/// as strings. Helpers that need a type the rules share take it from here rather than resolving it again.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        String = compilation.GetSpecialType(SpecialType.System_String);
        Path = compilation.GetTypeByMetadataName("System.IO.Path");
        File = compilation.GetTypeByMetadataName("System.IO.File");
        Directory = compilation.GetTypeByMetadataName("System.IO.Directory");
        FileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        DirectoryInfo = compilation.GetTypeByMetadataName("System.IO.DirectoryInfo");
        FileSystemInfo = compilation.GetTypeByMetadataName("System.IO.FileSystemInfo");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        AppContext = compilation.GetTypeByMetadataName("System.AppContext");
        AppDomain = compilation.GetTypeByMetadataName("System.AppDomain");
        Assembly = compilation.GetTypeByMetadataName("System.Reflection.Assembly");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol String { get; }

    public INamedTypeSymbol? Path { get; }

    public INamedTypeSymbol? File { get; }

    public INamedTypeSymbol? Directory { get; }

    public INamedTypeSymbol? FileInfo { get; }

    public INamedTypeSymbol? DirectoryInfo { get; }

    public INamedTypeSymbol? FileSystemInfo { get; }

    public INamedTypeSymbol? Environment { get; }

    public INamedTypeSymbol? AppContext { get; }

    public INamedTypeSymbol? AppDomain { get; }

    public INamedTypeSymbol? Assembly { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public static KnownSymbols Create(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>The types of <paramref name="metadataNames"/> the compilation can see; missing ones are left out.</summary>
    public static ImmutableArray<INamedTypeSymbol> ResolveAll(Compilation compilation, params string[] metadataNames)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in metadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Whether <paramref name="type"/> (or its generic definition) is one of <paramref name="types"/>.</summary>
    public static bool IsAny(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> types)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var known in types)
        {
            if (SymbolEqualityComparer.Default.Equals(type, known) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>'Path.GetFullPath(path)': the one-argument form, which normalizes against the current directory.</summary>
    public bool IsGetFullPath(IInvocationOperation invocation)
        => invocation.Arguments.Length == 1 && IsPathMethod(invocation.TargetMethod, "GetFullPath");

    public bool IsPathMethod(IMethodSymbol method, string name)
        => Path is not null
           && method.Name == name
           && SymbolEqualityComparer.Default.Equals(method.ContainingType, Path);
}
