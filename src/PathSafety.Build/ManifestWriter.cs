using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;

namespace PathSafety.Build;

/// <summary>
/// Writes <c>pathsafety.manifest.json</c>, the contract between the build and a deployed folder (read back by
/// <see cref="ManifestReader"/>): the package version and each protected file present in a folder with its size,
/// SHA-256 and the declaration's <c>AllowEmpty</c> and pin, sorted by path, so the same output gives the same bytes.
/// Hand-written JSON: the task has no dependencies. The format is docs/pathsafety.manifest.schema.json.
/// </summary>
internal static class ManifestWriter
{
    public const string FileName = "pathsafety.manifest.json";

    /// <summary>The manifest format this package writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The PathSafety package version (the assembly's informational version without the commit).</summary>
    public static string PackageVersion { get; } = ReadPackageVersion();

    /// <summary>Builds the manifest text for the protected files that exist in <paramref name="folder"/>.</summary>
    public static string Build(IEnumerable<ProtectedFileDeclaration> files, string folder)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var fullPath = Path.Combine(folder, file.Path.ToNativePath());
            if (entries.ContainsKey(file.Path.Value) || !File.Exists(fullPath))
            {
                continue;
            }

            var entry = new StringBuilder("{ \"path\": ").Append(TextOutput.Quote(file.Path.Value))
                .Append(", \"size\": ").Append(new FileInfo(fullPath).Length.ToString(CultureInfo.InvariantCulture))
                .Append(", \"sha256\": \"").Append(FileCheck.ComputeSha256(fullPath)).Append('"');
            if (file.AllowEmpty)
            {
                entry.Append(", \"allowEmpty\": true");
            }

            if (file.Sha256 != null)
            {
                entry.Append(", \"pinned\": true");
            }

            entries.Add(file.Path.Value, entry.Append(" }").ToString());
        }

        var builder = new StringBuilder();
        builder.Append("{\n  \"version\": ").Append(FormatVersion.ToString(CultureInfo.InvariantCulture))
            .Append(",\n  \"packageVersion\": ").Append(TextOutput.Quote(PackageVersion))
            .Append(",\n  \"files\": [");
        var first = true;
        foreach (var entry in entries.Values)
        {
            builder.Append(first ? "\n    " : ",\n    ").Append(entry);
            first = false;
        }

        builder.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
    }

    private static string ReadPackageVersion()
    {
        var attribute = typeof(ManifestWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
        var version = attribute?.InformationalVersion ?? string.Empty;
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
