using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

internal enum DeleteTargetKind
{
    /// <summary>The path is a string argument ('File.Delete(path)').</summary>
    PathArgument,

    /// <summary>The target is the receiver ('info.Delete()' on a FileInfo/DirectoryInfo or an IFileInfo).</summary>
    InfoInstance,
}

/// <summary>One call that deletes a file or a folder, as the delete rules see it.</summary>
internal sealed class DeleteSite
{
    public DeleteSite(IInvocationOperation invocation, string apiName, bool deletesDirectory, DeleteTargetKind targetKind, IOperation target,
        bool isRecursive)
    {
        Invocation = invocation;
        ApiName = apiName;
        DeletesDirectory = deletesDirectory;
        TargetKind = targetKind;
        Target = target;
        IsRecursive = isRecursive;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>How the message names the API, e.g. "File.Delete" or "DirectoryInfo.Delete".</summary>
    public string ApiName { get; }

    public bool DeletesDirectory { get; }

    public DeleteTargetKind TargetKind { get; }

    /// <summary>The path argument's value, or the receiver for an instance delete (conversions not stripped).</summary>
    public IOperation Target { get; }

    /// <summary>A directory delete whose 'recursive' argument is not the constant false.</summary>
    public bool IsRecursive { get; }
}
