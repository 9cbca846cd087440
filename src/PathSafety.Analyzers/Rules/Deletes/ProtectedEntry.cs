using System.Collections.Generic;
using System.Collections.Immutable;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>Where a protected entry comes from; the PS0006 message names it so the user knows what to change.</summary>
internal enum ProtectionSource
{
    /// <summary>A project's <c>ProtectedFile</c> item (build property PathSafetyProtectedFiles).</summary>
    ProjectItem,

    /// <summary>The <c>pathsafety.protected_files</c> option in .editorconfig.</summary>
    EditorConfig,

    /// <summary>A configuration file the build check protects automatically (PathSafetyAutoProtectedFiles).</summary>
    AutoProtected,

    /// <summary>PathSafety's built-in list.</summary>
    Default,
}

/// <summary>
/// One protected file: an output-relative path whose parts may be globs ('config/widgets.json',
/// 'appsettings.*.json'). An entry without folders names a file in any folder.
/// </summary>
internal sealed class ProtectedEntry
{
    private ProtectedEntry(string text, string name, ImmutableArray<string> folders, ProtectionSource source)
    {
        Text = text;
        Name = name;
        Folders = folders;
        Source = source;
    }

    /// <summary>The entry with '/' separators, as the message shows it.</summary>
    public string Text { get; }

    /// <summary>The file-name glob (last part).</summary>
    public string Name { get; }

    /// <summary>The folder globs before the name, outermost first; empty for a bare file name.</summary>
    public ImmutableArray<string> Folders { get; }

    public ProtectionSource Source { get; }

    public string SourceDescription => Source switch
    {
        ProtectionSource.ProjectItem => "the project's ProtectedFile item",
        ProtectionSource.EditorConfig => ".editorconfig 'pathsafety.protected_files'",
        ProtectionSource.AutoProtected => "PathSafetyAutoProtect (a configuration file copied to the output)",
        _ => "default",
    };

    /// <summary>
    /// Parses an entry; null for text that cannot name a file inside the output folder (empty, absolute,
    /// leaving it with '..'): the build check reports those (PS1005), the analyzer just ignores them.
    /// </summary>
    public static ProtectedEntry? TryCreate(string text, ProtectionSource source)
    {
        var parts = new List<string>();
        foreach (var part in text.Trim().Split('/', '\\'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0 || trimmed == ".")
            {
                continue;
            }

            if (trimmed == "..")
            {
                return null;
            }

            parts.Add(trimmed);
        }

        if (parts.Count == 0 || PathText.IsRootedOnAnyPlatform(text.Trim()) || parts[0].IndexOf(':') >= 0)
        {
            return null;
        }

        var name = parts[parts.Count - 1];
        parts.RemoveAt(parts.Count - 1);
        var display = parts.Count == 0 ? name : string.Join("/", parts) + "/" + name;
        return new ProtectedEntry(display, name, parts.ToImmutableArray(), source);
    }

    /// <summary>
    /// Does a path whose known trailing parts are <paramref name="tail"/> (file name last) name this entry?
    /// Folders are compared as far as the entry has them; a tail too short to show them does not match.
    /// </summary>
    public bool MatchesFile(IReadOnlyList<string> tail)
    {
        if (tail.Count == 0 || !FileNameGlob.IsMatch(Name, tail[tail.Count - 1]))
        {
            return false;
        }

        return TailMatches(Folders, Folders.Length, tail, tail.Count - 1);
    }

    /// <summary>
    /// Does a recursive delete of a folder whose known trailing parts are <paramref name="tail"/> take this
    /// entry with it? True when the tail names one of the entry's folders ('config' for 'config/widgets.json').
    /// </summary>
    public bool IsInsideFolder(IReadOnlyList<string> tail)
    {
        for (var depth = 1; depth <= Folders.Length; depth++)
        {
            if (TailMatches(Folders, depth, tail, tail.Count))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Can enumerating a folder whose known trailing parts are <paramref name="tail"/> reach this entry? Only a
    /// non-recursive enumeration of a folder that the entry's own folders contradict ('logs' for
    /// 'config/widgets.json') cannot; a bare file name may be in any folder.
    /// </summary>
    public bool FolderMayHold(IReadOnlyList<string> tail, bool recursive)
    {
        if (recursive || Folders.Length == 0)
        {
            return true;
        }

        var count = System.Math.Min(Folders.Length, tail.Count);
        for (var k = 1; k <= count; k++)
        {
            if (!FileNameGlob.IsMatch(Folders[Folders.Length - k], tail[tail.Count - k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Is the entry known to be in (or, recursively, below) a folder whose known trailing parts are
    /// <paramref name="tail"/>? True for 'config' and 'config/widgets.json'; a bare file name gives no evidence.
    /// </summary>
    public bool FolderHolds(IReadOnlyList<string> tail, bool recursive)
    {
        if (Folders.IsEmpty || tail.Count == 0)
        {
            return false;
        }

        return recursive ? IsInsideFolder(tail) : TailMatches(Folders, Folders.Length, tail, tail.Count);
    }

    /// <summary>
    /// Can a file enumeration pattern ('*.json', 'widgets*') yield this entry's name? An entry that is itself a
    /// suffix glob ('*.dll.config') stands for names nobody knows in advance, so only a pattern that commits to
    /// an ending ('*.config', '*.con' with short names) can be said to reach it; 'backup-*' cannot.
    /// </summary>
    public bool CanMatchFilePattern(string pattern)
    {
        if (Name.StartsWith("*", System.StringComparison.Ordinal) && pattern.EndsWith("*", System.StringComparison.Ordinal))
        {
            return false;
        }

        return FileNameGlob.CanYield(pattern, Name) || MatchesShortNamePattern(pattern);
    }

    /// <summary>Can a folder enumeration pattern yield one of this entry's folders?</summary>
    public bool CanMatchFolderPattern(string pattern)
    {
        foreach (var folder in Folders)
        {
            if (FileNameGlob.CanYield(pattern, folder))
            {
                return true;
            }
        }

        return false;
    }

    // Windows also matches a pattern against 8.3 short names: '*.con' yields 'web.config' (WEB~1.CON). That
    // happens when the name's last extension is longer than three characters and starts with the pattern's.
    private bool MatchesShortNamePattern(string pattern)
    {
        var patternDot = pattern.LastIndexOf('.');
        var nameDot = Name.LastIndexOf('.');
        if (patternDot < 0 || nameDot < 0 || pattern.Length - patternDot - 1 != 3)
        {
            return false;
        }

        var patternExtension = pattern.Substring(patternDot + 1);
        var nameExtension = Name.Substring(nameDot + 1);
        return !FileNameGlob.HasWildcards(patternExtension)
               && !FileNameGlob.HasWildcards(nameExtension)
               && nameExtension.Length > 3
               && FileNameGlob.IsMatch(patternExtension, nameExtension.Substring(0, 3))
               && FileNameGlob.CanYield(pattern.Substring(0, patternDot), Name.Substring(0, nameDot));
    }

    // Compares the last 'count' entry folders with the tail parts that end before 'tailEnd', innermost first.
    private static bool TailMatches(ImmutableArray<string> folders, int count, IReadOnlyList<string> tail, int tailEnd)
    {
        if (count == 0)
        {
            return true;
        }

        if (tailEnd < count)
        {
            return false;
        }

        for (var k = 1; k <= count; k++)
        {
            if (!FileNameGlob.IsMatch(folders[count - k], tail[tailEnd - k]))
            {
                return false;
            }
        }

        return true;
    }
}
