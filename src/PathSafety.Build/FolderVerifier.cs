using System.Collections.Generic;
using System.IO;

namespace PathSafety.Build;

/// <summary>One problem with a deployed folder: a protected file, or the folder itself.</summary>
internal sealed class FolderProblem
{
    public FolderProblem(string relativePath, string fullPath, FileCondition condition, string message)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Condition = condition;
        Message = message;
    }

    /// <summary>The manifest's path, or empty when the folder itself is missing.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    public FileCondition Condition { get; }

    public string Message { get; }
}

/// <summary>Checks a deployed folder against a manifest: every file present, not empty unless allowed, pins kept.</summary>
internal static class FolderVerifier
{
    public static List<FolderProblem> Verify(ProtectedFileManifest manifest, string folder)
    {
        var problems = new List<FolderProblem>();
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            problems.Add(new FolderProblem(string.Empty, root, FileCondition.Missing, BuildMessages.Text(BuildMessages.FolderMissing, root)));
            return problems;
        }

        foreach (var entry in manifest.Files)
        {
            var fullPath = Path.Combine(root, entry.Path.ToNativePath());
            var condition = FileCheck.Inspect(fullPath, entry.AllowEmpty, entry.Pinned ? entry.Sha256 : null, out var actual);
            if (condition != FileCondition.Sound)
            {
                problems.Add(new FolderProblem(entry.Path.Value, fullPath, condition, Describe(condition, fullPath, actual, entry.Sha256)));
            }
        }

        return problems;
    }

    public static string Describe(FileCondition condition, string fullPath, string? actualSha256, string? pinnedSha256) => condition switch
    {
        FileCondition.Missing => BuildMessages.Text(BuildMessages.FileMissing, fullPath),
        FileCondition.Folder => BuildMessages.Text(BuildMessages.FileIsFolder, fullPath),
        FileCondition.BrokenLink => BuildMessages.Text(BuildMessages.FileBrokenLink, fullPath),
        FileCondition.Empty => BuildMessages.Text(BuildMessages.FileEmpty, fullPath),
        FileCondition.Changed => BuildMessages.Text(BuildMessages.FileChanged, fullPath, actualSha256 ?? string.Empty, pinnedSha256 ?? string.Empty),
        _ => string.Empty,
    };
}
