using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// Which calls delete files or folders: System.IO, Microsoft.VisualBasic.FileIO and, when referenced,
/// System.IO.Abstractions. Types are resolved once per compilation; matching is by symbol.
/// </summary>
internal sealed class DeleteApis
{
    private readonly KnownSymbols _known;
    private readonly INamedTypeSymbol? _visualBasicFileSystem;
    private readonly INamedTypeSymbol? _abstractFile;
    private readonly INamedTypeSymbol? _abstractFileInfo;
    private readonly INamedTypeSymbol? _abstractDirectoryInfo;
    private readonly INamedTypeSymbol? _abstractFileSystemInfo;

    private DeleteApis(KnownSymbols known)
    {
        _known = known;
        _visualBasicFileSystem = known.Get("Microsoft.VisualBasic.FileIO.FileSystem");
        _abstractFile = known.Get("System.IO.Abstractions.IFile");
        _abstractFileInfo = known.Get("System.IO.Abstractions.IFileInfo");
        _abstractDirectoryInfo = known.Get("System.IO.Abstractions.IDirectoryInfo");
        _abstractFileSystemInfo = known.Get("System.IO.Abstractions.IFileSystemInfo");
    }

    /// <summary>The one instance for <paramref name="compilation"/>.</summary>
    public static DeleteApis GetOrCreate(Compilation compilation)
        => KnownSymbols.GetOrCreate(compilation).GetOrCreateTable(static k => new DeleteApis(k));

    /// <summary>True when the compilation can call any delete API at all (else the delete rules need not run).</summary>
    public bool AnyAvailable => _known.File is not null || _known.Directory is not null || _known.FileSystemInfo is not null
        || _abstractFile is not null;

    /// <summary>Cheap name test callers run before <see cref="TryGetDeleteSite"/>.</summary>
    public static bool MayBeDelete(IMethodSymbol method)
        => method.Name is "Delete" or "DeleteFile" or "DeleteDirectory";

    public bool TryGetDeleteSite(IInvocationOperation invocation, out DeleteSite? site)
    {
        site = null;
        var method = invocation.TargetMethod;
        if (!MayBeDelete(method))
        {
            return false;
        }

        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        if (method.IsStatic)
        {
            if (KnownSymbols.Is(type, _known.File) && method.Name == "Delete")
            {
                return TryPathSite(invocation, "File.Delete", deletesDirectory: false, out site);
            }

            if (KnownSymbols.Is(type, _known.Directory) && method.Name == "Delete")
            {
                return TryPathSite(invocation, "Directory.Delete", deletesDirectory: true, out site);
            }

            if (KnownSymbols.Is(type, _visualBasicFileSystem))
            {
                return method.Name == "DeleteFile"
                    ? TryPathSite(invocation, "FileSystem.DeleteFile", deletesDirectory: false, out site)
                    : method.Name == "DeleteDirectory" && TryPathSite(invocation, "FileSystem.DeleteDirectory", deletesDirectory: true, out site);
            }

            return false;
        }

        if (method.Name != "Delete")
        {
            return false;
        }

        if (KnownSymbols.Is(type, _abstractFile) || Implements(type, _abstractFile))
        {
            return TryPathSite(invocation, "IFile.Delete", deletesDirectory: false, out site);
        }

        if (KnownSymbols.Is(type, _known.AbstractDirectory) || Implements(type, _known.AbstractDirectory))
        {
            return TryPathSite(invocation, "IDirectory.Delete", deletesDirectory: true, out site);
        }

        if (invocation.Instance is null)
        {
            return false;
        }

        if (KnownSymbols.Is(type, _known.FileInfo) || KnownSymbols.Is(type, _abstractFileInfo) || Implements(type, _abstractFileInfo))
        {
            site = new DeleteSite(invocation, type.Name + ".Delete", false, DeleteTargetKind.InfoInstance, invocation.Instance, false);
            return true;
        }

        if (KnownSymbols.Is(type, _known.DirectoryInfo) || KnownSymbols.Is(type, _abstractDirectoryInfo) || Implements(type, _abstractDirectoryInfo))
        {
            site = new DeleteSite(invocation, type.Name + ".Delete", true, DeleteTargetKind.InfoInstance, invocation.Instance,
                IsRecursive(invocation));
            return true;
        }

        if (KnownSymbols.Is(type, _known.FileSystemInfo) || KnownSymbols.Is(type, _abstractFileSystemInfo))
        {
            // The static type does not say whether a file or a folder goes; the runtime object may be either.
            var isDirectory = IsDirectoryInfoValue(invocation.Instance);
            site = new DeleteSite(invocation, type.Name + ".Delete", isDirectory, DeleteTargetKind.InfoInstance, invocation.Instance, false);
            return true;
        }

        return false;
    }

    private bool IsDirectoryInfoValue(IOperation instance)
    {
        var operand = instance is IConversionOperation conversion ? conversion.Operand : instance;
        var type = operand.Type?.OriginalDefinition;
        return KnownSymbols.Is(type, _known.DirectoryInfo) || KnownSymbols.Is(type, _abstractDirectoryInfo);
    }

    private static bool TryPathSite(IInvocationOperation invocation, string apiName, bool deletesDirectory, out DeleteSite? site)
    {
        site = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && argument.Parameter.Type.SpecialType == SpecialType.System_String)
            {
                site = new DeleteSite(invocation, apiName, deletesDirectory, DeleteTargetKind.PathArgument, argument.Value,
                    deletesDirectory && IsRecursive(invocation));
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 'recursive: true' (bool) or 'DeleteDirectoryOption.DeleteAllContents' (Visual Basic). A value not known
    /// at compile time counts as recursive: it can be true.
    /// </summary>
    private static bool IsRecursive(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (parameter.Type.SpecialType == SpecialType.System_Boolean && parameter.Name == "recursive")
            {
                return !(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is false);
            }

            if (parameter.Type.Name == "DeleteDirectoryOption")
            {
                // DeleteDirectoryOption.ThrowIfDirectoryNonEmpty = 4, DeleteAllContents = 5.
                return !(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is 4);
            }
        }

        return false;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? @interface)
    {
        if (@interface is null)
        {
            return false;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, @interface))
            {
                return true;
            }
        }

        return false;
    }
}
