using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace PathSafety.Build;

/// <summary>
/// Writes <c>pathsafety.manifest.json</c>: each protected file present in a folder with its size and SHA-256,
/// sorted by path, so the same output gives the same bytes. Hand-written JSON: the task has no dependencies.
/// </summary>
internal static class ManifestWriter
{
    public const string FileName = "pathsafety.manifest.json";

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

            var size = new FileInfo(fullPath).Length;
            entries.Add(file.Path.Value, "{ \"path\": " + Quote(file.Path.Value)
                + ", \"size\": " + size.ToString(CultureInfo.InvariantCulture)
                + ", \"sha256\": \"" + ProtectedFileVerifier.ComputeSha256(fullPath) + "\" }");
        }

        var builder = new StringBuilder();
        builder.Append("{\n  \"version\": 1,\n  \"files\": [");
        var first = true;
        foreach (var entry in entries.Values)
        {
            builder.Append(first ? "\n    " : ",\n    ").Append(entry);
            first = false;
        }

        builder.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
    }

    /// <summary>Writes the manifest only when its content changed, so an unchanged build leaves it untouched.</summary>
    public static void Write(string manifestPath, string content)
    {
        var bytes = new UTF8Encoding(false).GetBytes(content);
        if (File.Exists(manifestPath))
        {
            var existing = File.ReadAllBytes(manifestPath);
            if (AreEqual(existing, bytes))
            {
                return;
            }
        }

        var directory = Path.GetDirectoryName(manifestPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(manifestPath, bytes);
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                    {
                        // Escaping surrogates too keeps the file valid even for a lone half of a pair.
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool AreEqual(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
