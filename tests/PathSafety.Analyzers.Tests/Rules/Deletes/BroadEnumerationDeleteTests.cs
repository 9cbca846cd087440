using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

public class BroadEnumerationDeleteTests
{
    internal const string AllDirectories = " in every subfolder (SearchOption.AllDirectories)";

    internal static DiagnosticResult PS0004(int markup, string api, string enumeration, string recursion = "")
        => new DiagnosticResult(DiagnosticDescriptors.BroadEnumerationDelete).WithLocation(markup).WithArguments(api, enumeration, recursion);

    private static string Wrap(string body, string className = "Cleanup") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        namespace PathSafety
        {
            static class PathGuard
            {
                public static string EnsureWithin(string root, string path) => path;
            }
        }

        class {{className}}
        {
            void Run(string logs, string other, DateTime cutoff, HashSet<string> allowed, string pattern)
            {
                {{body}}
            }

            static bool IsOld(string path) => false;
        }
        """;

    // PS0002/PS0003 (unguarded deletes) are another rule's business: these tests look at PS0004 and what outranks it.
    private static Task Verify(string body, params DiagnosticResult[] expected)
    {
        var test = new RuleTest<UnsafeDeleteAnalyzer>(Wrap(body), expected).WithEditorConfig("pathsafety.scope = all");
        test.DisabledDiagnostics.AddRange(["PS0002", "PS0003"]);
        return test.RunAsync();
    }

    [Fact]
    public async Task Every_Directory_source_without_a_narrowing_pattern_is_reported()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles(logs)) {|#0:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(logs, "*")) {|#1:File.Delete(f)|};
            foreach (var f in Directory.EnumerateFiles(logs, "*.*")) {|#2:File.Delete(f)|};
            foreach (var f in Directory.GetFileSystemEntries(logs)) {|#3:File.Delete(f)|};
            foreach (var f in Directory.EnumerateFileSystemEntries(logs, "*", SearchOption.TopDirectoryOnly)) {|#4:File.Delete(f)|};
            foreach (var d in Directory.GetDirectories(logs)) {|#5:Directory.Delete(d, true)|};
            foreach (var d in Directory.EnumerateDirectories(logs, "*")) {|#6:Directory.Delete(d, recursive: true)|};
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(1, "File.Delete", "Directory.GetFiles (pattern \"*\")"),
            PS0004(2, "File.Delete", "Directory.EnumerateFiles (pattern \"*.*\")"),
            PS0004(3, "File.Delete", "Directory.GetFileSystemEntries (no pattern)"),
            PS0004(4, "File.Delete", "Directory.EnumerateFileSystemEntries (pattern \"*\")"),
            PS0004(5, "Directory.Delete", "Directory.GetDirectories (no pattern)"),
            PS0004(6, "Directory.Delete", "Directory.EnumerateDirectories (pattern \"*\")"));
    }

    [Fact]
    public async Task Every_DirectoryInfo_source_and_element_form_is_reported()
    {
        await Verify(
            """
            var dir = new DirectoryInfo(logs);
            foreach (var f in dir.GetFiles()) {|#0:f.Delete()|};
            foreach (var f in dir.EnumerateFiles("*")) {|#1:File.Delete(f.FullName)|};
            foreach (var e in dir.GetFileSystemInfos()) {|#2:e.Delete()|};
            foreach (var e in new DirectoryInfo(logs).EnumerateFileSystemInfos("*.*")) {|#3:e.Delete()|};
            foreach (var d in dir.GetDirectories()) {|#4:d.Delete(true)|};
            foreach (var d in dir.EnumerateDirectories()) {|#5:Directory.Delete(d.FullName, true)|};
            foreach (var f in Directory.GetFiles(logs)) {|#6:new FileInfo(f).Delete()|};
            foreach (var f in Directory.GetFiles(logs))
            {
                var info = new FileInfo(f);
                {|#7:info.Delete()|};
            }
            """,
            PS0004(0, "FileInfo.Delete", "DirectoryInfo.GetFiles (no pattern)"),
            PS0004(1, "File.Delete", "DirectoryInfo.EnumerateFiles (pattern \"*\")"),
            PS0004(2, "FileSystemInfo.Delete", "DirectoryInfo.GetFileSystemInfos (no pattern)"),
            PS0004(3, "FileSystemInfo.Delete", "DirectoryInfo.EnumerateFileSystemInfos (pattern \"*.*\")"),
            PS0004(4, "DirectoryInfo.Delete", "DirectoryInfo.GetDirectories (no pattern)"),
            PS0004(5, "Directory.Delete", "DirectoryInfo.EnumerateDirectories (no pattern)"),
            PS0004(6, "FileInfo.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(7, "FileInfo.Delete", "Directory.GetFiles (no pattern)"));
    }

    [Fact]
    public async Task Recursive_enumeration_is_called_out()
    {
        await Verify(
            """
            foreach (var f in Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories)) {|#0:File.Delete(f)|};
            foreach (var f in new DirectoryInfo(logs).GetFiles("*.*", SearchOption.AllDirectories)) {|#1:f.Delete()|};
            foreach (var f in Directory.EnumerateFiles(logs, "*", new EnumerationOptions { RecurseSubdirectories = true })) {|#2:File.Delete(f)|};
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
            foreach (var f in Directory.EnumerateFiles(logs, "*", options)) {|#3:File.Delete(f)|};
            foreach (var f in Directory.EnumerateFiles(logs, "*", new EnumerationOptions { IgnoreInaccessible = true })) {|#4:File.Delete(f)|};
            """,
            PS0004(0, "File.Delete", "Directory.EnumerateFiles (pattern \"*\")", AllDirectories),
            PS0004(1, "FileInfo.Delete", "DirectoryInfo.GetFiles (pattern \"*.*\")", AllDirectories),
            PS0004(2, "File.Delete", "Directory.EnumerateFiles (pattern \"*\")", " in every subfolder (EnumerationOptions.RecurseSubdirectories)"),
            PS0004(3, "File.Delete", "Directory.EnumerateFiles (pattern \"*\")", " in every subfolder (EnumerationOptions.RecurseSubdirectories)"),
            PS0004(4, "File.Delete", "Directory.EnumerateFiles (pattern \"*\")"));
    }

    [Fact]
    public async Task Every_consumer_form_is_followed()
    {
        await Verify(
            """
            Directory.GetFiles(logs).ToList().ForEach(f => {|#0:File.Delete(f)|});
            new List<string>(Directory.EnumerateFiles(logs)).ForEach(f => { {|#1:File.Delete(f)|}; });
            Array.ForEach(Directory.GetFiles(logs), f => {|#2:File.Delete(f)|});
            Parallel.ForEach(Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories), f => {|#3:File.Delete(f)|});
            Parallel.ForEach(Directory.EnumerateFiles(logs), (f, state) => {|#4:File.Delete(f)|});
            var files = Directory.GetFiles(logs);
            foreach (var f in files) {|#5:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(logs).OrderBy(f => File.GetLastWriteTime(f)).Skip(10)) {|#6:File.Delete(f)|};
            foreach (var f in Directory.EnumerateFiles(logs).Select(p => new FileInfo(p)).ToArray()) {|#7:f.Delete()|};
            foreach (var f in new DirectoryInfo(logs).GetFiles().Select(i => i.FullName)) {|#8:File.Delete(f)|};
            var all = Directory.GetFiles(logs, "*.*");
            for (var i = 0; i < all.Length; i++) {|#9:File.Delete(all[i])|};
            var infos = new DirectoryInfo(logs).GetFiles().ToList();
            var n = 0;
            while (n < infos.Count) { var info = infos[n++]; {|#10:info.Delete()|}; }
            for (var i = 0; i < all.Length; i++) { if (Path.GetExtension(all[i]) == ".log") File.Delete(all[i]); }
            for (var i = 0; i < all.Length; i++) { var name = Path.GetFileName(all[i]); if (!name.StartsWith("app-")) continue; File.Delete(all[i]); }
            File.Delete(all[0]);
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(1, "File.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0004(2, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(3, "File.Delete", "Directory.EnumerateFiles (pattern \"*\")", AllDirectories),
            PS0004(4, "File.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0004(5, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(6, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(7, "FileInfo.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0004(8, "File.Delete", "DirectoryInfo.GetFiles (no pattern)"),
            PS0004(9, "File.Delete", "Directory.GetFiles (pattern \"*.*\")"),
            PS0004(10, "FileInfo.Delete", "DirectoryInfo.GetFiles (no pattern)"));
    }

    [Fact]
    public async Task Age_and_size_checks_are_not_filters()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles(logs))
            {
                if (File.GetLastWriteTimeUtc(f) < cutoff)
                {
                    {|#0:File.Delete(f)|};
                }
            }

            foreach (var f in new DirectoryInfo(logs).GetFiles())
            {
                if (f.LastWriteTime > cutoff || f.Length == 0) continue;
                {|#1:f.Delete()|};
            }

            foreach (var f in Directory.EnumerateFiles(logs).Where(p => File.GetCreationTime(p) < cutoff)) {|#2:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(logs).Where(IsOld).Where(p => p != null)) {|#3:File.Delete(f)|};
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(1, "FileInfo.Delete", "DirectoryInfo.GetFiles (no pattern)"),
            PS0004(2, "File.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0004(3, "File.Delete", "Directory.GetFiles (no pattern)"));
    }

    [Fact]
    public async Task Tests_that_do_not_select_by_the_entry_name_are_not_filters()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles(logs))
            {
                if (f.StartsWith(logs, StringComparison.Ordinal)) {|#0:File.Delete(f)|};
            }

            foreach (var f in Directory.GetFiles(logs))
            {
                if (Path.GetExtension(other) == ".log") {|#1:File.Delete(f)|};
            }

            foreach (var f in Directory.GetFiles(logs))
            {
                if (f.EndsWith(".log")) Console.WriteLine(f);
                {|#2:File.Delete(f)|};
            }
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(1, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(2, "File.Delete", "Directory.GetFiles (no pattern)"));
    }

    [Fact]
    public async Task Name_and_extension_filters_silence_it()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles(logs)) { if (Path.GetExtension(f) == ".log") File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs))
            {
                if (string.Equals(Path.GetExtension(f), ".log", StringComparison.OrdinalIgnoreCase)) File.Delete(f);
            }
            foreach (var f in Directory.GetFiles(logs)) { if (f.EndsWith(".log", StringComparison.OrdinalIgnoreCase)) File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs)) { if (Path.GetFileName(f).StartsWith("app-")) File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs)) { if (Regex.IsMatch(Path.GetFileName(f), @"^app-\d+\.log$")) File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs)) { if (!f.EndsWith(".log")) continue; File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs)) { if (!allowed.Contains(Path.GetExtension(f))) { continue; } File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs))
            {
                var name = Path.GetFileName(f).ToLowerInvariant();
                if (name.StartsWith("trace")) File.Delete(f);
            }
            foreach (var f in Directory.GetFiles(logs)) { if (Path.GetExtension(f) is ".log" or ".tmp") File.Delete(f); }
            foreach (var f in Directory.GetFiles(logs)) { switch (Path.GetExtension(f)) { case ".log": File.Delete(f); break; } }
            foreach (var f in new DirectoryInfo(logs).GetFiles()) { if (f.Extension == ".tmp" && f.LastWriteTime < cutoff) f.Delete(); }
            foreach (var f in new DirectoryInfo(logs).GetFiles()) { if (f.Name.Contains("cache")) f.Delete(); }
            foreach (var f in Directory.GetFiles(logs).Where(p => p.EndsWith(".log"))) File.Delete(f);
            foreach (var f in Directory.GetFiles(logs).Where(p => File.GetLastWriteTime(p) < cutoff && Path.GetExtension(p) == ".log").ToList())
                File.Delete(f);
            Directory.GetFiles(logs).Where(p => Path.GetFileName(p).StartsWith("app-")).ToList().ForEach(f => File.Delete(f));
            foreach (var f in Directory.GetFiles(logs)) { PathSafety.PathGuard.EnsureWithin(logs, f); File.Delete(f); }
            """);
    }

    [Fact]
    public async Task Narrow_or_unknown_patterns_and_other_targets_are_not_reported()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles(logs, "*.log")) File.Delete(f);
            foreach (var f in Directory.GetFiles(logs, "app-*", SearchOption.AllDirectories)) File.Delete(f);
            foreach (var f in Directory.GetFiles(logs, pattern)) File.Delete(f);
            foreach (var f in Directory.GetFiles(logs)) File.Delete(Path.Combine(other, Path.GetFileName(f)));
            foreach (var d in Directory.GetDirectories(logs)) Directory.Delete(d);
            foreach (var d in Directory.GetDirectories(logs)) Directory.Delete(d, false);
            foreach (var d in new DirectoryInfo(logs).GetDirectories()) d.Delete();
            foreach (var f in Directory.GetFiles(logs)) File.Delete(other);
            var copy = new List<string>();
            foreach (var f in copy) File.Delete(f);
            """);
    }

    [Fact]
    public async Task Nested_loops_lambdas_and_try_blocks_are_followed()
    {
        await Verify(
            """
            foreach (var d in Directory.GetDirectories(logs))
            {
                foreach (var f in Directory.GetFiles(d, "*.log")) File.Delete(f);
                foreach (var f in Directory.GetFiles(d)) {|#0:File.Delete(f)|};
            }

            var tasks = new List<Task>();
            foreach (var f in Directory.EnumerateFiles(logs)) tasks.Add(Task.Run(() => {|#1:File.Delete(f)|}));

            foreach (var f in Directory.GetFiles(logs))
            {
                if (f.EndsWith(".log"))
                {
                    try { File.Delete(f); } catch (IOException) { }
                }
            }

            foreach (var d in Directory.GetDirectories(logs))
            {
                if (Path.GetFileName(d).StartsWith("run-")) Directory.Delete(d, true);
            }

            foreach (var f in Directory.GetFiles(logs).Concat(Directory.GetFiles(other))) {|#2:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(logs)) File.Copy(f, Path.Combine(other, Path.GetFileName(f)));
            """,
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)"),
            PS0004(1, "File.Delete", "Directory.EnumerateFiles (no pattern)"),
            PS0004(2, "File.Delete", "Directory.GetFiles (no pattern)"));
    }

    [Fact]
    public async Task Only_maintenance_code_is_checked()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap("foreach (var f in Directory.GetFiles(logs)) File.Delete(f);", className: "Report"))
            .WithEditorConfig("pathsafety.maintenance_code = false")
            .RunAsync();

        // Deleting what a folder enumeration yields makes the method maintenance code whatever its type is named.
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap("foreach (var f in Directory.GetFiles(logs)) {|#0:File.Delete(f)|};", className: "Report"),
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)")).RunAsync();

        // The same loop in a type named for maintenance work is in scope without any configuration.
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap("foreach (var f in Directory.GetFiles(logs)) {|#0:File.Delete(f)|};", className: "LogCleanup"),
            PS0004(0, "File.Delete", "Directory.GetFiles (no pattern)")).RunAsync();
    }

    [Fact]
    public async Task Protected_file_finding_takes_precedence()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles(AppContext.BaseDirectory)) {|#0:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(logs, "*.json")) {|#1:File.Delete(f)|};
            """,
            ProtectedFileDeleteTests.PS0006(0, "File.Delete", "appsettings.json", "default"),
            ProtectedFileDeleteTests.PS0006(1, "File.Delete", "appsettings.json", "default"));
    }

    [Fact]
    public async Task Broken_code_gets_only_the_compiler_errors()
    {
        await Verify(
            """
            foreach (var f in Directory.GetFiles({|CS0103:missing|})) File.Delete(f);
            foreach (var f in {|CS0103:unknown|}) File.Delete(f);
            foreach (var f in Directory.GetFiles(logs, {|CS0103:p|})) File.Delete(f);
            Array.{|CS7036:ForEach|}(Directory.GetFiles(logs));
            """);
    }

    [Fact]
    public async Task System_IO_Abstractions_directory_enumerations_are_sources()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.Collections.Generic;
            using System.IO.Abstractions;

            class Cleanup
            {
                void Run(IFileSystem fs, string logs)
                {
                    foreach (var f in fs.Directory.EnumerateFiles(logs, "*")) {|#0:fs.File.Delete(f)|};
                    foreach (var f in fs.Directory.EnumerateFiles(logs, "*.log")) fs.File.Delete(f);
                }
            }

            namespace System.IO.Abstractions
            {
                public interface IFileSystem { IFile File { get; } IDirectory Directory { get; } }
                public interface IFile { void Delete(string path); }
                public interface IDirectory { IEnumerable<string> EnumerateFiles(string path, string searchPattern); }
            }
            """,
            PS0004(0, "IFile.Delete", "IDirectory.EnumerateFiles (pattern \"*\")")).RunAsync();
    }
}
