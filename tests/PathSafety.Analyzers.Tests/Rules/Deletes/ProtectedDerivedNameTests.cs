using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.BroadEnumerationDeleteTests;
using static PathSafety.Analyzers.Tests.Rules.Deletes.ProtectedFileDeleteTests;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

/// <summary>
/// A test of text another string method made from an entry's name ('f.Name.Replace(".bak", "")') selects by name with
/// no glob PathSafety can tell: PS0006 stays silent, as for any test it cannot evaluate, and PS0004 counts it as a
/// name filter. Skipping only the names whose derived text equals a constant filters nothing.
/// </summary>
public class ProtectedDerivedNameTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(
            $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Prune
            {
                void Run(DirectoryInfo configDir, string dir, Dictionary<string, object> loaded)
                {
                    {{body}}
                }
            }
            """,
            expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task Membership_test_of_a_derived_name_keeps_PS0006_silent()
    {
        await Verify(
            """
            foreach (var file in configDir.GetFiles("*.json*"))
            {
                var id = file.Name.Replace(".bak", "").Replace(".json", "");
                if (!loaded.ContainsKey(id)) File.Delete(file.FullName);
            }

            foreach (var f in Directory.GetFiles(dir, "*.json"))
            {
                if (loaded.ContainsKey(Path.GetFileName(f).Substring(1))) continue;
                File.Delete(f);
            }

            foreach (var f in Directory.GetFiles(dir))
            {
                if (!loaded.ContainsKey(Path.GetFileNameWithoutExtension(f).Replace("-old", ""))) File.Delete(f);
            }

            foreach (var f in Directory.GetFiles(dir))
            {
                if (!Path.GetFileName(f).Replace(".bak", "").EndsWith(".tmp")) continue;
                File.Delete(f);
            }
            """);
    }

    [Fact]
    public async Task Without_a_name_test_or_with_a_skip_of_one_derived_text_it_is_reported()
    {
        await Verify(
            """
            foreach (var file in configDir.GetFiles("*.json*"))
            {
                var id = file.Name.Replace(".bak", "");
                if (loaded.Count > 0) {|#0:File.Delete(file.FullName)|};
            }

            foreach (var file in configDir.GetFiles("*.json"))
            {
                if (file.Name.Replace(".json", "") == "cache") continue;
                {|#1:file.Delete()|};
            }

            foreach (var f in Directory.GetFiles(dir))
            {
                if (Path.GetFileName(f).Substring(1).StartsWith("x")) continue;
                {|#2:File.Delete(f)|};
            }
            """,
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "FileInfo.Delete", "appsettings.json", ByDefault),
            PS0004(2, "File.Delete", "Directory.GetFiles (no pattern)"));
    }
}
