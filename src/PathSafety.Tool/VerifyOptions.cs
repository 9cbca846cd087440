using System;
using PathSafety.Build;

namespace PathSafety.Tool;

/// <summary><c>verify &lt;folder&gt; [--manifest &lt;file&gt;] [--json]</c>.</summary>
internal sealed class VerifyOptions
{
    private VerifyOptions(string folder, string? manifest, bool json)
    {
        Folder = folder;
        Manifest = manifest;
        Json = json;
    }

    public string Folder { get; }

    /// <summary>The manifest file; null means pathsafety.manifest.json in the folder.</summary>
    public string? Manifest { get; }

    public bool Json { get; }

    public static bool TryParse(ReadOnlySpan<string> args, out VerifyOptions? options, out string problem)
    {
        options = null;
        problem = string.Empty;
        string? folder = null;
        string? manifest = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--manifest":
                    if (i + 1 >= args.Length || args[i + 1].Length == 0)
                    {
                        problem = ToolMessages.ManifestNeedsFile;
                        return false;
                    }

                    manifest = args[++i];
                    break;
                default:
                    if (args[i].StartsWith("-", StringComparison.Ordinal) && args[i].Length > 1)
                    {
                        problem = BuildMessages.Text(ToolMessages.UnknownOption, args[i]);
                        return false;
                    }

                    if (folder != null)
                    {
                        problem = BuildMessages.Text(ToolMessages.TwoFolders, folder, args[i]);
                        return false;
                    }

                    folder = args[i];
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(folder))
        {
            problem = ToolMessages.NoFolder;
            return false;
        }

        options = new VerifyOptions(folder, manifest, json);
        return true;
    }
}
