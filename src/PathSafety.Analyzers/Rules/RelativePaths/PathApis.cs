using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.RelativePaths;

/// <summary>
/// Which calls take a file or folder path that the file system resolves: System.IO ('File', 'Directory',
/// the 'FileInfo'/'DirectoryInfo'/'FileStream'/'StreamReader'/'StreamWriter'/'FileSystemWatcher' constructors,
/// single-argument 'Path.GetFullPath'), 'System.IO.Compression.ZipFile' and, when referenced,
/// System.IO.Abstractions. Types are resolved once per compilation; matching is by symbol, and the path
/// arguments are the string parameters with a path name ('path', 'sourceFileName', 'destDirName'...).
/// </summary>
internal sealed class PathApis
{
    /// <summary>
    /// Parameter names that carry a path the file system resolves against the current directory. Not
    /// 'pathToTarget' (a link target is resolved against the link) nor 'searchPattern'.
    /// </summary>
    private static readonly HashSet<string> PathParameterNames = new HashSet<string>
    {
        "path", "fileName", "linkPath",
        "sourceFileName", "destFileName", "destinationFileName", "destinationBackupFileName",
        "sourceDirName", "destDirName", "sourceDirectoryName", "destinationDirectoryName",
        "sourceArchiveFileName", "destinationArchiveFileName", "archiveFileName",
    };

    /// <summary>
    /// Instance methods of FileInfo/DirectoryInfo whose path argument is not relative to the instance. A pattern, not a
    /// set: it runs for every instance call, and comparing three names is cheaper than hashing the name.
    /// </summary>
    private static bool IsInfoMethodWithPath(string name) => name is "CopyTo" or "MoveTo" or "Replace";

    private readonly KnownSymbols _known;
    private readonly ImmutableArray<INamedTypeSymbol> _staticTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _constructedTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _infoTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _abstractionServices;
    private readonly ImmutableArray<INamedTypeSymbol> _abstractionFactories;
    private readonly INamedTypeSymbol? _abstractionPath;

    private PathApis(KnownSymbols known)
    {
        _known = known;
        _staticTypes = known.GetAll("System.IO.File", "System.IO.Directory", "System.IO.Compression.ZipFile",
            "System.IO.Compression.ZipFileExtensions");
        _constructedTypes = known.GetAll(
            "System.IO.FileInfo",
            "System.IO.DirectoryInfo",
            "System.IO.FileStream",
            "System.IO.StreamReader",
            "System.IO.StreamWriter",
            "System.IO.FileSystemWatcher");
        _infoTypes = known.GetAll("System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.Abstractions.IFileInfo",
            "System.IO.Abstractions.IDirectoryInfo");
        _abstractionServices = known.GetAll("System.IO.Abstractions.IFile", "System.IO.Abstractions.IDirectory");
        _abstractionFactories = known.GetAll(
            "System.IO.Abstractions.IFileInfoFactory",
            "System.IO.Abstractions.IDirectoryInfoFactory",
            "System.IO.Abstractions.IFileStreamFactory",
            "System.IO.Abstractions.IFileSystemWatcherFactory");
        _abstractionPath = known.Get("System.IO.Abstractions.IPath");
    }

    /// <summary>The one instance for <paramref name="compilation"/>.</summary>
    public static PathApis GetOrCreate(Compilation compilation)
        => KnownSymbols.GetOrCreate(compilation).GetOrCreateTable(static k => new PathApis(k));

    /// <summary>True when the compilation can call any path API at all (else PS0001 need not run).</summary>
    public bool AnyAvailable => !_staticTypes.IsEmpty || !_constructedTypes.IsEmpty || !_abstractionServices.IsEmpty;

