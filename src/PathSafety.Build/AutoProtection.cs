using System;
using System.IO;

namespace PathSafety.Build;

/// <summary>Which copied files are protected by default: configuration files an application reads at start-up.</summary>
internal static class AutoProtection
{
    /// <summary>
    /// appsettings.json, appsettings.*.json, web.config and any other *.config but nuget.config, matched on the source or the output
    /// name (a Link can rename either way), ignoring case as Windows and the configuration loaders do.
    /// </summary>
    public static bool IsConfigurationFileName(string? sourcePath, string? targetPath) =>
        IsConfigurationName(FileName(sourcePath)) || IsConfigurationName(FileName(targetPath));

    /// <summary>Copied to the output: CopyToOutputDirectory set to anything but Never.</summary>
    public static bool IsCopiedToOutput(string? copyToOutputDirectory) => ProjectItemCopy.IsCopied(copyToOutputDirectory);

    private static bool IsConfigurationName(string name)
    {
        if (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
        {
            // nuget.config configures the package client, not the application: an SDK that copies it to the output
            // does not make it something the application reads at start-up.
            return name.Length > ".config".Length && !string.Equals(name, "nuget.config", StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(name, "appsettings.json", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && name.Length > "appsettings..json".Length);
    }

    private static string FileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        // Both separators on every OS, and no Path API that throws on characters it dislikes.
        var last = Math.Max(path!.LastIndexOf('/'), path.LastIndexOf('\\'));
        return last < 0 ? path : path.Substring(last + 1);
    }

    /// <summary>True when <paramref name="relativePath"/> names an existing file under <paramref name="directory"/>.</summary>
    public static bool ExistsUnder(string directory, OutputRelativePath relativePath)
    {
        try
        {
            return !string.IsNullOrEmpty(directory) && File.Exists(Path.Combine(directory, relativePath.ToNativePath()));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
