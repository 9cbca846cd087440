using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// The well-known sources of a path: anchors that are absolute wherever the process starts
/// (AppContext.BaseDirectory, Environment.GetFolderPath, Path.GetTempPath, Assembly.Location,
/// IHostEnvironment.ContentRootPath...) and the current directory itself. Resolved once per compilation.
/// </summary>
internal sealed class PathAnchors
{
    private readonly INamedTypeSymbol? _path;
    private readonly INamedTypeSymbol? _directory;
    private readonly INamedTypeSymbol? _environment;
    private readonly INamedTypeSymbol? _appContext;
    private readonly INamedTypeSymbol? _appDomain;
    private readonly INamedTypeSymbol? _assembly;
    private readonly ImmutableArray<INamedTypeSymbol> _hostEnvironments;

    public PathAnchors(Compilation compilation)
    {
        var known = KnownSymbols.Create(compilation);
        _path = known.Path;
        _directory = known.Directory;
        _environment = known.Environment;
        _appContext = known.AppContext;
        _appDomain = known.AppDomain;
        _assembly = known.Assembly;
        _hostEnvironments = KnownSymbols.ResolveAll(
            compilation,
            "Microsoft.Extensions.Hosting.IHostEnvironment",
            "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
            "Microsoft.Extensions.Hosting.IHostingEnvironment",
            "Microsoft.AspNetCore.Hosting.IHostingEnvironment");
    }

    /// <summary>True for a method of System.IO.Path (Combine, Join, GetFullPath... are followed by <see cref="PathValue"/>).</summary>
    public bool IsPathMethod(IMethodSymbol method) => Is(method.ContainingType?.OriginalDefinition, _path);

    /// <summary>
    /// Absolute for an anchor, relative for the current directory, null for anything else. The current
    /// directory is relative in PathSafety's sense: whatever is built from it depends on where the process started.
    /// </summary>
    public PathValueInfo? Classify(IOperation value)
    {
        switch (value)
        {
            case IPropertyReferenceOperation reference:
                return FromProperty(reference);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var type = method.ContainingType?.OriginalDefinition;
                if (Is(type, _directory) && method.Name == "GetCurrentDirectory")
                {
                    return PathValueInfo.Relative("Directory.GetCurrentDirectory()", invocation);
                }

                var isAnchor = (Is(type, _environment) && method.Name == "GetFolderPath")
                    || (Is(type, _path) && method.Name is "GetTempPath" or "GetTempFileName");
                return isAnchor ? PathValueInfo.Absolute : null;
            default:
                return null;
        }
    }

    /// <summary>'Environment.GetEnvironmentVariable(...)': null when the variable is not set.</summary>
    public bool IsEnvironmentVariableRead(IOperation value)
        => value is IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariable" } invocation
           && Is(invocation.TargetMethod.ContainingType?.OriginalDefinition, _environment);

    private PathValueInfo? FromProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var type = property.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return null;
        }

        if (Is(type, _environment))
        {
            return property.Name switch
            {
                "CurrentDirectory" => PathValueInfo.Relative("Environment.CurrentDirectory", reference),
                "ProcessPath" or "SystemDirectory" => PathValueInfo.Absolute,
                _ => null,
            };
        }

        var isAnchor = property.Name switch
        {
            "BaseDirectory" => Is(type, _appContext) || Is(type, _appDomain),
            "Location" => DerivesFrom(type, _assembly),
            "ContentRootPath" or "WebRootPath" => IsHostEnvironment(type),
            _ => false,
        };
        return isAnchor ? PathValueInfo.Absolute : null;
    }

    private bool IsHostEnvironment(INamedTypeSymbol type)
    {
        foreach (var host in _hostEnvironments)
        {
            if (Is(type, host))
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (Is(@interface.OriginalDefinition, host))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
