using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace PathSafety.Build;

internal enum ProtectedFileSeverity
{
    Error,
    Warning,
}

/// <summary>One protected file, declared by a <c>ProtectedFile</c> item or protected by default, with its metadata.</summary>
internal sealed class ProtectedFileDeclaration
{
    public const string PublishMetadata = "Publish";
    public const string AllowEmptyMetadata = "AllowEmpty";
    public const string Sha256Metadata = "Sha256";
    public const string SeverityMetadata = "Severity";

    /// <summary>Set by the targets on files protected by default; value is the project item that copies it.</summary>
    public const string AutoProtectedFromMetadata = "PathSafetyAutoProtectedFrom";

    private ProtectedFileDeclaration(string declared, OutputRelativePath path, bool publish, bool allowEmpty, string? sha256,
        ProtectedFileSeverity severity, string? autoProtectedFrom)
    {
        Declared = declared;
        Path = path;
        Publish = publish;
        AllowEmpty = allowEmpty;
        Sha256 = sha256;
        Severity = severity;
        AutoProtectedFrom = autoProtectedFrom;
    }

    /// <summary>The item spec as written (for messages).</summary>
    public string Declared { get; }

    public OutputRelativePath Path { get; }

    /// <summary>Also required in the publish folder.</summary>
    public bool Publish { get; }

    public bool AllowEmpty { get; }

    /// <summary>The pinned hash in lower-case hex, or null.</summary>
    public string? Sha256 { get; }

    public ProtectedFileSeverity Severity { get; }

    /// <summary>The project item that made this file protected by default, or null for a declared file.</summary>
    public string? AutoProtectedFrom { get; }

    public bool IsAutoProtected => AutoProtectedFrom != null;

    /// <summary>Reads one item; on failure <paramref name="problem"/> says which part of the declaration is wrong.</summary>
    public static bool TryParse(string? itemSpec, Func<string, string?> metadata, out ProtectedFileDeclaration? declaration, out string problem)
    {
        declaration = null;
        if (!OutputRelativePath.TryParse(itemSpec, out var path, out problem))
        {
            return false;
        }

        if (!TryParseBool(metadata(PublishMetadata), true, PublishMetadata, out var publish, out problem)
            || !TryParseBool(metadata(AllowEmptyMetadata), false, AllowEmptyMetadata, out var allowEmpty, out problem)
            || !TryParseSha256(metadata(Sha256Metadata), out var sha256, out problem)
            || !TryParseSeverity(metadata(SeverityMetadata), out var severity, out problem))
        {
            return false;
        }

        var from = metadata(AutoProtectedFromMetadata);
        declaration = new ProtectedFileDeclaration(itemSpec!, path!, publish, allowEmpty, sha256, severity, string.IsNullOrEmpty(from) ? null : from);
        return true;
    }

    /// <summary>
    /// Reads the items as the checks see them: one declaration per output path, an explicit declaration replacing a
    /// default one for the same file. A declared item that is invalid goes to <paramref name="onInvalid"/> (spec,
    /// problem); an invalid default-protected item is skipped, since the user did not write it.
    /// </summary>
    public static List<ProtectedFileDeclaration> ReadAll(IEnumerable<ITaskItem>? items, Action<string, string>? onInvalid)
    {
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<ProtectedFileDeclaration>();
        foreach (var item in items ?? Array.Empty<ITaskItem>())
        {
            if (item is null)
            {
                continue;
            }

            var spec = item.ItemSpec;
            if (!TryParse(spec, item.GetMetadata, out var declaration, out var problem))
            {
                if (string.IsNullOrEmpty(item.GetMetadata(AutoProtectedFromMetadata)))
                {
                    onInvalid?.Invoke(spec, problem);
                }

                continue;
            }

            if (byPath.TryGetValue(declaration!.Path.Value, out var index))
            {
                if (files[index].IsAutoProtected && !declaration.IsAutoProtected)
                {
                    files[index] = declaration;
                }

                continue;
            }

            byPath.Add(declaration.Path.Value, files.Count);
            files.Add(declaration);
        }

        return files;
    }

    private static bool TryParseBool(string? value, bool defaultValue, string name, out bool result, out string problem)
    {
        problem = string.Empty;
        result = defaultValue;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            result = true;
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            result = false;
            return true;
        }

        problem = BuildMessages.Text(BuildMessages.NotBoolean, name, value!);
        return false;
    }

    private static bool TryParseSha256(string? value, out string? result, out string problem)
    {
        problem = string.Empty;
        result = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text is null || !FileCheck.IsSha256Text(text))
        {
            problem = BuildMessages.Text(BuildMessages.NotSha256, value!);
            return false;
        }

        result = text.ToLowerInvariant();
        return true;
    }

    private static bool TryParseSeverity(string? value, out ProtectedFileSeverity result, out string problem)
    {
        problem = string.Empty;
        result = ProtectedFileSeverity.Error;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || string.Equals(text, "Error", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "Warning", StringComparison.OrdinalIgnoreCase))
        {
            result = ProtectedFileSeverity.Warning;
            return true;
        }

        problem = BuildMessages.Text(BuildMessages.NotSeverity, value!);
        return false;
    }
}
