using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.BroadEnumerationDeleteTests;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Enumerations;

/// <summary>
/// A helper of the compilation that runs a delegate once per element ('Each(this IEnumerable&lt;T&gt; source,
/// Action&lt;T&gt; action) { foreach (var x in source) action(x); }') hands the lambda the elements of its collection
/// argument, as List.ForEach does; a helper that may call the delegate with anything else is not followed.
/// </summary>
public class LoopingHelpersTests
{
    private static RuleTest<UnsafeDeleteAnalyzer> Test(string body, string helpers, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Cleanup
            {
                void Run(string dir, string other)
                {
                    {{body}}
                }
            }

            static class Loops
            {
                public static void Each<T>(this IEnumerable<T> source, Action<T> action)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (action is null) throw new ArgumentNullException(nameof(action));
                    foreach (var item in source)
                    {
                        action(item);
                    }
                }
            {{helpers}}
            }
            """, expected).WithEditorConfig("pathsafety.scope = all");

    [Fact]
    public async Task A_helper_that_runs_the_delegate_per_element_hands_out_the_entries()
    {
        await Test(
            """
            Directory.GetFiles(dir, "*.exe").Each(f =>
            {
                if (Guid.TryParse(Path.GetFileNameWithoutExtension(f), out _)) File.Delete(f);
            });
            new DirectoryInfo(dir).GetFiles("*.tmp").Each(f => f.Delete());
            Loops.Invoked(Directory.EnumerateFiles(dir, "*.log"), f => File.Delete(f));
            """,
            """
                public static void Invoked(IEnumerable<string> paths, Action<string> onEach)
                {
                    foreach (var p in paths) onEach.Invoke(p);
                }
            """).RunAsync();
    }

    [Fact]
    public async Task Broad_entries_handed_out_by_a_helper_are_PS0004()
    {
        await Test(
            """
            Directory.GetFiles(dir).Each(f => {|#0:File.Delete(f)|});
            Directory.GetFiles(dir).Each(f =>
            {
                if (Path.GetExtension(f) == ".log") File.Delete(f);
            });
            """,
            string.Empty,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)")).RunAsync();
    }

    [Fact]
    public async Task A_helper_that_may_call_the_delegate_with_anything_else_is_not_followed()
    {
        await Test(
            """
            Directory.GetFiles(dir, "*.log").AlsoParent(f => {|#0:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").AlsoConstant(f => {|#1:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").Stored(f => {|#2:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").Grown(f => {|#3:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").Later(f => {|#4:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").OverField(f => {|#5:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").Passed(f => {|#6:File.Delete(f)|});
            Directory.GetFiles(dir, "*.log").Each(f => {|#7:File.Delete(other)|});
            """,
            """
                public static void AlsoParent(this IEnumerable<string> source, Action<string> action)
                {
                    foreach (var item in source) action(Path.Combine(item, ".."));
                }

                public static void AlsoConstant(this IEnumerable<string> source, Action<string> action)
                {
                    foreach (var item in source) action(item);
                    action("/etc/passwd");
                }

                static Action<string> kept;

                public static void Stored(this IEnumerable<string> source, Action<string> action)
                {
                    kept = action;
                    foreach (var item in source) action(item);
                }

                public static void Grown(this IEnumerable<string> source, Action<string> action)
                {
                    source = new[] { "/etc/passwd" };
                    foreach (var item in source) action(item);
                }

                public static void Later(this IEnumerable<string> source, Action<string> action)
                {
                    foreach (var item in source)
                    {
                        Func<string, bool> run = x => { action(x); return true; };
                        run(item);
                    }
                }

                static readonly List<string> known = new List<string>();

                public static void OverField(this IEnumerable<string> source, Action<string> action)
                {
                    foreach (var item in known) action(item);
                }

                public static void Passed(this IEnumerable<string> source, Action<string> action)
                {
                    foreach (var item in source) Run(action, item);
                }

                static void Run(Action<string> action, string item) => action(item);
            """,
            PS0002(0, "File.Delete", "f"),
            PS0002(1, "File.Delete", "f"),
            PS0002(2, "File.Delete", "f"),
            PS0002(3, "File.Delete", "f"),
            PS0002(4, "File.Delete", "f"),
            PS0002(5, "File.Delete", "f"),
            PS0002(6, "File.Delete", "f"),
            PS0002(7, "File.Delete", "other")).RunAsync();
    }

    [Fact]
    public async Task A_helper_that_may_be_overridden_or_comes_from_metadata_is_not_followed()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Cleanup
            {
                protected virtual void Each(IEnumerable<string> source, Action<string> action)
                {
                    foreach (var item in source) action(item);
                }

                void Run(string dir)
                {
                    Each(Directory.GetFiles(dir, "*.log"), f => {|#0:File.Delete(f)|});
                    Directory.GetFiles(dir, "*.log").ToList().ForEach(f => File.Delete(f));
                    Directory.GetFiles(dir, "*.log").Aggregate(0, (n, f) => { {|#1:File.Delete(f)|}; return n; });
                }
            }
            """,
            PS0002(0, "File.Delete", "f"),
            PS0002(1, "File.Delete", "f")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
