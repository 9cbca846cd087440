using System;
using System.Collections.Generic;

namespace PathSafety.Build;

/// <summary>A project item (Content, None, ...) with the output-relative path it would be copied to.</summary>
internal sealed class ProjectItemCopy
{
    public ProjectItemCopy(string source, string copyToOutputDirectory, string copyToPublishDirectory)
    {
        Source = source;
        CopyToOutputDirectory = copyToOutputDirectory;
        CopyToPublishDirectory = copyToPublishDirectory;
    }

    public string Source { get; }

    public string CopyToOutputDirectory { get; }

    public string CopyToPublishDirectory { get; }

    public bool IsCopiedToOutput => IsCopied(CopyToOutputDirectory);

    /// <summary>CopyToPublishDirectory defaults to CopyToOutputDirectory when not set.</summary>
    public bool IsExcludedFromPublish =>
        string.Equals(CopyToPublishDirectory, "Never", StringComparison.OrdinalIgnoreCase)
        || (CopyToPublishDirectory.Length == 0 && !IsCopiedToOutput);

    public static bool IsCopied(string? mode) =>
        !string.IsNullOrEmpty(mode) && !string.Equals(mode, "Never", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What the build says about a folder: what it meant to copy there and which project items could have.
/// Only consulted to explain a missing file, so lookups ignore case (a hint is better than none).
/// </summary>
internal sealed class OutputInventory
{
    private readonly HashSet<string> _copied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _published = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _bundled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ProjectItemCopy> _items = new Dictionary<string, ProjectItemCopy>(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the publish list was supplied (publish checks), so absence from it means something.</summary>
    public bool HasPublishList { get; private set; }

    /// <summary>A file the build copied (or wrote) into the output folder, as an output-relative path.</summary>
    public void AddCopied(string? outputRelativePath)
    {
        if (Normalize(outputRelativePath) is { } path)
        {
            _copied.Add(path);
        }
    }

    public void AddPublished(string? outputRelativePath)
    {
        HasPublishList = true;
        if (Normalize(outputRelativePath) is { } path)
        {
            _published.Add(path);
        }
    }

    /// <summary>A file published inside the single-file bundle (PublishSingleFile): never on disk in the publish folder.</summary>
    public void AddBundled(string? outputRelativePath)
    {
        if (Normalize(outputRelativePath) is { } path)
        {
            _bundled.Add(path);
        }
    }

    /// <summary>Marks the publish list as known even when it is empty.</summary>
    public void MarkPublishListKnown() => HasPublishList = true;

    public void AddProjectItem(string? targetPath, ProjectItemCopy item)
    {
        if (Normalize(targetPath) is { } path && !_items.ContainsKey(path))
        {
            _items.Add(path, item);
        }
    }

    public bool WasCopied(OutputRelativePath path) => _copied.Contains(path.Value);

    public bool IsPublished(OutputRelativePath path) => _published.Contains(path.Value);

    public bool IsBundled(OutputRelativePath path) => _bundled.Contains(path.Value);

    public ProjectItemCopy? FindProjectItem(OutputRelativePath path) =>
        _items.TryGetValue(path.Value, out var item) ? item : null;

    private static string? Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        return OutputRelativePath.TryParse(path, out var parsed, out _) ? parsed!.Value : null;
    }
}
