using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// The per-compilation symbol cache: the only place that resolves types by metadata name (BannedSymbols.txt bans
/// 'GetTypeByMetadataName' everywhere else). One instance per compilation, whichever analyzer asks first. Each type
/// is resolved once (the common ones up front, the rest on first use) and then shared, so nothing looks a type up
/// per operation or compares type names as strings. The API tables built on it (<see cref="DeleteApis"/>,
/// <see cref="EnumerationApis"/>...) are cached here too, so each is built once per compilation. Thread-safe.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, object> _tables = new();
    private readonly Func<string, INamedTypeSymbol?> _resolve;

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        String = compilation.GetSpecialType(SpecialType.System_String);
        _resolve = Resolve;

        // The types most rules test on every operation are read from fields, not looked up by name each time.
        Path = Get("System.IO.Path");
        File = Get("System.IO.File");
        Directory = Get("System.IO.Directory");
        FileInfo = Get("System.IO.FileInfo");
        DirectoryInfo = Get("System.IO.DirectoryInfo");
        FileSystemInfo = Get("System.IO.FileSystemInfo");
        Environment = Get("System.Environment");
        AppContext = Get("System.AppContext");
        AppDomain = Get("System.AppDomain");
        Assembly = Get("System.Reflection.Assembly");
        Guid = Get("System.Guid");
        DateTimeOffset = Get("System.DateTimeOffset");
        Enumerable = Get("System.Linq.Enumerable");
        AbstractDirectory = Get("System.IO.Abstractions.IDirectory");
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

    /// <summary>System.IO.Abstractions' IDirectory, when the package is referenced.</summary>
    public INamedTypeSymbol? AbstractDirectory { get; }

    /// <summary>The one instance for <paramref name="compilation"/>.</summary>
    public static KnownSymbols GetOrCreate(Compilation compilation)
        => PerCompilation.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>The type named <paramref name="metadataName"/>, or null when the compilation cannot see it (or sees two).</summary>
    public INamedTypeSymbol? Get(string metadataName) => _types.GetOrAdd(metadataName, _resolve);

    /// <summary>The types of <paramref name="metadataNames"/> the compilation can see; missing ones are left out.</summary>
    public ImmutableArray<INamedTypeSymbol> GetAll(params string[] metadataNames)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in metadataNames)
        {
            if (Get(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The table of type <typeparamref name="T"/> for this compilation, built by <paramref name="create"/> on first
    /// use. Tables built only from this cache are the same for every caller, so one instance serves all rules.
    /// </summary>
    public T GetOrCreateTable<T>(Func<KnownSymbols, T> create)
        where T : class
        => (T)_tables.GetOrAdd(typeof(T), _ => create(this));

    /// <summary>
    /// True when <paramref name="ns"/> is exactly the namespace <paramref name="dottedName"/> ('System.Linq'), compared
    /// name by name from the innermost part: no display string is built, so it is cheap enough for every operation.
    /// </summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string dottedName)
    {
        var end = dottedName.Length;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            var start = dottedName.LastIndexOf('.', end - 1) + 1;
            var name = current.Name;
            if (name.Length != end - start || string.CompareOrdinal(dottedName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> (or its generic definition) is <paramref name="known"/>.</summary>
    /// <remarks>
    /// Asked for nearly every call of a compilation, almost always about another type: a type and its generic
    /// definition share their name, so comparing the stored names first settles those without the symbol comparer.
    /// </remarks>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null
           && type is not null
           && (ReferenceEquals(type, known)
               || (string.Equals(type.Name, known.Name, System.StringComparison.Ordinal)
                   && (SymbolEqualityComparer.Default.Equals(type, known) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known))));

    /// <summary>Whether <paramref name="type"/> (or its generic definition) is one of <paramref name="types"/>.</summary>
    public static bool IsAny(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> types)
    {
        foreach (var known in types)
        {
            if (Is(type, known))
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
        => Path is { } path
           && method.Name == name
           && SymbolEqualityComparer.Default.Equals(method.ContainingType, path);

    // The one call site of GetTypeByMetadataName: every other type lookup goes through this cache.
#pragma warning disable RS0030 // Banned API: this cache is its one home.
    private INamedTypeSymbol? Resolve(string metadataName) => Compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
}
