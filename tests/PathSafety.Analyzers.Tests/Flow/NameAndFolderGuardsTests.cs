using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// Name validation, the parent-folder comparison and folder-entry membership as guards (docs/guards.md), with the
/// unsafe variants an expert would try.
/// </summary>
public class NameAndFolderGuardsTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected)
        => Verify(string.Empty, body, expected);

    private static Task Verify(string helpers, string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>($$"""
            using System;
            using System.IO;
            using System.Linq;

            class Cleaner
            {
                static readonly string Profiles = Path.Combine(Path.GetTempPath(), "app", "profiles");

                {{helpers}}

                void M(string folder, string path, string name, bool flag)
                {
                    var root = Path.Combine(Path.GetTempPath(), "app");
                    {{body}}
                }
            }
            """, expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task Guid_name_checked_with_an_early_return_is_a_single_name()
        => await Verify("""
            if (!Guid.TryParse(name, out _)) return;
            Directory.Delete(Path.Combine(root, name), true);
            """);

    [Fact]
    public async Task Guid_check_whose_failure_falls_through_is_not_a_guard()
        => await Verify("""
            if (!Guid.TryParse(name, out _)) Console.WriteLine("not a guid");
            {|#0:Directory.Delete(Path.Combine(root, name), true)|};
            """,
            PS0003(0, "Directory.Delete", "Path.Combine(root, name)"));

    [Fact]
    public async Task Name_checked_for_separators_dots_and_emptiness_is_a_single_name()
        => await Verify("""
            if (string.IsNullOrEmpty(name) || Path.GetFileName(name) != name || name is "." or "..") return;
            Directory.Delete(Path.Combine(root, name), true);
            foreach (var entry in new[] { name, path })
            {
                if (entry.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) continue;
                if (entry is "" or "." or "..") continue;
                var target = Path.Combine(root, entry);
                Directory.Delete(target, true);
            }
            """);

    [Fact]
    public async Task Separator_check_alone_is_enough_for_a_file_delete_only()
        => await Verify("""
            if (Path.GetFileName(name) != name) return;
            File.Delete(Path.Combine(root, name));
            {|#0:Directory.Delete(Path.Combine(root, name), true)|};
            """,
            PS0003(0, "Directory.Delete", "Path.Combine(root, name)"));

    [Fact]
    public async Task Rooted_test_alone_or_a_name_under_an_unknown_folder_is_not_a_guard()
        => await Verify("""
            if (Path.IsPathRooted(name)) return;
            {|#0:File.Delete(Path.Combine(root, name))|};
            if (!Guid.TryParse(path, out _)) return;
            {|#1:File.Delete(Path.Combine(folder, path))|};
            """,
            PS0002(0, "File.Delete", "Path.Combine(root, name)"), PS0002(1, "File.Delete", "Path.Combine(folder, path)"));

    [Fact]
    public async Task Name_check_on_one_branch_only_is_not_a_guard()
        => await Verify("""
            if (flag && !Guid.TryParse(name, out _)) return;
            {|#0:File.Delete(Path.Combine(root, name))|};
            """,
            PS0002(0, "File.Delete", "Path.Combine(root, name)"));

    [Fact]
    public async Task Name_part_or_a_sanitiser_returning_it_makes_a_direct_child_of_a_known_folder()
        => await Verify("""
            static string ToFileName(string text) => Path.GetFileName(text.Replace(':', '_')).Trim();

            static string Mangle(string text) => Path.GetFileName(text).Replace("_", "/");
            """, """
            File.Delete(Path.Combine(Profiles, ToFileName(name)));
            File.Delete(Path.Combine(Profiles, Path.GetFileName(path)));
            {|#0:Directory.Delete(Path.Combine(Profiles, ToFileName(name)), true)|};
            {|#1:File.Delete(Path.Combine(Profiles, Mangle(name)))|};
            {|#2:File.Delete(Path.Combine(folder, ToFileName(name)))|};
            """,
            PS0003(0, "Directory.Delete", "Path.Combine(Profiles, ToFileName(name))"),
            PS0002(1, "File.Delete", "Path.Combine(Profiles, Mangle(name))"),
            PS0002(2, "File.Delete", "Path.Combine(folder, ToFileName(name))"));

    [Fact]
    public async Task Parent_folder_equal_to_an_anchored_folder_guards_a_file_delete()
        => await Verify("""
            if (Path.GetDirectoryName(path) == "/var/cache/app") File.Delete(path);
            if (!string.Equals(Path.GetDirectoryName(name), root, StringComparison.Ordinal)) return;
            File.Delete(name);
            {|#0:Directory.Delete(name, true)|};
            """,
            PS0003(0, "Directory.Delete", "name"));

    [Fact]
    public async Task Parent_folder_check_on_an_info_object_counts_only_when_it_is_a_file()
        => await Verify("""
            var file = new FileInfo(path);
            if (Path.GetDirectoryName(file.FullName) == "/var/cache/app") file.Delete();
            FileSystemInfo entry = flag ? new DirectoryInfo(name) : new FileInfo(name);
            if (Path.GetDirectoryName(entry.FullName) == "/var/cache/app") {|#0:entry.Delete()|};
            """,
            PS0002(0, "FileSystemInfo.Delete", "entry"));

    [Fact]
    public async Task Parent_folder_equal_to_an_unknown_folder_is_not_a_guard()
        => await Verify("""
            if (Path.GetDirectoryName(path) == folder) {|#0:File.Delete(path)|};
            if (Path.GetDirectoryName(path) != root) {|#1:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"), PS0002(1, "File.Delete", "path"));

    private const string EqualityHelpers = """
        static bool AreEqual(string first, string second)
        {
            if (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(second)) return false;
            try
            {
                return Normalize(first) == Normalize(second);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        static string Normalize(string value)
        {
            var formatted = value;
            formatted = new Uri(value).LocalPath;
            return Path.GetFullPath(formatted).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).ToUpperInvariant();
        }

        static bool SameName(string first, string second) => Path.GetFileName(first) == Path.GetFileName(second);

        static bool Trimmed(string first, string second) => first.TrimEnd('x') == second.TrimEnd('x');
        """;

    [Fact]
    public async Task Equality_helper_comparing_normalized_folders_guards_a_file_in_that_folder()
        => await Verify(EqualityHelpers, """
            if (AreEqual(Path.GetDirectoryName(path), Profiles)) File.Delete(path);
            if (!AreEqual(root, Path.GetDirectoryName(name))) return;
            File.Delete(name);
            {|#0:Directory.Delete(name, true)|};
            """,
            PS0003(0, "Directory.Delete", "name"));

    [Fact]
    public async Task Equality_helper_that_does_not_keep_the_folder_is_not_a_guard()
        => await Verify(EqualityHelpers, """
            if (SameName(Path.GetDirectoryName(path), Profiles)) {|#0:File.Delete(path)|};
            if (Trimmed(Path.GetDirectoryName(name), Profiles)) {|#1:File.Delete(name)|};
            if (AreEqual(Path.GetDirectoryName(path), folder)) {|#2:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"), PS0002(1, "File.Delete", "name"), PS0002(2, "File.Delete", "path"));

    [Fact]
    public async Task Entry_enumerated_under_a_root_is_contained()
        => await Verify("""
            if (!Directory.GetDirectories(folder).Contains(path)) return;
            Directory.Delete(path, true);
            if (Directory.EnumerateFiles(folder, "*.log", SearchOption.AllDirectories).Contains(name)) File.Delete(name);
            """);

    [Fact]
    public async Task Membership_in_an_open_pattern_or_failing_through_is_not_a_guard()
        => await Verify("""
            if (!Directory.GetDirectories(folder, name).Contains(path)) return;
            {|#0:Directory.Delete(path, true)|};
            if (!Directory.GetFiles(folder).Contains(name)) Console.WriteLine("not found");
            {|#1:File.Delete(name)|};
            """,
            PS0003(0, "Directory.Delete", "path"), PS0002(1, "File.Delete", "name"));
}
