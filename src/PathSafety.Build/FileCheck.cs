using System;
using System.IO;
using System.Security.Cryptography;

namespace PathSafety.Build;

/// <summary>What one protected file looks like on disk.</summary>
internal enum FileCondition
{
    Sound,
    Missing,

    /// <summary>The path names a folder, not a file.</summary>
    Folder,

    /// <summary>A symbolic link whose target does not exist.</summary>
    BrokenLink,
    Empty,

    /// <summary>The content no longer matches the pinned SHA-256.</summary>
    Changed,
}

/// <summary>
/// The one check of a protected file on disk, shared by the build check and the <c>pathsafety</c> verifier. The
/// embedded <c>PathSafety.ProtectedFiles</c> class carries a C# 7.3 copy of it (it cannot reference this assembly);
/// tests keep the two in agreement. Touches only the file itself, and hashes only when a hash is pinned.
/// </summary>
internal static class FileCheck
{
    /// <summary>The condition of <paramref name="fullPath"/>; <paramref name="actualSha256"/> is set when a hash was computed.</summary>
    public static FileCondition Inspect(string fullPath, bool allowEmpty, string? pinnedSha256, out string? actualSha256)
    {
        actualSha256 = null;

        // One FileInfo answers existence, attributes and length from a single file-system query.
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return Directory.Exists(fullPath) ? FileCondition.Folder : FileCondition.Missing;
        }

        if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && !CanOpen(fullPath))
        {
            return FileCondition.BrokenLink;
        }

        if (info.Length == 0 && !allowEmpty)
        {
            return FileCondition.Empty;
        }

        if (pinnedSha256 != null)
        {
            actualSha256 = ComputeSha256(fullPath);
            if (!string.Equals(actualSha256, pinnedSha256, StringComparison.OrdinalIgnoreCase))
            {
                return FileCondition.Changed;
            }
        }

        return FileCondition.Sound;
    }

    /// <summary>64 hexadecimal digits, either case: how a pinned SHA-256 is written.</summary>
    public static bool IsSha256Text(string text)
    {
        if (text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string ComputeSha256(string fullPath)
    {
        using (var stream = new FileStream(
            fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.SequentialScan))
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
