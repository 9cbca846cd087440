using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.BroadEnumerationDeleteTests;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

/// <summary>
/// Every entry of a broad enumeration of a parameter folder deleted is PS0004 (the broad pattern is the finding), also
/// when the entries are handed to a ForEach-style extension method or pass through a helper that only prefixes the
/// entry; the delete of the folder itself keeps its own finding.
/// </summary>
public class BroadEntriesThroughHelpersTests
{
    private static Task Verify(string members, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(
            $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            static class Sequences
            {
                public static Task ForEachAsync<T>(this IEnumerable<T> source, Action<T> body)
                    => Task.WhenAll(source.Select(x => Task.Run(() => body(x))));

                public static void Each<T>(this IEnumerable<T> source, Action<T> body)
                {
                    foreach (var x in source) body(x);
                }
            }

            static class LongPaths
            {
                const string Prefix = @"\\?\";

                public static string Fix(string path)
                {
                    if (path.Length < 240) return path;
                    if (path.StartsWith(@"\\")) return Prefix + "UNC" + path.Substring(1);
                    return Prefix + path;
                }

                public static string Mirror(string path) => Path.Combine("/backup", Path.GetFileName(path));
            }

            class Cleanup
            {
            {{members}}
            }
            """,
            expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task Entries_handed_to_a_ForEach_extension_are_the_broad_loop()
    {
        await Verify(
            """
                static async Task Wipe(string directoryPath)
                {
                    var files = new string[0];
                    try
                    {
                        files = Directory.GetFiles(directoryPath);
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }

                    await files.ForEachAsync(file =>
                    {
                        File.SetAttributes(file, FileAttributes.Normal);
                        {|#0:File.Delete(file)|};
                    });
                    {|#1:Directory.Delete(directoryPath, false)|};
                }

                static void Named(string directoryPath)
                {
                    Directory.GetFiles(directoryPath, "*.log").ToList().ForEachAsync(file => File.Delete(file));
                    Directory.GetFiles(directoryPath).Each(file => {|#2:File.Delete(file)|});
                }
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0002(1, "Directory.Delete", "directoryPath"),
            // Not by its name: 'Each' only loops over its source calling the delegate (a looping helper, docs/guards.md).
            PS0004(2, "File.Delete", "Directory.GetFiles (no pattern)"));
    }

    [Fact]
    public async Task Collection_lent_to_a_read_only_sequence_parameter_keeps_only_its_entries()
    {
        await Verify(
            """
                static void Logs(string logDir)
                {
                    var shown = new List<string>(Directory.GetFiles(logDir, "*.log"));
                    Show(shown);
                    foreach (var f in shown) File.Delete(f);

                    var filled = new List<string>(Directory.GetFiles(logDir, "*.log"));
                    Fill(filled);
                    foreach (var f in filled) {|#0:File.Delete(f)|};
                }

                static void Show(IEnumerable<string> files) { }

                static void Fill(ICollection<string> files) => files.Add("/srv/app/appsettings.json");
            """,
            PS0002(0, "File.Delete", "f"));
    }

    [Fact]
    public async Task Entry_behind_a_prefixing_helper_is_the_broad_loop()
    {
        await Verify(
            """
                static void Wipe(string path)
                {
                    foreach (var f in Directory.GetFiles(path))
                    {
                        var file = LongPaths.Fix(f);
                        var attributes = File.GetAttributes(file);
                        if ((attributes & FileAttributes.ReadOnly) == FileAttributes.ReadOnly)
                        {
                            File.SetAttributes(file, attributes ^ FileAttributes.ReadOnly);
                        }

                        {|#0:File.Delete(file)|};
                    }

                    foreach (var f in Directory.GetFiles(path))
                    {
                        {|#1:File.Delete(LongPaths.Mirror(f))|};
                    }

                    foreach (var f in Directory.GetFiles(path, "*.tmp"))
                    {
                        {|#2:File.Delete(LongPaths.Fix(f))|};
                    }

                    {|#3:Directory.Delete(path, false)|};
                }
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0002(1, "File.Delete", "LongPaths.Mirror(f)"),
            PS0002(2, "File.Delete", "LongPaths.Fix(f)"),
            PS0002(3, "Directory.Delete", "path"));
    }
}
