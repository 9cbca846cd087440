using System;
using System.Collections.Generic;
using System.IO;

namespace PathSafety.Build;

/// <summary>One file the manifest lists.</summary>
internal sealed class ManifestEntry
{
    public ManifestEntry(OutputRelativePath path, long? size, string? sha256, bool allowEmpty, bool pinned)
    {
        Path = path;
        Size = size;
        Sha256 = sha256;
        AllowEmpty = allowEmpty;
        Pinned = pinned;
    }

    public OutputRelativePath Path { get; }

    public long? Size { get; }

    /// <summary>The file's SHA-256 when the build wrote the manifest (lower-case hex), or null.</summary>
    public string? Sha256 { get; }

    public bool AllowEmpty { get; }

    /// <summary>The project pinned the hash: a different content is a problem, not just a change.</summary>
    public bool Pinned { get; }
}

/// <summary>A read and validated <c>pathsafety.manifest.json</c>.</summary>
internal sealed class ProtectedFileManifest
{
    public ProtectedFileManifest(string? packageVersion, IReadOnlyList<ManifestEntry> files)
    {
        PackageVersion = packageVersion;
        Files = files;
    }

    public string? PackageVersion { get; }

    public IReadOnlyList<ManifestEntry> Files { get; }
}

/// <summary>Thrown for a manifest that cannot be trusted; the message says what is wrong, for a person.</summary>
internal sealed class InvalidManifestException : Exception
{
    public InvalidManifestException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Reads the manifest <see cref="ManifestWriter"/> writes, refusing anything that could make a verifier look outside
/// the folder or check a file twice: absolute paths, '..' segments, duplicate entries, and malformed or truncated JSON.
/// </summary>
internal static class ManifestReader
{
    public static ProtectedFileManifest ReadFile(string manifestPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(manifestPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidManifestException(BuildMessages.Text(BuildMessages.ManifestUnreadable, manifestPath, exception.Message));
        }

        return Read(text, manifestPath);
    }

    /// <summary>Parses and validates; <paramref name="source"/> names the manifest in messages.</summary>
    public static ProtectedFileManifest Read(string text, string source)
    {
        object? root;
        try
        {
            root = JsonText.Parse(text);
        }
        catch (FormatException exception)
        {
            throw Invalid(source, BuildMessages.ManifestNotJson, exception.Message);
        }

        if (root is not Dictionary<string, object?> document)
        {
            throw Invalid(source, BuildMessages.ManifestNotObject);
        }

        if (!document.TryGetValue("version", out var version) || version is not decimal number || number != ManifestWriter.FormatVersion)
        {
            throw Invalid(source, BuildMessages.ManifestVersion, ManifestWriter.FormatVersion);
        }

        string? packageVersion = null;
        if (document.TryGetValue("packageVersion", out var packageValue) && packageValue != null)
        {
            packageVersion = packageValue as string ?? throw Invalid(source, BuildMessages.ManifestPackageVersion);
        }

        if (!document.TryGetValue("files", out var filesValue) || filesValue is not List<object?> list)
        {
            throw Invalid(source, BuildMessages.ManifestNoFiles);
        }

        var files = new List<ManifestEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var entry = ReadEntry(list[i], i + 1, source);
            if (seen.TryGetValue(entry.Path.Value, out var first))
            {
                throw Invalid(source, BuildMessages.ManifestDuplicate, i + 1, entry.Path.Value, first);
            }

            seen.Add(entry.Path.Value, i + 1);
            files.Add(entry);
        }

        return new ProtectedFileManifest(packageVersion, files);
    }

    private static ManifestEntry ReadEntry(object? value, int number, string source)
    {
        if (value is not Dictionary<string, object?> entry)
        {
            throw Invalid(source, BuildMessages.ManifestEntryNotObject, number);
        }

        if (!entry.TryGetValue("path", out var pathValue) || pathValue is not string raw)
        {
            throw Invalid(source, BuildMessages.ManifestEntryNoPath, number);
        }

        // OutputRelativePath folds 'a/../b' into 'b'; a manifest that says '..' anywhere is not one PathSafety wrote.
        if (Array.IndexOf(raw.Replace('\\', '/').Split('/'), "..") >= 0)
        {
            throw Invalid(source, BuildMessages.ManifestEntryBadPath, number, raw, BuildMessages.PathLeavesFolder);
        }

        if (!OutputRelativePath.TryParse(raw, out var path, out var problem))
        {
            throw Invalid(source, BuildMessages.ManifestEntryBadPath, number, raw, problem);
        }

        long? size = null;
        if (entry.TryGetValue("size", out var sizeValue) && sizeValue != null)
        {
            if (sizeValue is not decimal d || d < 0 || d != decimal.Truncate(d) || d > long.MaxValue)
            {
                throw Invalid(source, BuildMessages.ManifestEntryBadField, number, raw, "size", "a whole number of bytes");
            }

            size = (long)d;
        }

        string? sha256 = null;
        if (entry.TryGetValue("sha256", out var shaValue) && shaValue != null)
        {
            if (shaValue is not string text || !FileCheck.IsSha256Text(text))
            {
                throw Invalid(source, BuildMessages.ManifestEntryBadField, number, raw, "sha256", "64 hexadecimal digits");
            }

            sha256 = text.ToLowerInvariant();
        }

        var allowEmpty = ReadBool(entry, "allowEmpty", number, raw, source);
        var pinned = ReadBool(entry, "pinned", number, raw, source);
        if (pinned && sha256 == null)
        {
            throw Invalid(source, BuildMessages.ManifestEntryBadField, number, raw, "pinned", "set only with a sha256");
        }

        return new ManifestEntry(path!, size, sha256, allowEmpty, pinned);
    }

    private static bool ReadBool(Dictionary<string, object?> entry, string name, int number, string raw, string source)
    {
        if (!entry.TryGetValue(name, out var value) || value is null)
        {
            return false;
        }

        return value as bool? ?? throw Invalid(source, BuildMessages.ManifestEntryBadField, number, raw, name, "true or false");
    }

    private static InvalidManifestException Invalid(string source, string format, params object[] arguments) =>
        new InvalidManifestException(BuildMessages.Text(BuildMessages.ManifestInvalid, source, BuildMessages.Text(format, arguments)));
}
