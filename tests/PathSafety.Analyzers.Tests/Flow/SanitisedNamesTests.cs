using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// Sanitisers that replace or split out every invalid file-name character: their result has no separator, so with
/// text that is not only dots after it, it is one name below whatever folder it is joined to (docs/guards.md, 2b and 3).
/// </summary>
public class SanitisedNamesTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>($$"""
            using System;
            using System.IO;
            using System.Linq;

            class Cleaner
            {
                static readonly string Profiles = Path.Combine(Path.GetTempPath(), "app", "profiles");

                static string Clean(string value)
                {
                    var invalid = Path.GetInvalidFileNameChars();
                    return new string(value.Select(ch => invalid.Contains(ch) ? '_' : ch).ToArray()).Replace("__", "_", StringComparison.Ordinal);
                }

                static string Joined(string value) => string.Join("_", value.Split(Path.GetInvalidFileNameChars()));

                static string KeepsInvalid(string value)
                {
                    var invalid = Path.GetInvalidFileNameChars();
                    return new string(value.Select(ch => invalid.Contains(ch) ? ch : '_').ToArray());
                }

                static string PathChars(string value)
                {
                    var invalid = Path.GetInvalidPathChars();
                    return new string(value.Select(ch => invalid.Contains(ch) ? '_' : ch).ToArray());
                }

                static string ToSlash(string value)
                    => new string(value.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '/' : ch).ToArray());

                static string JoinSlash(string value) => string.Join("/", value.Split(Path.GetInvalidFileNameChars()));

                void M(string folder, string name)
                {
                    {{body}}
                }
            }
            """, expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task A_sanitised_name_with_a_suffix_is_one_name_below_any_folder()
    {
        await Verify(
            """
            File.Delete(Path.Combine(folder, Clean(name) + ".dat"));
            Directory.Delete(Path.Combine(folder, Joined(name) + ".cache"));
            File.Delete(Path.Combine(folder, $"{Clean(name)}.json"));
            File.Delete(Path.Combine(Profiles, Clean(name)));
            """);
    }

    [Fact]
    public async Task A_sanitiser_that_may_leave_a_separator_or_a_name_that_may_be_dots_is_reported()
    {
        await Verify(
            """
            {|#0:File.Delete(Path.Combine(folder, Clean(name)))|};
            {|#1:File.Delete(Path.Combine(folder, KeepsInvalid(name) + ".dat"))|};
            {|#2:File.Delete(Path.Combine(folder, PathChars(name) + ".dat"))|};
            {|#3:File.Delete(Path.Combine(folder, ToSlash(name) + ".dat"))|};
            {|#4:File.Delete(Path.Combine(folder, JoinSlash(name) + ".dat"))|};
            {|#5:File.Delete(Path.Combine(folder, Clean(name) + "/x.dat"))|};
            {|#6:File.Delete(Path.Combine(folder, Clean(name) + ".."))|};
            {|#7:Directory.Delete(Path.Combine(Profiles, Clean(name)))|};
            """,
            PS0002(0, "File.Delete", "Path.Combine(folder, Clean(name))"),
            PS0002(1, "File.Delete", "Path.Combine(folder, KeepsInvalid(name) + \".dat\")"),
            PS0002(2, "File.Delete", "Path.Combine(folder, PathChars(name) + \".dat\")"),
            PS0002(3, "File.Delete", "Path.Combine(folder, ToSlash(name) + \".dat\")"),
            PS0002(4, "File.Delete", "Path.Combine(folder, JoinSlash(name) + \".dat\")"),
            PS0002(5, "File.Delete", "Path.Combine(folder, Clean(name) + \"/x.dat\")"),
            PS0002(6, "File.Delete", "Path.Combine(folder, Clean(name) + \"..\")"),
            PS0002(7, "Directory.Delete", "Path.Combine(Profiles, Clean(name))"));
    }

    [Fact]
    public async Task A_member_set_in_the_constructor_to_a_sanitised_name_below_a_folder_is_contained()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;
            using System.Linq;

            sealed class CacheEntry
            {
                public CacheEntry(string root, string key)
                {
                    Folder = Path.Combine(root, Clean(key));
                    CacheFile = Path.Combine(Folder, Clean(key) + ".dat");
                    Loose = Path.Combine(Folder, key + ".dat");
                }

                string Folder { get; }

                string CacheFile { get; }

                string Loose { get; }

                static string Clean(string value)
                {
                    var invalid = Path.GetInvalidFileNameChars();
                    return new string(value.Select(ch => invalid.Contains(ch) ? '_' : ch).ToArray());
                }

                void Update()
                {
                    if (File.Exists(CacheFile)) File.Delete(CacheFile);
                    {|#0:File.Delete(Loose)|};
                }
            }
            """,
            PS0002(0, "File.Delete", "Loose")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
