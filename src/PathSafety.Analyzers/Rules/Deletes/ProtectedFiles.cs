using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Options;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// The protected list PS0006 checks deletes against, the same list the build check verifies in the outputs:
/// built-in defaults, '.editorconfig' 'pathsafety.protected_files' (globs; '-glob' removes a default), and the
/// project's ProtectedFile items and auto-protected files, which the package's targets pass as the compiler-visible
/// build properties PathSafetyProtectedFiles and PathSafetyAutoProtectedFiles. Parsed once per options object.
/// </summary>
internal sealed class ProtectedFiles
{
    public const string EditorConfigKey = EditorConfigOptions.Prefix + "protected_files";
    public const string ProjectItemsProperty = "build_property.PathSafetyProtectedFiles";
    public const string AutoProtectedProperty = "build_property.PathSafetyAutoProtectedFiles";

    /// <summary>What the build check protects by default, as file names in any folder.</summary>
    public static readonly ImmutableArray<string> Defaults = ImmutableArray.Create(
        "appsettings.json", "appsettings.*.json", "web.config", "app.config", "*.dll.config", "*.exe.config");

    // The compiler's .editorconfig reader cuts a value at ';' or '#' (they start a comment, also in the
    // config the SDK generates for build properties), so lists travel with '|' (invalid in Windows file
    // names) and users write the option with ','. ';' still separates, for readers that keep it.
    private static readonly char[] PathListSeparators = { '|', ';' };
    private static readonly char[] EditorConfigSeparators = { ',', '|', ';' };

    // Tree options objects are shared by every tree with the same effective .editorconfig, so this parses once
    // per folder configuration (within one set of build properties), not per file or per delete.
    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, ConditionalWeakTable<AnalyzerConfigOptions, ProtectedFiles>> Cache = new();

    private ProtectedFiles(ImmutableArray<ProtectedEntry> entries)
    {
        Entries = entries;
    }

    /// <summary>Project items first, then .editorconfig, then auto-protected, then defaults: the message names the most specific.</summary>
    public ImmutableArray<ProtectedEntry> Entries { get; }

    public bool IsEmpty => Entries.IsEmpty;

    public static ProtectedFiles GetOrCreate(AnalyzerOptions options, SyntaxTree tree)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var global = provider.GlobalOptions;
        var perTree = Cache.GetValue(global, static _ => new ConditionalWeakTable<AnalyzerConfigOptions, ProtectedFiles>());
        return perTree.GetValue(provider.GetOptions(tree), treeOptions => Create(treeOptions, global));
    }

    /// <summary>Parses the list from raw option values (null when not set); the seam the tests use.</summary>
    public static ImmutableArray<ProtectedEntry> Parse(string? editorConfig, string? projectItems, string? autoProtected)
    {
        var builder = ImmutableArray.CreateBuilder<ProtectedEntry>();
        AddPaths(builder, projectItems, ProtectionSource.ProjectItem);
        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Split(editorConfig, EditorConfigSeparators))
        {
            if (item.StartsWith("-", StringComparison.Ordinal))
            {
                removed.Add(Normalize(item.Substring(1)));
            }
            else
            {
                Add(builder, item, ProtectionSource.EditorConfig);
            }
        }

        AddPaths(builder, autoProtected, ProtectionSource.AutoProtected);
        foreach (var pattern in Defaults)
        {
            if (!removed.Contains(pattern))
            {
                Add(builder, pattern, ProtectionSource.Default);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The first entry a file path with these known trailing parts names.</summary>
    public ProtectedEntry? FindFile(IReadOnlyList<string> tail) => Find(tail, static (e, t) => e.MatchesFile(t));

    /// <summary>The first entry a recursive delete of a folder with these known trailing parts removes.</summary>
    public ProtectedEntry? FindInsideFolder(IReadOnlyList<string> tail) => Find(tail, static (e, t) => e.IsInsideFolder(t));

    private ProtectedEntry? Find(IReadOnlyList<string> tail, Func<ProtectedEntry, IReadOnlyList<string>, bool> matches)
    {
        if (tail.Count == 0)
        {
            return null;
        }

        foreach (var entry in Entries)
        {
            if (matches(entry, tail))
            {
                return entry;
            }
        }

        return null;
    }

    private static ProtectedFiles Create(AnalyzerConfigOptions treeOptions, AnalyzerConfigOptions global)
    {
        var editorConfig = Value(treeOptions, EditorConfigKey) ?? Value(global, EditorConfigKey);
        var entries = Parse(editorConfig, Value(global, ProjectItemsProperty), Value(global, AutoProtectedProperty));
        return new ProtectedFiles(entries);
    }

    private static string? Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) ? value : null;

    private static void AddPaths(ImmutableArray<ProtectedEntry>.Builder builder, string? value, ProtectionSource source)
    {
        foreach (var item in Split(value, PathListSeparators))
        {
            Add(builder, item, source);
        }
    }

    private static void Add(ImmutableArray<ProtectedEntry>.Builder builder, string text, ProtectionSource source)
    {
        var entry = ProtectedEntry.TryCreate(text, source);
        if (entry is not null)
        {
            builder.Add(entry);
        }
    }

    private static IEnumerable<string> Split(string? value, char[] separators)
    {
        if (value is null)
        {
            yield break;
        }

        foreach (var part in value.Split(separators))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }

    private static string Normalize(string text) => text.Trim().Replace('\\', '/');
}