    /// <summary>
    /// The path arguments of an invocation or object creation of a path API, written by the caller (not
    /// defaulted), and how a message names the API ('File.Delete', 'new FileInfo', 'IFile.Delete').
    /// </summary>
    public bool TryGetPathArguments(IOperation operation, out string apiName, out ImmutableArray<IArgumentOperation> pathArguments)
    {
        apiName = string.Empty;
        pathArguments = ImmutableArray<IArgumentOperation>.Empty;

        switch (operation)
        {
            case IInvocationOperation invocation when IsPathMethodWithPathParameter(invocation.TargetMethod):
                apiName = ApiName(invocation.TargetMethod);
                pathArguments = PathArguments(invocation.Arguments);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation when IsPathConstructor(constructor):
                apiName = "new " + constructor.ContainingType.Name;
                pathArguments = PathArguments(creation.Arguments);
                break;
        }

        return !pathArguments.IsEmpty;
    }

    /// <summary>True when <paramref name="argument"/> is a path argument of a path API.</summary>
    public bool IsPathArgument(IArgumentOperation argument)
        => argument.Parameter is { } parameter
           && IsPathParameter(parameter)
           && (argument.Parent is IInvocationOperation invocation ? IsPathMethod(invocation.TargetMethod)
               : argument.Parent is IObjectCreationOperation { Constructor: { } constructor } && IsPathConstructor(constructor));

    /// <summary>
    /// This runs for every call in the compilation. The type tests come first: they are identity comparisons,
    /// while reading a method's parameters builds an array. An instance method can be an IFile implementation
    /// only when System.IO.Abstractions is referenced; then its interfaces are read, so the parameter test comes
    /// first.
    /// </summary>
    private bool IsPathMethodWithPathParameter(IMethodSymbol method)
        => method.IsStatic || !HasAbstractions
            ? IsPathMethod(method) && HasPathParameter(method)
            : HasPathParameter(method) && IsPathMethod(method);

    private bool HasAbstractions => !_abstractionServices.IsEmpty || !_abstractionFactories.IsEmpty || _abstractionPath is not null;

    /// <summary>'File.Delete'; an extension method by its receiver: 'ZipArchive.ExtractToDirectory'.</summary>
    private static string ApiName(IMethodSymbol method)
    {
        var type = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;
        return (type?.Name ?? string.Empty) + "." + method.Name;
    }

    private bool IsPathMethod(IMethodSymbol method)
    {
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null || method.MethodKind == MethodKind.Constructor)
        {
            return false;
        }

        if (method.IsStatic)
        {
            if (KnownSymbols.IsAny(type, _staticTypes))
            {
                return true;
            }

            // Path.GetFullPath(path, basePath) resolves against basePath, not the current directory.
            return method.Name == "GetFullPath" && method.Parameters.Length == 1 && KnownSymbols.Is(type, _known.Path);
        }

        if (IsInfoMethodWithPath(method.Name) && IsOrImplements(type, _infoTypes))
        {
            return true;
        }

        if (IsOrImplements(type, _abstractionServices))
        {
            return true;
        }

        if (method.Name == "New" && IsOrImplements(type, _abstractionFactories))
        {
            return true;
        }

        return method.Name == "GetFullPath" && method.Parameters.Length == 1 && _abstractionPath is not null
               && IsOrImplements(type, ImmutableArray.Create(_abstractionPath));
    }

    private bool IsPathConstructor(IMethodSymbol constructor)
        => constructor.ContainingType is { } type && KnownSymbols.IsAny(type.OriginalDefinition, _constructedTypes);

    private static ImmutableArray<IArgumentOperation> PathArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        var builder = ImmutableArray.CreateBuilder<IArgumentOperation>();
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsPathParameter(parameter))
            {
                builder.Add(argument);
            }
        }

        return builder.ToImmutable();
    }

    private static bool HasPathParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsPathParameter(parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPathParameter(IParameterSymbol parameter)
        => parameter.Type.SpecialType == SpecialType.System_String
           && parameter.RefKind == RefKind.None
           && PathParameterNames.Contains(parameter.Name);

    /// <summary>The type itself, or an implementation such as System.IO.Abstractions' FileWrapper or a mock.</summary>
    private static bool IsOrImplements(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> interfaces)
    {
        if (interfaces.IsEmpty)
        {
            return false;
        }

        if (KnownSymbols.IsAny(type, interfaces))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (KnownSymbols.IsAny(candidate.OriginalDefinition, interfaces))
            {
                return true;
            }
        }

        return false;
    }
}
