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
    private readonly KnownSymbols _known;
    private readonly ImmutableArray<INamedTypeSymbol> _hostEnvironments;

    public PathAnchors(KnownSymbols known)
    {
        _known = known;
        _hostEnvironments = known.GetAll(
            "Microsoft.Extensions.Hosting.IHostEnvironment",
            "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
            "Microsoft.Extensions.Hosting.IHostingEnvironment",
            "Microsoft.AspNetCore.Hosting.IHostingEnvironment");
    }

    /// <summary>True for a method of System.IO.Path (Combine, Join, GetFullPath... are followed by <see cref="PathValue"/>).</summary>
    public bool IsPathMethod(IMethodSymbol method) => KnownSymbols.Is(method.ContainingType?.OriginalDefinition, _known.Path);

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
                if (KnownSymbols.Is(type, _known.Directory) && method.Name == "GetCurrentDirectory")
                {
                    return PathValueInfo.Relative("Directory.GetCurrentDirectory()", invocation);
                }

                var isAnchor = (KnownSymbols.Is(type, _known.Environment) && method.Name == "GetFolderPath")
                    || (KnownSymbols.Is(type, _known.Path) && method.Name is "GetTempPath" or "GetTempFileName");
                return isAnchor ? PathValueInfo.Absolute : null;
            default:
                return null;
        }
    }

    /// <summary>'Environment.GetEnvironmentVariable(...)': null when the variable is not set.</summary>
    public bool IsEnvironmentVariableRead(IOperation value)
        => value is IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariable" } invocation
           && KnownSymbols.Is(invocation.TargetMethod.ContainingType?.OriginalDefinition, _known.Environment);

    private PathValueInfo? FromProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var type = property.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return null;
        }

        if (KnownSymbols.Is(type, _known.Environment))
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
            "BaseDirectory" => KnownSymbols.Is(type, _known.AppContext) || KnownSymbols.Is(type, _known.AppDomain),
            "Location" => DerivesFrom(type, _known.Assembly),
            "ContentRootPath" or "WebRootPath" => IsHostEnvironment(type),
            _ => false,
        };
        return isAnchor ? PathValueInfo.Absolute : null;
    }

    private bool IsHostEnvironment(INamedTypeSymbol type)
    {
        foreach (var host in _hostEnvironments)
        {
            if (KnownSymbols.Is(type, host))
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (KnownSymbols.Is(@interface.OriginalDefinition, host))
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
            if (KnownSymbols.Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
