using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Enumerations;

/// <summary>
/// A list of entries of a specific-pattern enumeration, under any of its names, with paths contained by construction
/// added one by one (docs/guards.md, section 3): every element stays in a folder.
/// </summary>
public class MixedListsTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(
            $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Updater
            {
                void Run(string root, string other, bool flag)
                {
                    {{body}}
                }

                static void Use(List<string> list) { }
            }
            """,
            expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task Entries_and_constant_names_in_one_list_under_two_names_are_contained()
    {
        await Verify(
            """
            var executable = root.TrimEnd('/') + "/app";
            var symbols = Directory.EnumerateFiles(root, "*.pdb", SearchOption.AllDirectories).ToList();
            var remove = symbols;
            remove.Add(executable);
            remove.Add(Path.Combine(root, "app.pid"));
            foreach (var file in remove)
            {
                if (File.Exists(file)) File.Delete(file);
            }

            foreach (var file in symbols) File.Delete(file);
            """);
    }

    [Fact]
    public async Task A_list_that_may_hold_another_path_is_reported()
    {
        // An added path that may leave the folder, a third name handed to a method, and a list of no entry at all.
        await Verify(
            """
            var symbols = Directory.EnumerateFiles(root, "*.pdb").ToList();
            var remove = symbols;
            remove.Add(root + "/../app");
            foreach (var file in remove) {|#0:File.Delete(file)|};

            var logs = Directory.GetFiles(root, "*.log").ToList();
            var alias = logs;
            Use(alias);
            foreach (var file in logs) {|#1:File.Delete(file)|};

            var extra = Directory.GetFiles(root, "*.tmp").ToList();
            var named = extra;
            named.Add(other);
            foreach (var file in extra) {|#2:File.Delete(file)|};
            """,
            PS0002(0, "File.Delete", "file"),
            PS0002(1, "File.Delete", "file"),
            PS0002(2, "File.Delete", "file"));
    }
}
