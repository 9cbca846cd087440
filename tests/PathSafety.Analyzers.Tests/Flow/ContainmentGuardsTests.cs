using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>Every guard shape of docs/guards.md, accepted and rejected.</summary>
public class ContainmentGuardsTests
{
    [Theory]
    [InlineData("full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)")]
    [InlineData("full.StartsWith(root, StringComparison.OrdinalIgnoreCase)")]
    [InlineData("full.StartsWith(root)")]
    [InlineData("full.Equals(root, StringComparison.Ordinal)")]
    [InlineData("string.Equals(root, full, StringComparison.Ordinal)")]
    [InlineData("full == root")]
    public async Task Prefix_and_equality_checks_guard_including_weak_forms(string check)
    {
        await Verify(
            $$"""
            var full = Path.GetFullPath(path);
            if (!({{check}})) return;
            File.Delete(full);
            """);
    }

    [Fact]
    public async Task GetFullPath_inline_in_the_check_guards_its_argument()
    {
        await Verify(
            """
            if (!Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal)) return;
            File.Delete(path);
            var info = new FileInfo(name);
            if (info.FullName.StartsWith(root, StringComparison.Ordinal)) info.Delete();
            """);
    }

    [Theory]
    [InlineData("full == null")]
    [InlineData("full == \"\"")]
    [InlineData("string.IsNullOrWhiteSpace(full)")]
    [InlineData("full.Length == 0")]
    [InlineData("full.EndsWith(\".log\", StringComparison.Ordinal)")]
    [InlineData("!full.StartsWith(\"/\", StringComparison.Ordinal)")]
    [InlineData("!full.StartsWith(@\"\\\\\", StringComparison.Ordinal)")]
    [InlineData("!full.StartsWith(\"C:\\\\\", StringComparison.Ordinal)")]
    [InlineData("!full.StartsWith(\"logs\", StringComparison.Ordinal)")]
    public async Task Checks_that_prove_nothing_do_not_guard(string failure)
    {
        await Verify(
            $$"""
            var full = Path.GetFullPath(path);
            if ({{failure}}) return;
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task GetRelativePath_checked_for_parent_and_rooted_guards()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(root, full);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                throw new InvalidOperationException();
            }

            File.Delete(full);
            """);
    }

