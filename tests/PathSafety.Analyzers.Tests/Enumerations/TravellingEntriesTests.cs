using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.BroadEnumerationDeleteTests;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Enumerations;

/// <summary>
/// Entries of a folder enumeration kept in a list, an array or a helper's result before they are deleted: still that
/// enumeration's entries (contained when its pattern stays in the folder, PS0004 when it is broad and unfiltered), and
/// anything else that may be in the collection makes it a plain path again.
/// </summary>
public class TravellingEntriesTests
{
    private static string Wrap(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        class Cleanup
        {
            void Run(string dir, string other, DirectoryInfo info, bool flag)
            {
                {{body}}
            }

            static void Use(List<string> list) { }
        {{members}}
        }
        """;

    private static RuleTest<UnsafeDeleteAnalyzer> Test(string body, string members, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(Wrap(body, members), expected).WithEditorConfig("pathsafety.scope = all");

    [Fact]
    public async Task Specific_pattern_entries_kept_in_lists_and_arrays_are_contained()
    {
        await Test(
            """
            var cache = new List<FileInfo>();
            cache.AddRange(info.EnumerateFiles("*.cache"));
            if (flag) cache.AddRange(new DirectoryInfo(other).EnumerateFiles("*.cache"));
            foreach (var file in cache) file.Delete();

            string[] old = Directory.GetFiles(dir, "app.old*");
            if (flag)
            {
                foreach (var f in old) File.Delete(f);
            }

            var sorted = Directory.GetFiles(dir, "*.bak").OrderBy(f => File.GetLastWriteTime(f)).ToList();
            for (var i = 0; i < sorted.Count - 3; i++) File.Delete(sorted[i]);

            var picked = new List<string>();
            foreach (var f in Directory.EnumerateFiles(dir, "*.tmp")) picked.Add(f);
            picked.Sort();
            picked.ForEach(f => File.Delete(f));

            var both = Directory.GetFiles(dir, "*.toc").Concat(Directory.GetFiles(dir, "*.data")).ToArray();
            foreach (var f in both) File.Delete(f);

            var listed = new List<string> { };
            listed.AddRange(Directory.GetFiles(dir, "*.log"));
            foreach (var f in listed.Skip(5)) File.Delete(f);

            var grown = Directory.EnumerateFiles(dir, "*.old");
            if (flag) grown = grown.Concat(Directory.EnumerateFiles(other, "*.old")).Except(Directory.EnumerateFiles(other, "keep*"));
            foreach (var f in grown) File.Delete(f);

            var bySize = new DirectoryInfo(dir).GetFiles("*.log");
            Array.Sort(bySize, (a, b) => a.Length.CompareTo(b.Length));
            for (var i = 3; i < bySize.Length; i++) bySize[i].Delete();
            """,
            string.Empty).RunAsync();
    }

    [Fact]
    public async Task A_collection_that_may_hold_other_paths_is_not_an_enumeration()
    {
        await Test(
            """
            var mixed = new List<string>();
            mixed.AddRange(Directory.GetFiles(dir, "*.log"));
            mixed.Add(other);
            foreach (var f in mixed) {|#0:File.Delete(f)|};

            var handed = new List<string>(Directory.GetFiles(dir, "*.log"));
            Use(handed);
            foreach (var f in handed) {|#1:File.Delete(f)|};

            var array = Directory.GetFiles(dir, "*.log");
            array[0] = other;
            foreach (var f in array) {|#2:File.Delete(f)|};

            var unknown = Directory.GetFiles(dir, "*.log").ToList();
            unknown?.Add(other);
            foreach (var f in unknown) {|#3:File.Delete(f)|};

            var copy = new List<string>();
            var alias = copy;
            alias.Add(other);
            copy.AddRange(Directory.GetFiles(dir, "*.log"));
            foreach (var f in copy) {|#4:File.Delete(f)|};

            var held = new List<string>(Directory.GetFiles(dir, "*.log"));
            var holder = new Holder(held);
            foreach (var f in held) {|#5:File.Delete(f)|};

            var lent = Directory.GetFiles(dir, "*.log").ToList();
            Func<List<string>> lend = () => lent;
            foreach (var f in lent) {|#6:File.Delete(f)|};
            """,
            """
                sealed class Holder
                {
                    public Holder(List<string> paths) => paths.Add("/etc/passwd");
                }
            """,
            PS0002(0, "File.Delete", "f"),
            PS0002(1, "File.Delete", "f"),
            PS0002(2, "File.Delete", "f"),
            PS0002(3, "File.Delete", "f"),
            PS0002(4, "File.Delete", "f"),
            PS0002(5, "File.Delete", "f"),
            PS0002(6, "File.Delete", "f")).RunAsync();
    }

    [Fact]
    public async Task Broad_entries_collected_in_one_loop_and_deleted_in_another_are_PS0004()
    {
        await Test(
            """
            var old = new List<DirectoryInfo>();
            old.AddRange(info.EnumerateDirectories("*"));
            foreach (var d in old) {|#0:d.Delete(true)|};

            var files = new List<string>();
            foreach (var f in Directory.GetFiles(dir)) files.Add(f);
            foreach (var f in files) {|#1:File.Delete(f)|};

            var kept = Directory.GetFiles(dir).OrderByDescending(f => File.GetCreationTime(f)).Skip(10).Take(100).ToArray();
            foreach (var f in kept) {|#2:File.Delete(f)|};

            var both = new List<string>();
            both.AddRange(Directory.GetFiles(dir, "*.log"));
            both.AddRange(Directory.GetFiles(dir));
            foreach (var f in both) {|#3:File.Delete(f)|};

            var grown = Directory.EnumerateFiles(dir, "*.log");
            if (flag) grown = grown.Concat(Directory.EnumerateFiles(other));
            foreach (var f in grown) {|#4:File.Delete(f)|};
            """,
            string.Empty,
            PS0004(0, "DirectoryInfo.Delete", "DirectoryInfo.EnumerateDirectories (pattern \"*\")"),
            PS0004(1, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(2, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(3, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(4, "File.Delete", "Directory.EnumerateFiles (no pattern)")).RunAsync();
    }

    [Fact]
    public async Task A_name_test_where_the_entries_were_collected_filters_them_only_on_its_own_branch()
    {
        await Test(
            """
            var logs = new List<string>();
            foreach (var f in Directory.GetFiles(dir))
            {
                if (!f.EndsWith(".log")) continue;
                logs.Add(f);
            }

            foreach (var f in logs) File.Delete(f);

            var some = new List<string>();
            foreach (var f in Directory.GetFiles(dir))
            {
                if (Path.GetExtension(f) == ".log") some.Add(f);
                if (flag) some.Add(f);
            }

            foreach (var f in some) {|#0:File.Delete(f)|};
            """,
            string.Empty,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)")).RunAsync();
    }

    [Fact]
    public async Task Helpers_that_return_entries_are_followed()
    {
        await Test(
            """
            foreach (var f in LogFiles()) {|#0:f.Delete()|};
            foreach (var f in Backups(dir)) File.Delete(f);
            foreach (var f in Updated()) File.Delete(f);
            foreach (var f in Leftovers(dir)) {|#1:File.Delete(f)|};
            foreach (var f in ByPattern(dir, "*.log")) {|#2:File.Delete(f)|};
            foreach (var f in Either(dir)) {|#3:File.Delete(f)|};
            foreach (var f in Overridable()) {|#4:File.Delete(f)|};
            foreach (var f in Recursive(dir)) {|#5:File.Delete(f)|};
            """,
            """
                static List<FileInfo> LogFiles() => new DirectoryInfo("/var/app/logs").EnumerateFiles("*", SearchOption.AllDirectories).ToList();

                // The folder comes from the caller: the entries are still inside whatever folder it is.
                static string[] Backups(string folder) => Directory.GetFiles(folder, "*.bak");

                static IEnumerable<string> Updated()
                {
                    foreach (var f in Directory.EnumerateFiles("/opt/app", "*", SearchOption.AllDirectories))
                    {
                        if (Path.GetExtension(f).EndsWith(".old")) yield return f;
                    }
                }

                static IEnumerable<string> Leftovers(string folder)
                {
                    foreach (var f in Directory.EnumerateFiles(folder)) yield return f;
                }

                // A pattern from the caller is not followed: it may name another folder.
                static string[] ByPattern(string folder, string pattern) => Directory.GetFiles(folder, pattern);

                static IEnumerable<string> Either(string folder) => folder.Length > 3 ? Directory.GetFiles(folder, "*.log") : new[] { folder };

                protected virtual IEnumerable<string> Overridable() => Directory.GetFiles("/var/app/logs", "*.log");

                static IEnumerable<string> Recursive(string folder) => Recursive(folder).Concat(Directory.GetFiles(folder, "*.log"));
            """,
            PS0004(0, "FileInfo.Delete", "DirectoryInfo.EnumerateFiles (pattern \"*\")", AllDirectories),
            PS0004(1, "File.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0002(2, "File.Delete", "f"),
            PS0002(3, "File.Delete", "f"),
            PS0002(4, "File.Delete", "f"),
            PS0002(5, "File.Delete", "f")).RunAsync();
    }

    [Fact]
    public async Task A_helper_declared_in_another_file_is_read_there()
    {
        var test = Test(
            """
            foreach (var f in Folders.CacheFiles()) File.Delete(f);
            foreach (var d in Folders.Everything(dir)) {|#0:Directory.Delete(d, true)|};
            """,
            string.Empty,
            PS0004(0, "Directory.Delete", "Directory.GetDirectories (no pattern)"));
        test.TestState.Sources.Add(("Folders.cs", """
            using System.Collections.Generic;
            using System.IO;

            static class Folders
            {
                public static List<string> CacheFiles()
                {
                    var found = new List<string>();
                    found.AddRange(Directory.GetFiles("/var/cache/app", "*.cache"));
                    return found;
                }

                public static string[] Everything(string root) => Directory.GetDirectories(root);
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_entry_rejoined_to_the_folder_it_came_from_is_that_entry()
    {
        await Test(
            """
            foreach (var f in Directory.EnumerateFiles(dir, "*.log")) File.Delete(Path.Combine(dir, Path.GetFileName(f)));

            foreach (var f in Directory.EnumerateFiles(dir))
            {
                var path = Path.Combine(dir, Path.GetFileName(f));
                {|#0:File.Delete(path)|};
            }

            foreach (var f in Directory.EnumerateFiles(dir, "*.log")) {|#1:File.Delete(Path.Combine(other, Path.GetFileName(f)))|};
            var deep = Directory.EnumerateFiles(dir, "*.log", SearchOption.AllDirectories);
            foreach (var f in deep) {|#2:File.Delete(Path.Combine(dir, Path.GetFileName(f)))|};
            foreach (var f in Directory.GetFiles(dir, "*.x", SearchOption.AllDirectories))
            {
                {|#4:File.Delete(Path.Combine(dir, Path.GetFileName(f)))|};
            }
            """,
            """
                void Moved(string root, string elsewhere)
                {
                    foreach (var f in Directory.GetFiles(root, "*.log"))
                    {
                        root = elsewhere;
                        {|#3:File.Delete(Path.Combine(root, Path.GetFileName(f)))|};
                    }
                }
            """,
            PS0004(0, "File.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0002(1, "File.Delete", "Path.Combine(other, Path.GetFileName(f))"),
            PS0002(2, "File.Delete", "Path.Combine(dir, Path.GetFileName(f))"),
            PS0002(3, "File.Delete", "Path.Combine(root, Path.GetFileName(f))"),
            PS0002(4, "File.Delete", "Path.Combine(dir, Path.GetFileName(f))")).RunAsync();
    }
}
