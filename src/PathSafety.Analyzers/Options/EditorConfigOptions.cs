using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Analyzers.Options;

/// <summary>
/// Reads PathSafety's options: '.editorconfig' keys (per file or folder section, e.g.
/// 'pathsafety.scope = all') and build properties the package's targets make compiler-visible
/// ('build_property.PathSafety...'). The analyzers never read files themselves.
/// </summary>
internal static class EditorConfigOptions
{
    public const string Prefix = "pathsafety.";

    /// <summary>Looks the key up for the file first, then in the global (build property) options.</summary>
    public static bool TryGetValue(AnalyzerOptions options, SyntaxTree tree, string key, out string value)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GetOptions(tree).TryGetValue(key, out var found) || provider.GlobalOptions.TryGetValue(key, out found))
        {
            value = found.Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetGlobalValue(AnalyzerOptions options, string key, out string value)
    {
        if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var found))
        {
            value = found.Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>'true'/'false' (case-insensitive); anything else, or no value, gives <paramref name="defaultValue"/>.</summary>
    public static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string key, bool defaultValue)
        => GetOptionalBool(options, tree, key) ?? defaultValue;

    /// <summary>'true' or 'false' (any case); null when the key is not set or holds anything else.</summary>
    public static bool? GetOptionalBool(AnalyzerOptions options, SyntaxTree tree, string key)
    {
        if (TryGetValue(options, tree, key, out var text))
        {
            if (string.Equals(text, "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(text, "false", System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return null;
    }
}
