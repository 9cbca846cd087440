using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// Which calls delete files or folders: System.IO, Microsoft.VisualBasic.FileIO and, when referenced,
/// System.IO.Abstractions. Types are resolved once per compilation; matching is by symbol.
/// </summary>
internal sealed class DeleteApis
{
    private readonly INamedTypeSymbol? _file;
    private readonly INamedTypeSymbol? _directory;
    private readonly INamedTypeSymbol? _fileInfo;
    private readonly INamedTypeSymbol? _directoryInfo;
    private readonly INamedTypeSymbol? _fileSystemInfo;
    private readonly INamedTypeSymbol? _vbFileSystem;
    private readonly INamedTypeSymbol? _ioaFile;
    private readonly INamedTypeSymbol? _ioaDirectory;
    private readonly INamedTypeSymbol? _ioaFileInfo;
    private readonly INamedTypeSymbol? _ioaDirectoryInfo;
    private readonly INamedTypeSymbol? _ioaFileSystemInfo;

    private DeleteApis(Compilation compilation)
    {
        var known = KnownSymbols.Create(compilation);
        _file = known.File;
        _directory = known.Directory;
        _fileInfo = known.FileInfo;
        _directoryInfo = known.DirectoryInfo;
        _fileSystemInfo = known.FileSystemInfo;
        _vbFileSystem = compilation.GetTypeByMetadataName("Microsoft.VisualBasic.FileIO.FileSystem");
        _ioaFile = compilation.GetTypeByMetadataName("System.IO.Abstractions.IFile");
        _ioaDirectory = compilation.GetTypeByMetadataName("System.IO.Abstractions.IDirectory");
        _ioaFileInfo = compilation.GetTypeByMetadataName("System.IO.Abstractions.IFileInfo");
        _ioaDirectoryInfo = compilation.GetTypeByMetadataName("System.IO.Abstractions.IDirectoryInfo");
        _ioaFileSystemInfo = compilation.GetTypeByMetadataName("System.IO.Abstractions.IFileSystemInfo");
    }

    public static DeleteApis Create(Compilation compilation) => new DeleteApis(compilation);

    /// <summary>True when the compilation can call any delete API at all (else the delete rules need not run).</summary>
    public bool AnyAvailable => _file is not null || _directory is not null || _fileSystemInfo is not null || _ioaFile is not null;

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
            if (Is(type, _file) && method.Name == "Delete")
            {
                return TryPathSite(invocation, "File.Delete", deletesDirectory: false, out site);
            }

            if (Is(type, _directory) && method.Name == "Delete")
            {
                return TryPathSite(invocation, "Directory.Delete", deletesDirectory: true, out site);
            }

            if (Is(type, _vbFileSystem))
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

        if (Is(type, _ioaFile) || Implements(type, _ioaFile))
        {
            return TryPathSite(invocation, "IFile.Delete", deletesDirectory: false, out site);
        }

        if (Is(type, _ioaDirectory) || Implements(type, _ioaDirectory))
        {
            return TryPathSite(invocation, "IDirectory.Delete", deletesDirectory: true, out site);
        }

        if (invocation.Instance is null)
        {
            return false;
        }

        if (Is(type, _fileInfo) || Is(type, _ioaFileInfo) || Implements(type, _ioaFileInfo))
        {
            site = new DeleteSite(invocation, type.Name + ".Delete", false, DeleteTargetKind.InfoInstance, invocation.Instance, false);
            return true;
        }

        if (Is(type, _directoryInfo) || Is(type, _ioaDirectoryInfo) || Implements(type, _ioaDirectoryInfo))
        {
            site = new DeleteSite(invocation, type.Name + ".Delete", true, DeleteTargetKind.InfoInstance, invocation.Instance, IsRecursive(invocation));
            return true;
        }

        if (Is(type, _fileSystemInfo) || Is(type, _ioaFileSystemInfo))
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
        return Is(operand.Type?.OriginalDefinition, _directoryInfo) || Is(operand.Type?.OriginalDefinition, _ioaDirectoryInfo);
    }

    private static bool TryPathSite(IInvocationOperation invocation, string apiName, bool deletesDirectory, out DeleteSite? site)
    {
        site = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && argument.Parameter.Type.SpecialType == SpecialType.System_String)
            {
                site = new DeleteSite(invocation, apiName, deletesDirectory, DeleteTargetKind.PathArgument, argument.Value, deletesDirectory && IsRecursive(invocation));
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

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

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
