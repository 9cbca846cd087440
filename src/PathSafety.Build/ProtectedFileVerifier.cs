using System;
using System.Collections.Generic;
using System.IO;

namespace PathSafety.Build;

/// <summary>Which folder is checked, and how.</summary>
internal enum VerificationTarget
{
    /// <summary>The build output folder, on disk.</summary>
    BuildOutput,

    /// <summary>The list of files MSBuild is about to publish, before anything is copied.</summary>
    PublishList,

    /// <summary>The publish folder, on disk, after the copy.</summary>
    PublishDirectory,
}

/// <summary>One problem with one protected file.</summary>
internal sealed class Finding
{
    public Finding(string code, ProtectedFileSeverity severity, string message)
    {
        Code = code;
        Severity = severity;
        Message = message;
    }

    public string Code { get; }

    public ProtectedFileSeverity Severity { get; }

    public string Message { get; }

    public override string ToString() => Code + ": " + Message;
}

/// <summary>
/// Checks protected files against a folder. Touches only the protected files themselves (and, to explain a
/// missing one, its parent folder); hashes only files with a pinned SHA-256.
/// </summary>
internal static class ProtectedFileVerifier
{
    public static List<Finding> Verify(IEnumerable<ProtectedFileDeclaration> files, string folder, VerificationTarget target,
        OutputInventory inventory)
    {
        var findings = new List<Finding>();
        foreach (var file in files)
        {
            if (target != VerificationTarget.BuildOutput && !file.Publish)
            {
                continue;
            }

            var finding = target == VerificationTarget.PublishList
                ? CheckPublishList(file, folder, inventory)
                : CheckOnDisk(file, folder, target, inventory);
            if (finding != null)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private static Finding? CheckPublishList(ProtectedFileDeclaration file, string folder, OutputInventory inventory)
    {
        if (inventory.IsPublished(file.Path) || inventory.IsBundled(file.Path))
        {
            return null;
        }

        return Missing(file, folder, VerificationTarget.PublishList, PublishCause(file, inventory));
    }

    private static Finding? CheckOnDisk(ProtectedFileDeclaration file, string folder, VerificationTarget target, OutputInventory inventory)
    {
        var fullPath = Path.Combine(folder, file.Path.ToNativePath());
        switch (FileCheck.Inspect(fullPath, file.AllowEmpty, file.Sha256, out var actual))
        {
            case FileCondition.Folder:
                return BuildMessages.PS1005NamesFolder.Create(ProtectedFileSeverity.Error, Describe(file), folder);
            case FileCondition.Missing:
                if (target == VerificationTarget.PublishDirectory
                    && ((inventory.HasPublishList && !inventory.IsPublished(file.Path)) || inventory.IsBundled(file.Path)))
                {
                    // Already reported before the copy, from the publish list (once is enough), or inside the bundle.
                    return null;
                }

                return Missing(file, folder, target, MissingCause(file, folder, target, inventory));
            case FileCondition.BrokenLink:
                return Missing(file, folder, target, BuildMessages.CauseBrokenLink);
            case FileCondition.Empty:
                return BuildMessages.PS1003Empty.Create(file.Severity, Describe(file), folder);
            case FileCondition.Changed:
                return BuildMessages.PS1004HashMismatch.Create(file.Severity, Describe(file), folder, actual!, file.Sha256!);
            default:
                return null;
        }
    }

    private static Finding Missing(ProtectedFileDeclaration file, string folder, VerificationTarget target, string cause)
    {
        var message = target == VerificationTarget.BuildOutput
            ? BuildMessages.PS1001MissingFromBuildOutput
            : BuildMessages.PS1002MissingFromPublishOutput;
        var where = target switch
        {
            VerificationTarget.BuildOutput => BuildMessages.BuildOutputFolder,
            VerificationTarget.PublishList => BuildMessages.PublishListFolder,
            _ => BuildMessages.PublishFolder,
        };
        return message.Create(file.Severity, Describe(file), BuildMessages.Text(where, folder), cause);
    }

    private static string MissingCause(ProtectedFileDeclaration file, string folder, VerificationTarget target, OutputInventory inventory)
    {
        if (FindCaseVariant(folder, file.Path) is { } variant)
        {
            return BuildMessages.Text(BuildMessages.CauseCaseVariant, variant);
        }

        if (target == VerificationTarget.PublishDirectory)
        {
            return inventory.IsPublished(file.Path)
                ? BuildMessages.CauseRemovedAfterPublishCopy
                : PublishCause(file, inventory);
        }

        if (inventory.WasCopied(file.Path))
        {
            return BuildMessages.CauseRemovedAfterCopy;
        }

        var item = inventory.FindProjectItem(file.Path);
        if (item != null && !item.IsCopiedToOutput)
        {
            var mode = item.CopyToOutputDirectory.Length == 0
                ? BuildMessages.CopyModeNotSet
                : BuildMessages.Text("'{0}'", item.CopyToOutputDirectory);
            return BuildMessages.Text(BuildMessages.CauseItemNotCopied, item.Source, mode);
        }

        return BuildMessages.CauseNoItemCopies;
    }

    private static string PublishCause(ProtectedFileDeclaration file, OutputInventory inventory)
    {
        var item = inventory.FindProjectItem(file.Path);
        if (item != null && item.IsExcludedFromPublish)
        {
            var mode = item.CopyToPublishDirectory.Length == 0
                ? BuildMessages.PublishModeNotSet
                : BuildMessages.Text("\"{0}\"", item.CopyToPublishDirectory);
            return BuildMessages.Text(BuildMessages.CauseExcludedFromPublish, mode, item.Source);
        }

        if (inventory.WasCopied(file.Path))
        {
            return BuildMessages.CauseRemovedFromPublishList;
        }

        return BuildMessages.CauseNoItemPublishes;
    }

    private static string Describe(ProtectedFileDeclaration file) =>
        file.IsAutoProtected
            ? BuildMessages.Text(BuildMessages.AutoProtectedFile, file.Path, file.AutoProtectedFrom!)
            : BuildMessages.Text(BuildMessages.DeclaredFile, file.Path);

    private static string? FindCaseVariant(string folder, OutputRelativePath path)
    {
        try
        {
            var full = Path.Combine(folder, path.ToNativePath());
            var parent = Path.GetDirectoryName(full);
            var name = Path.GetFileName(full);
            if (parent == null || !Directory.Exists(parent))
            {
                return null;
            }

            foreach (var candidate in Directory.EnumerateFileSystemEntries(parent))
            {
                var candidateName = Path.GetFileName(candidate);
                if (!string.Equals(candidateName, name, StringComparison.Ordinal)
                    && string.Equals(candidateName, name, StringComparison.OrdinalIgnoreCase))
                {
                    return candidateName;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
