using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

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

        // One FileInfo answers existence, attributes and length from a single file-system query.
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            if (Directory.Exists(fullPath))
            {
                return new Finding(BuildCheckIds.InvalidDeclaration, ProtectedFileSeverity.Error, Describe(file) + " names a folder in '" + folder
                    + "', not a file.");
            }

            if (target == VerificationTarget.PublishDirectory
                && ((inventory.HasPublishList && !inventory.IsPublished(file.Path)) || inventory.IsBundled(file.Path)))
            {
                // Already reported before the copy, from the publish list (once is enough), or inside the bundle.
                return null;
            }

            return Missing(file, folder, target, MissingCause(file, folder, target, inventory));
        }

        if (IsLink(info) && !CanOpen(fullPath))
        {
            return Missing(file, folder, target, "it is a symbolic link whose target does not exist");
        }

        long length = info.Length;
        if (length == 0 && !file.AllowEmpty)
        {
            return new Finding(BuildCheckIds.EmptyFile, file.Severity, Describe(file) + " is empty in '" + folder
                + "'. A truncated configuration file is as bad as a missing one; set AllowEmpty=\"true\" if empty is intended.");
        }

        if (file.Sha256 != null)
        {
            var actual = ComputeSha256(fullPath);
            if (!string.Equals(actual, file.Sha256, StringComparison.Ordinal))
            {
                return new Finding(BuildCheckIds.HashMismatch, file.Severity, Describe(file) + " in '" + folder + "' has SHA-256 " + actual
                    + ", not the pinned " + file.Sha256 + ".");
            }
        }

        return null;
    }

    public static string ComputeSha256(string fullPath)
    {
        using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920,
            FileOptions.SequentialScan))
        using (var sha = SHA256.Create())
        {
            return ToHex(sha.ComputeHash(stream));
        }
    }

    public static string ToHex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private static Finding Missing(ProtectedFileDeclaration file, string folder, VerificationTarget target, string cause)
    {
        var code = target == VerificationTarget.BuildOutput ? BuildCheckIds.MissingFromBuildOutput : BuildCheckIds.MissingFromPublishOutput;
        var where = target switch
        {
            VerificationTarget.BuildOutput => "the build output folder '" + folder + "'",
            VerificationTarget.PublishList => "the files to publish to '" + folder + "'",
            _ => "the publish folder '" + folder + "'",
        };
        return new Finding(code, file.Severity, Describe(file) + " is missing from " + where + ". Likely cause: " + cause + ".");
    }

    private static string MissingCause(ProtectedFileDeclaration file, string folder, VerificationTarget target, OutputInventory inventory)
    {
        if (FindCaseVariant(folder, file.Path) is { } variant)
        {
            return "the folder holds '" + variant + "', which differs only in case, and the file system is case-sensitive";
        }

        if (target == VerificationTarget.PublishDirectory)
        {
            return inventory.IsPublished(file.Path)
                ? "it was in the list of files to publish and was removed after the copy"
                : PublishCause(file, inventory);
        }

        if (inventory.WasCopied(file.Path))
        {
            return "it was copied to the output and then removed by a later step (a target that runs after the copy, or a post-build script)";
        }

        var item = inventory.FindProjectItem(file.Path);
        if (item != null && !item.IsCopiedToOutput)
        {
            var mode = item.CopyToOutputDirectory.Length == 0 ? "not set" : "'" + item.CopyToOutputDirectory + "'";
            return "the project item '" + item.Source + "' is not copied to the output (CopyToOutputDirectory is " + mode + ")";
        }

        return "no item copies it to the output (add CopyToOutputDirectory=\"PreserveNewest\" to the item that holds it)";
    }

    private static string PublishCause(ProtectedFileDeclaration file, OutputInventory inventory)
    {
        var item = inventory.FindProjectItem(file.Path);
        if (item != null && item.IsExcludedFromPublish)
        {
            var mode = item.CopyToPublishDirectory.Length == 0 ? "not set and CopyToOutputDirectory is not set either" : "\""
                + item.CopyToPublishDirectory + "\"";
            return "CopyToPublishDirectory is " + mode + " on the project item '" + item.Source + "'";
        }

        if (inventory.WasCopied(file.Path))
        {
            return "it is copied to the build output but is not among the files to publish (a step removed it from ResolvedFileToPublish)";
        }

        return "no item copies it to the publish folder";
    }

    private static string Describe(ProtectedFileDeclaration file) =>
        file.IsAutoProtected
            ? "Protected file '" + file.Path + "' (protected by default as a configuration file, from '" + file.AutoProtectedFrom + "')"
            : "Protected file '" + file.Path + "'";

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

    private static bool IsLink(FileInfo info) => (info.Attributes & FileAttributes.ReparsePoint) != 0;

    private static bool CanOpen(string fullPath)
    {
        try
        {
            using (new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                return true;
            }
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // It exists; reading is a separate problem and not this check's business.
            return true;
        }
    }
}
