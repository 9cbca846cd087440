using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.ContainmentChecks.WeakContainmentCheckAnalyzerTests;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// Unmarked helpers of the compilation recognised as guards from their bodies (docs/guards.md, "Guard methods"), and
/// the unsafe variants that must still be reported.
/// </summary>
public class GuardSummariesTests
{
    private static Task Verify(string helpers, string caller, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(Source(helpers, caller), expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    private static string Source(string helpers, string caller) => $$"""
        using System;
        using System.IO;
        using System.Linq;

        static class Helpers
        {
            {{helpers}}
        }

        class Cleaner
        {
            void M(string root, string path, string name, bool flag)
            {
                {{caller}}
            }
        }
        """;

    private const string Throwing = """
        public static void EnsureInside(string root, string path)
        {
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ArgumentException("outside the root", nameof(path));
            }
        }
        """;

    [Fact]
    public async Task Void_helper_that_throws_unless_inside_guards_the_path_after_the_call()
        => await Verify(Throwing, """
            Helpers.EnsureInside(root, path);
            File.Delete(path);
            Directory.Delete(path, true);
            """);

    [Fact]
    public async Task A_helper_longer_than_a_guard_helper_is_not_read()
    {
        // Same check as EnsureInside, after 2,000 characters of other work: long methods are not summarised.
        var padding = string.Concat(Enumerable.Range(0, 60).Select(i => $"Console.WriteLine(\"step {i} of the import\");\n"));
        var helper = Throwing.Replace("var full = Path.GetFullPath(path);", padding + "var full = Path.GetFullPath(path);");
        await Verify(helper, """
            Helpers.EnsureInside(root, path);
            {|#0:File.Delete(path)|};
            """, PS0002(0, "File.Delete", "path"));
    }

    [Fact]
    public async Task Void_helper_guards_only_after_the_call_and_only_on_every_path()
        => await Verify(Throwing, """
            {|#0:File.Delete(path)|};
            if (flag) Helpers.EnsureInside(root, path);
            {|#1:Directory.Delete(path, true)|};
            Helpers.EnsureInside(root, name);
            {|#2:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"), PS0003(1, "Directory.Delete", "path"), PS0002(2, "File.Delete", "path"));

    [Fact]
    public async Task Void_helper_that_only_logs_on_failure_is_not_a_guard()
        => await Verify("""
            public static void EnsureInside(string root, string path)
            {
                if (!Path.GetFullPath(path).StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    Console.WriteLine("outside");
                }
            }
            """, """
            Helpers.EnsureInside(root, path);
            {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));

    [Fact]
    public async Task Void_helper_checking_on_one_branch_only_is_not_a_guard()
        => await Verify("""
            public static void EnsureInside(string root, string path, bool strict)
            {
                if (strict && !Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new ArgumentException("outside");
                }
            }
            """, """
            Helpers.EnsureInside(root, path, flag);
            {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));

    [Fact]
    public async Task Void_helper_that_reassigns_its_parameter_before_checking_is_not_a_guard()
        => await Verify("""
            public static void EnsureInside(string root, string path)
            {
                path = Path.Combine(root, "fixed");
                if (!Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new ArgumentException();
            }
            """, """
            Helpers.EnsureInside(root, path);
            {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));

    [Fact]
    public async Task Bool_helpers_returning_a_prefix_or_relative_path_check_are_predicates()
        => await Verify("""
            public static bool IsInside(string root, string path)
                => Path.GetFullPath(path).StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

            public static bool IsBelow(string root, string candidate)
            {
                var relative = Path.GetRelativePath(root, candidate);
                return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
            }
            """, """
            if (!Helpers.IsInside(root, path)) return;
            File.Delete(path);
            if (Helpers.IsBelow(root, name)) Directory.Delete(name, true);
            """);

    [Fact]
    public async Task Bool_helper_used_the_wrong_way_round_or_on_another_value_is_not_a_guard()
        => await Verify("""
            public static bool IsInside(string root, string path)
                => Path.GetFullPath(path).StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            """, """
            if (!Helpers.IsInside(root, path)) {|#0:File.Delete(path)|};
            if (Helpers.IsInside(root, name)) {|#1:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"), PS0002(1, "File.Delete", "path"));

    [Fact]
    public async Task Bool_helper_that_returns_true_on_failure_or_always_is_not_a_guard()
        => await Verify("""
            public static bool IsInside(string root, string path)
                => !Path.GetFullPath(path).StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

            public static bool IsSafe(string root, string path)
            {
                if (Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true;
                return true;
            }

            public static bool IsEither(string root, string path)
                => Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || root.Length > 0;
            """, """
            if (Helpers.IsInside(root, path)) {|#0:File.Delete(path)|};
            if (Helpers.IsSafe(root, path)) {|#1:File.Delete(path)|};
            if (Helpers.IsEither(root, path)) {|#2:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"), PS0002(1, "File.Delete", "path"), PS0002(2, "File.Delete", "path"));

    private const string NoSeparator = """
        public static bool IsInside(string root, string path)
            => {|#0:Path.GetFullPath(path).StartsWith(Path.GetFullPath(root), StringComparison.Ordinal)|};
        """;

    [Fact]
    public async Task Helper_checking_without_a_separator_guards_the_delete_and_is_reported_on_its_check()
    {
        // Each problem is reported once, where it is: the weak check in the helper (PS0007), not every delete after it.
        const string Caller = "if (Helpers.IsInside(root, path)) File.Delete(path);";
        await Verify(NoSeparator.Replace("{|#0:", string.Empty).Replace(")|};", ");"), Caller);
        await new RuleTest<WeakContainmentCheckAnalyzer>(Source(NoSeparator, Caller), PS0007(0, MissingIngredient.TrailingSeparator)).RunAsync();
    }

    [Fact]
    public async Task String_helper_returning_the_checked_full_path_guards_its_result()
        => await Verify("""
            public static string Resolve(string root, string name)
            {
                var full = Path.GetFullPath(Path.Combine(root, name));
                if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("outside");
                }

                return full;
            }
            """, """
            File.Delete(Helpers.Resolve(root, name));
            var target = Helpers.Resolve(root, path);
            Directory.Delete(target, true);
            """);

    [Fact]
    public async Task String_helper_returning_the_unchecked_input_is_not_a_guard()
        => await Verify("""
            public static string Resolve(string root, string name)
            {
                var full = Path.GetFullPath(Path.Combine(root, name));
                if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("outside");
                }

                return Path.Combine(root, name);
            }
            """, """
            {|#0:File.Delete(Helpers.Resolve(root, name))|};
            """,
            PS0002(0, "File.Delete", "Helpers.Resolve(root, name)"));

    [Fact]
    public async Task Helpers_calling_each_other_in_a_cycle_are_not_guards()
        => await Verify("""
            public static bool A(string root, string path) => B(root, path);

            public static bool B(string root, string path) => A(root, path);
            """, """
            if (Helpers.A(root, path)) {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));

    [Fact]
    public async Task Broken_helpers_while_typing_are_not_guards_and_do_not_throw()
    {
        // 'throw }' recovers as a throw statement missing its ';': Ensure reads as the guard it is being typed as.
        var test = new RuleTest<UnsafeDeleteAnalyzer>(Source("""
            public static bool IsInside(string root, string path) => Path.GetFullPath(path).StartsWith(
            public static void Ensure(string root, string path) { if (!Path.GetFullPath(path).StartsWith(root + '/')) throw }
            public static string Resolve(string root, string path) { return
            """, """
            if (Helpers.IsInside(root, path)) {|#0:File.Delete(path)|};
            Helpers.Ensure(root, name);
            File.Delete(name);
            {|#1:File.Delete(Helpers.Resolve(root, path))|};
            """),
            PS0002(0, "File.Delete", "path"), PS0002(1, "File.Delete", "Helpers.Resolve(root, path)"));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task Helper_in_another_file_is_read_from_its_body()
    {
        var test = new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            class Cleaner
            {
                void M(string root, string path, string name)
                {
                    Other.Guards.EnsureInside(root, path);
                    File.Delete(path);
                    Other.Guards.Pretend(root, name);
                    {|#0:File.Delete(name)|};
                }
            }
            """,
            PS0002(0, "File.Delete", "name"));
        test.TestState.Sources.Add(("Guards.cs", """
            using System;
            using System.IO;

            namespace Other
            {
                static class Guards
                {
                    public static void EnsureInside(string root, string path)
                    {
                        var relative = Path.GetRelativePath(root, path);
                        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                        {
                            throw new ArgumentException("outside");
                        }
                    }

                    public static void Pretend(string root, string path)
                    {
                        var relative = Path.GetRelativePath(root, path);
                        if (relative.StartsWith("..", StringComparison.Ordinal)) throw new ArgumentException("outside");
                    }
                }
            }
            """));
        await test.WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
