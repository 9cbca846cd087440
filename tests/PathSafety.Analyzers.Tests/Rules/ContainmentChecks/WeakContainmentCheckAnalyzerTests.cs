using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.ContainmentChecks;

public class WeakContainmentCheckAnalyzerTests
{
    internal static DiagnosticResult PS0007(int markup, MissingIngredient missing)
        => new DiagnosticResult(DiagnosticDescriptors.WeakContainmentCheck)
            .WithLocation(markup)
            .WithArguments(ContainmentCheckIngredients.Describe(missing));

    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<WeakContainmentCheckAnalyzer>(Wrap(body), expected).RunAsync();

    internal static string Wrap(string body) => $$"""
        using System;
        using System.IO;

        class C
        {
            const string Root = "/srv/app/logs/";

            void M(string root, string path, string name, bool flag)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Sound_check_is_not_reported()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            var prefix = root + Path.DirectorySeparatorChar;
            if (!full.StartsWith(prefix, StringComparison.Ordinal)) return;
            File.Delete(full);
            if (Path.GetFullPath(name).StartsWith(Root, StringComparison.OrdinalIgnoreCase)) File.Delete(name);
            """);
    }

    [Fact]
    public async Task Separator_appended_by_the_EndsWith_idiom_before_the_check_counts()
    {
        // The common hand-written form: make sure the root ends with a separator, then compare.
        await Verify(
            """
            if (!root.EndsWith(Path.DirectorySeparatorChar)) root += Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(path);
            if (full.StartsWith(root, StringComparison.Ordinal)) File.Delete(full);

            var logs = Path.GetFullPath(name);
            if (!logs.EndsWith("/"))
            {
                logs = logs + "/";
            }

            if (full.StartsWith(logs, StringComparison.Ordinal)) File.Delete(full);
            """);
    }

    [Fact]
    public async Task Separator_idiom_undone_by_a_later_write_or_after_the_check_does_not_count()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!root.EndsWith('/')) root += '/';
            root = name;
            if ({|#0:full.StartsWith(root, StringComparison.Ordinal)|}) File.Delete(full);

            var late = Path.GetFullPath(name);
            if ({|#1:full.StartsWith(late, StringComparison.Ordinal)|}) File.Delete(full);
            if (!late.EndsWith('/')) late += '/';
            """,
            PS0007(0, MissingIngredient.TrailingSeparator),
            PS0007(1, MissingIngredient.TrailingSeparator));
    }

    [Theory]
    [InlineData("\"/srv/app/logs/\"")]
    [InlineData("@\"C:\\logs\\\"")]
    [InlineData("root + \"/\"")]
    [InlineData("root + '/'")]
    [InlineData("root + Path.AltDirectorySeparatorChar")]
    [InlineData("$\"{root}/\"")]
    [InlineData("$\"{root}{Path.DirectorySeparatorChar}\"")]
    [InlineData("string.Concat(root, \"/\")")]
    [InlineData("Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar")]
    [InlineData("Path.GetTempPath()")]
    [InlineData("root.EndsWith('/') ? root : root + '/'")]
    [InlineData("!root.EndsWith('/') ? root + '/' : root")]
    public async Task Roots_known_to_end_with_a_separator(string prefix)
    {
        await Verify(
            $$"""
            var full = Path.GetFullPath(path);
            var prefix = {{prefix}};
            if (full.StartsWith(prefix, StringComparison.Ordinal)) File.Delete(full);
            """);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("\"/srv/app\"")]
    [InlineData("Path.GetFullPath(root)")]
    [InlineData("Path.Join(root, \"\")")]
    [InlineData("flag ? root + '/' : root")]
    [InlineData("root.EndsWith('/') ? root + '/' : root")]
    public async Task Roots_not_known_to_end_with_a_separator_are_a(string prefix)
    {
        await Verify(
            $$"""
            var full = Path.GetFullPath(path);
            if (!{|#0:full.StartsWith({{prefix}}, StringComparison.Ordinal)|}) return;
            File.Delete(full);
            """,
            PS0007(0, MissingIngredient.TrailingSeparator));
    }

    [Fact]
    public async Task Bool_local_is_a_guard_only_when_a_condition_reads_it()
    {
        await Verify(
            """
            var inside = {|#0:path.StartsWith(Root, StringComparison.Ordinal)|};
            if (!inside) return;
            var logged = path.StartsWith(Root, StringComparison.Ordinal);
            Console.WriteLine(logged);
            File.Delete(path);
            """,
            PS0007(0, MissingIngredient.Normalization));
    }

    [Fact]
    public async Task Path_not_normalized_is_b()
    {
        await Verify(
            """
            var candidate = Path.Combine(root, name);
            if (!{|#0:candidate.StartsWith(Root, StringComparison.Ordinal)|}) return;
            File.Delete(candidate);
            var full = flag ? Path.GetFullPath(path) : path;
            if ({|#1:full.StartsWith(Root, StringComparison.Ordinal)|}) Directory.Delete(full, true);
            """,
            PS0007(0, MissingIngredient.Normalization),
            PS0007(1, MissingIngredient.Normalization));
    }

    [Theory]
    [InlineData("full.StartsWith(Root)")]
    [InlineData("full.StartsWith(Root, StringComparison.CurrentCulture)")]
    [InlineData("full.StartsWith(Root, StringComparison.InvariantCultureIgnoreCase)")]
    [InlineData("full.StartsWith(Root, true, null)")]
    public async Task Culture_sensitive_comparison_is_c(string check)
    {
        await Verify(
            $$"""
            var full = Path.GetFullPath(path);
            if ({|#0:{{check}}|}) File.Delete(full);
            """,
            PS0007(0, MissingIngredient.OrdinalComparison));
    }

    [Fact]
    public async Task Several_missing_ingredients_are_named_together()
    {
        await Verify(
            """
            if ({|#0:path.StartsWith(root)|}) File.Delete(path);
            """,
            PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison));
    }

    [Fact]
    public async Task Parent_filter_as_the_only_check_is_d()
    {
        await Verify(
            """
            if ({|#0:name.Contains("..")|}) throw new ArgumentException("no parent segments", nameof(name));
            File.Delete(Path.Combine(root, name));
            """,
            PS0007(0, MissingIngredient.ContainmentCheck));
    }

    [Fact]
    public async Task Parent_filter_next_to_a_real_check_is_not_d()
    {
        await Verify(
            """
            if (name.Contains("..")) throw new ArgumentException("no parent segments", nameof(name));
            var full = Path.GetFullPath(Path.Combine(root, name));
            if (!full.StartsWith(Root, StringComparison.Ordinal)) return;
            File.Delete(full);
            """);
    }

    [Fact]
    public async Task GetFullPath_with_a_base_taken_for_containment_is_e()
    {
        await Verify(
            """
            var full = {|#0:Path.GetFullPath(name, root)|};
            File.Delete(full);
            Directory.Delete({|#1:Path.GetFullPath(path, Root)|}, true);
            var checkedFull = Path.GetFullPath(name, Root);
            if (checkedFull.StartsWith(Root, StringComparison.Ordinal)) File.Delete(checkedFull);
            var read = Path.GetFullPath(name, root);
            _ = File.ReadAllText(read);
            """,
            PS0007(0, MissingIngredient.RootIgnored),
            PS0007(1, MissingIngredient.RootIgnored));
    }

    [Fact]
    public async Task GetFullPath_of_a_constant_relative_name_with_a_base_is_construction_not_a_check()
    {
        await Verify(
            """
            File.Delete(Path.GetFullPath("cache/index.json", root));
            var work = Path.GetFullPath("work", Root);
            Directory.Delete(work, true);
            Directory.Delete({|#0:Path.GetFullPath("../work", root)|}, true);
            File.Delete({|#1:Path.GetFullPath("/etc/passwd", root)|});
            """,
            PS0007(0, MissingIngredient.RootIgnored),
            PS0007(1, MissingIngredient.RootIgnored));
    }

    [Fact]
    public async Task Checks_that_guard_no_file_operation_are_not_reported()
    {
        await Verify(
            """
            if (name.StartsWith("http")) Console.WriteLine(name);
            var isUnder = path.StartsWith(root);
            Console.WriteLine(isUnder);
            _ = path.StartsWith(root);
            if (path.Contains("..")) Console.WriteLine("odd");
            if (path.StartsWith(@"\\")) throw new NotSupportedException("UNC paths");
            if (!path.StartsWith("/")) throw new ArgumentException("absolute paths only");
            File.Delete(path);
            File.Delete(Path.Combine(Root, "app.pid"));
            """);
    }

    [Fact]
    public async Task Checks_inside_guard_methods_are_judged_without_a_file_operation()
    {
        await new RuleTest<WeakContainmentCheckAnalyzer>(
            """
            using System;

            sealed class PathGuardAttribute : Attribute { }

            static class Guards
            {
                [PathGuard]
                public static bool IsSafe(string root, string path) => {|#0:path.StartsWith(root, StringComparison.Ordinal)|};

                [PathGuard]
                public static void Require(string path)
                {
                    if ({|#1:path.Contains("..")|}) throw new ArgumentException("outside", nameof(path));
                }

                // Unmarked, but a bool helper returning a path-against-path prefix check is judged too.
                public static bool Unmarked(string root, string path) => {|#2:path.StartsWith(root)|};

                public static bool NotAGuard(string text, string prefix) => text.StartsWith(prefix);
            }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization),
            PS0007(1, MissingIngredient.ContainmentCheck),
            PS0007(2, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison)).RunAsync();
    }

    [Fact]
    public async Task Root_member_assigned_only_with_a_separator_is_known()
    {
        await new RuleTest<WeakContainmentCheckAnalyzer>(
            """
            using System;
            using System.IO;

            class Cleaner
            {
                private readonly string _root;
                private readonly string _bare;
                private string Prefix { get; } = Path.GetFullPath("/srv/app/cache") + Path.DirectorySeparatorChar;
                public string Mutable = "/srv/app/";

                public Cleaner(string root)
                {
                    _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
                    _bare = Path.GetFullPath(root);
                }

                void Clean(string name)
                {
                    var full = Path.GetFullPath(Path.Combine(_root, name));
                    if (!full.StartsWith(_root, StringComparison.Ordinal)) return;
                    if (!full.StartsWith(Prefix, StringComparison.Ordinal)) return;
                    if (!{|#0:full.StartsWith(_bare, StringComparison.Ordinal)|}) return;
                    if (!{|#1:full.StartsWith(Mutable, StringComparison.Ordinal)|}) return;
                    File.Delete(full);
                }
            }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator),
            PS0007(1, MissingIngredient.TrailingSeparator)).RunAsync();
    }

    [Fact]
    public async Task Root_member_written_by_a_coalescing_assignment_or_an_out_argument_holds_that_value_too()
    {
        await new RuleTest<WeakContainmentCheckAnalyzer>(
            """
            using System;
            using System.IO;

            class Cleaner
            {
                private string _root = Path.GetFullPath("/srv/app/cache") + Path.DirectorySeparatorChar;
                private string _other = Path.GetFullPath("/srv/app/logs") + Path.DirectorySeparatorChar;
                private string _kept = Path.GetFullPath("/srv/app/tmp") + Path.DirectorySeparatorChar;

                public void Reset(string root)
                {
                    _root ??= root;
                    Read(out _other);
                    _kept ??= Path.GetFullPath(root) + Path.DirectorySeparatorChar;
                }

                static void Read(out string value) => value = "";

                void Clean(string name)
                {
                    var full = Path.GetFullPath(Path.Combine(_root, name));
                    if (!{|#0:full.StartsWith(_root, StringComparison.Ordinal)|}) return;
                    if (!{|#1:full.StartsWith(_other, StringComparison.Ordinal)|}) return;
                    if (!full.StartsWith(_kept, StringComparison.Ordinal)) return;
                    File.Delete(full);
                }
            }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator),
            PS0007(1, MissingIngredient.TrailingSeparator)).RunAsync();
    }

    [Fact]
    public async Task Root_member_of_a_partial_type_is_known_only_when_no_other_file_writes_it()
    {
        // The rule binds the checking file only; another part of the type is read for the names it writes.
        var test = new RuleTest<WeakContainmentCheckAnalyzer>(
            """
            using System;
            using System.IO;

            partial class Cleaner
            {
                private readonly string _root;
                private readonly string _shared;

                public Cleaner(string root)
                {
                    _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
                    _shared = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
                }

                void Clean(string name)
                {
                    var full = Path.GetFullPath(Path.Combine(_root, name));
                    if (!full.StartsWith(_root, StringComparison.Ordinal)) return;
                    if (!{|#0:full.StartsWith(_shared, StringComparison.Ordinal)|}) return;
                    if (!{|#1:full.StartsWith(_cache, StringComparison.Ordinal)|}) return;
                    File.Delete(full);
                }
            }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator),
            PS0007(1, MissingIngredient.TrailingSeparator),
            PS0007(2, MissingIngredient.TrailingSeparator));
        test.TestState.Sources.Add(("Cleaner.Other.cs", """
            using System;
            using System.IO;

            partial class Cleaner
            {
                private readonly string _cache = "/srv/app/cache/";

                public Cleaner(int depth)
                {
                    this._shared = Path.GetFullPath("/srv/app");
                }

                void Purge(string name)
                {
                    var full = Path.GetFullPath(Path.Combine(_cache, name));
                    if (!full.StartsWith(_cache, StringComparison.Ordinal)) return;
                    if (!{|#2:full.StartsWith(_root, StringComparison.Ordinal)|}) return;
                    File.Delete(full);
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Top_level_statements_are_judged()
    {
        var test = new RuleTest<WeakContainmentCheckAnalyzer>(
            """
            using System;
            using System.IO;

            var full = Path.GetFullPath(args[0]);
            if ({|#0:full.StartsWith(args[1], StringComparison.Ordinal)|}) File.Delete(full);
            """,
            PS0007(0, MissingIngredient.TrailingSeparator));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_prefix_check_that_skips_what_passes_it_is_an_exclusion_not_a_guard()
    {
        // Precision corpus: 'skip what is under keep' proves nothing about the rest; a path wrongly passing it is
        // skipped, not deleted. The same check deciding what is deleted is still judged.
        await Verify(
            """
            if (Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal)) return;
            if (flag || Path.GetFullPath(name).StartsWith(root, StringComparison.Ordinal)) throw new InvalidOperationException();
            File.Delete(path);
            File.Delete(name);
            if ({|#0:Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal)|}) File.Delete(path);
            if (!{|#1:Path.GetFullPath(name).StartsWith(root, StringComparison.Ordinal)|}) return;
            File.Delete(name);
            """,
            PS0007(0, MissingIngredient.TrailingSeparator),
            PS0007(1, MissingIngredient.TrailingSeparator));
    }
}