    [Fact]
    public async Task GetRelativePath_checked_only_for_parent_does_not_guard()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(root, full);
            if (relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    private const string GuardMethods = """
        sealed class PathGuardAttribute : Attribute { }

        static class Guards
        {
            [PathGuard] public static void Require(string root, string path) { }
            [PathGuard] public static bool Inside(string root, string path) => true;
            [PathGuard] public static string Within(string root, string path) => path;
            public static bool Configured(string path) => true;
            public static bool NotAGuard(string path) => true;
        }
        """;

    private static Task VerifyWithGuards(string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(Wrap(body) + GuardMethods, expected)
            .WithEditorConfig("pathsafety.scope = all", "pathsafety.guard_methods = M:Guards.Configured(System.String); Other.Missing")
            .RunAsync();

    [Fact]
    public async Task Guard_methods_by_attribute_void_bool_and_string()
    {
        await VerifyWithGuards(
            """
            Guards.Require(root, path);
            File.Delete(path);
            if (Guards.Inside(root, name)) File.Delete(name);
            if (!Guards.Inside(root, name)) {|#0:File.Delete(name)|};
            Directory.Delete(Guards.Within(root, name), true);
            var checkedPath = Guards.Within(root, name);
            new DirectoryInfo(checkedPath).Delete(true);
            """,
            PS0002(0, "File.Delete", "name"));
    }

    [Fact]
    public async Task Guard_methods_from_editorconfig_and_non_guards()
    {
        await VerifyWithGuards(
            """
            if (Guards.Configured(path)) File.Delete(path);
            if (Guards.NotAGuard(name)) {|#0:File.Delete(name)|};
            """,
            PS0002(0, "File.Delete", "name"));
    }

    [Fact]
    public async Task Package_PathGuard_is_known_by_symbol_without_attributes()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                File.Delete(PathSafety.PathGuard.EnsureWithin(root, path));
                if (PathSafety.PathGuard.IsWithin(root, name)) Directory.Delete(name, true);
                PathSafety.PathGuard.EnsureWithin(root, path);
                Directory.Delete(path, true);
                PathSafety.PathGuard.EnsureWithin(root, flag ? path : name);
                {|#0:File.Delete(flag ? path : name)|};
                """) + """
                namespace PathSafety
                {
                    static class PathGuard
                    {
                        public static string EnsureWithin(string root, string path) => path;
                        public static bool IsWithin(string root, string path) => true;
                    }
                }
                """,
            PS0002(0, "File.Delete", "flag ? path : name")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Theory]
    [InlineData("\"/var/run/app.pid\"")]
    [InlineData("@\"C:\\ProgramData\\App\\app.lock\"")]
    [InlineData("Path.Combine(root, \"app.pid\")")]
    [InlineData("Path.Combine(root, \"cache\", \"index.bin\")")]
    [InlineData("Path.Join(root, \"logs/app.log\")")]
    [InlineData("Path.GetTempFileName()")]
    [InlineData("Path.GetFullPath(Path.Combine(root, \"x.tmp\"))")]
    [InlineData("Path.Combine(root, $\"app-{DateTime.UtcNow:yyyyMMdd}.log\")")]
    [InlineData("Path.Combine(root, $\"{Guid.NewGuid()}.tmp\", $\"part-{paths.Length}\")")]
    public async Task Paths_contained_by_construction(string value)
    {
        await Verify(
            $$"""
            File.Delete({{value}});
            var local = {{value}};
            Directory.Delete(local, true);
            """);
    }

    [Theory]
    [InlineData("\"/\"")]
    [InlineData("\"/srv\"")]
    [InlineData("\"/srv/../etc\"")]
    [InlineData("Path.Combine(root, \"\")")]
    [InlineData("Path.Combine(root, \".\")")]
    [InlineData("Path.Combine(root, \"../config\")")]
    [InlineData("Path.Combine(root, \"/etc\")")]
    [InlineData("Path.Combine(root, name)")]
    [InlineData("Path.GetTempPath()")]
    [InlineData("Path.Combine(root, $\"app-{name}.log\")")]
    [InlineData("Path.Combine(root, $\"../{paths.Length}\")")]
    [InlineData("Path.Combine(root, $\"/{paths.Length}\")")]
    [InlineData("Path.Combine(root, $\"C:{paths.Length}\")")]
    public async Task Paths_not_contained_by_construction(string value)
    {
        await Verify($"{{|#0:Directory.Delete({value}, true)|}};", PS0003(0, "Directory.Delete", value));
    }

    [Fact]
    public async Task Temporary_and_freshly_created_paths_may_be_deleted()
    {
        await Verify(
            """
            var temp = Directory.CreateTempSubdirectory("work");
            temp.Delete(true);
            var scratch = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
            Directory.CreateDirectory(scratch);
            Directory.Delete(scratch, true);
            var lockFile = Path.Combine(AppContext.BaseDirectory, Path.GetRandomFileName());
            File.Delete(lockFile);
            File.Create(lockFile).Dispose();
            File.Delete(lockFile);
            var given = path + ".lock";
            {|#0:File.Delete(given)|};
            File.Create(given).Dispose();
            File.Delete(given);
            """,
            PS0002(0, "File.Delete", "given"));
    }

    [Fact]
    public async Task Entries_of_a_broad_enumeration_behind_a_name_filter_are_contained()
    {
        // What PS0004's page recommends must leave no finding at all: the entries stay inside the folder.
        await Verify(
            """
            foreach (var f in Directory.GetFiles(root))
            {
                if (Path.GetExtension(f) != ".log") continue;
                File.Delete(f);
            }

            foreach (var t in Directory.EnumerateFiles(root, "*").Where(p => p.EndsWith(".tmp", StringComparison.Ordinal)))
            {
                File.Delete(t);
            }

            foreach (var d in Directory.GetDirectories(root))
            {
                if (!Path.GetFileName(d).StartsWith("job-", StringComparison.Ordinal)) continue;
                Directory.Delete(d, true);
            }
            """);
    }

    [Fact]
    public async Task Patterns_that_can_leave_the_folder_and_non_enumerations_are_not_containment()
    {
        await Verify(
            """
            foreach (var up in Directory.GetFiles(root, "../*.json"))
            {
                {|#0:File.Delete(up)|};
            }

            foreach (var unknown in Directory.GetFiles(root, name))
            {
                {|#1:File.Delete(unknown)|};
            }

            foreach (var drive in Directory.GetLogicalDrives())
            {
                {|#2:Directory.Delete(drive, true)|};
            }
            """,
            PS0002(0, "File.Delete", "up"),
            PS0002(1, "File.Delete", "unknown"),
            PS0003(2, "Directory.Delete", "drive"));
    }

    [Fact]
    public async Task Enumeration_with_a_specific_pattern_yields_contained_paths()
    {
        await Verify(
            """
            foreach (var log in Directory.EnumerateFiles(root, "*.log"))
            {
                File.Delete(log);
            }

            foreach (var file in new DirectoryInfo(root).GetFiles("cache-*.bin", SearchOption.AllDirectories))
            {
                file.Delete();
            }

            foreach (var any in Directory.GetFiles(root, "*.*"))
            {
                {|#0:File.Delete(any)|};
            }

            foreach (var each in Directory.EnumerateDirectories(root))
            {
                {|#1:Directory.Delete(each, true)|};
            }
            """,
            // Broad enumerations are not contained; their deletes are reported as PS0004, which outranks PS0002/PS0003.
            BroadEnumerationDeleteTests.PS0004(0, "File.Delete", "Directory.GetFiles (pattern \"*.*\")"),
            BroadEnumerationDeleteTests.PS0004(1, "Directory.Delete", "Directory.EnumerateDirectories (no pattern)"));
    }

    [Fact]
    public async Task Filtered_and_stored_specific_enumerations_stay_contained()
    {
        await Verify(
            """
            var cutoff = DateTime.UtcNow.AddDays(-7);
            foreach (var old in Directory.EnumerateFiles(root, "*.log").Where(f => File.GetLastWriteTimeUtc(f) < cutoff).ToList())
            {
                File.Delete(old);
            }

            var stored = Directory.GetFiles(root, "*.tmp");
            foreach (var tmp in stored)
            {
                File.Delete(tmp);
            }

            var broad = Directory.GetFiles(root);
            foreach (var any in broad)
            {
                {|#0:File.Delete(any)|};
            }

            foreach (var mapped in Directory.EnumerateFiles(root, "*.log").Select(f => f + ".bak"))
            {
                {|#1:File.Delete(mapped)|};
            }
            """,
            // The broad enumeration is not contained; its delete is reported as PS0004, which outranks PS0002.
            BroadEnumerationDeleteTests.PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0002(1, "File.Delete", "mapped"));
    }
}
