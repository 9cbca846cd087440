using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Values;

/// <summary>One classifier of writes: every way a local is written ends what was known about its old value.</summary>
public class ValueWritesTests
{
    [Fact]
    public async Task Coalescing_reassignment_after_the_guard_ends_the_guard()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
            full = name ?? full;
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Coalescing_assignment_after_the_guard_ends_the_guard()
    {
        await Verify(
            """
            string? full = flag ? null : Path.GetFullPath(path);
            if (full != null && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
            full ??= name;
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task A_deconstructed_tuple_literal_pairs_each_local_with_its_value()
    {
        // PS0006 follows a local written once: '(a, b) = (x, y)' gives 'b' the value 'y', a swap gives no value.
        await new RuleTest<UnsafeDeleteAnalyzer>(
            ProtectedFileDeleteTests.Wrap(
                """
                var (log, settings) = (Path.Combine(dir, "old.log"), Path.Combine(dir, "appsettings.json"));
                File.Delete(log);
                {|#0:File.Delete(settings)|};
                var (first, second) = Pair();
                File.Delete(second);
                """,
                "static (string, string) Pair() => (\"a.log\", \"appsettings.json\");"),
            ProtectedFileDeleteTests.PS0006(0, "File.Delete", "appsettings.json", ProtectedFileDeleteTests.ByDefault))
            .WithEditorConfig("pathsafety.maintenance_code = false") // PS0006 only: deleting what the caller passes is PS0002's
            .RunAsync();
    }

    [Fact]
    public async Task A_member_a_coalescing_assignment_may_set_from_outside_is_not_owned()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;

            sealed class Workspace : IDisposable
            {
                private string _dir = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                private string _kept = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                public void Use(string given) { _dir ??= given; _kept ??= Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()); }
                public void Dispose()
                {
                    {|#0:Directory.Delete(_dir, true)|};
                    Directory.Delete(_kept, true);
                }
            }
            """,
            PS0003(0, "Directory.Delete", "_dir")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
