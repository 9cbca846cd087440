using System.Globalization;
using System.IO;
using System.Text;

namespace PathSafety.Build;

/// <summary>Files the tasks write (the manifest, the generated protected-file list): quoting and change-only writes.</summary>
internal static class TextOutput
{
    /// <summary>Writes only when the content changed, so an unchanged build leaves the file and its time stamp alone.</summary>
    public static void WriteIfChanged(string path, string content)
    {
        var bytes = new UTF8Encoding(false).GetBytes(content);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (AreEqual(existing, bytes))
            {
                return;
            }
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A JSON string literal; its escapes are valid C# escapes too, so the generated source uses it as well.</summary>
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
