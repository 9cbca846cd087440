using Microsoft.CodeAnalysis;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

/// <summary>
/// Regressions from the precision corpus (tests/Precision): shapes of real maintenance code that the delete rules
/// reported although the target cannot leave its folder, and the near misses that must still be reported.
/// </summary>
public class DeletePrecisionTests
{
    [Fact]
    public async Task Entries_of_an_enumeration_whose_pattern_cannot_leave_the_folder_are_contained()
    {
        // PS0004 decides whether such a loop deletes too much; a name test satisfies it, and the entry itself is
        // inside the enumerated folder.
        await Verify(
            """
            foreach (var f in Directory.EnumerateFiles(root))
            {
                if (!Path.GetFileName(f).StartsWith(name)) continue;
                File.Delete(f);
            }

            foreach (var info in new DirectoryInfo(root).EnumerateFiles())
                if (info.Extension == ".log") info.Delete();

            var archives = Directory.EnumerateFiles(root, "*.zip").OrderBy(Path.GetFileName).ToArray();
            foreach (var archive in archives.Take(archives.Length - 3)) File.Delete(archive);

            var logs = new DirectoryInfo(root).GetFiles("*.log");
            for (var i = 3; i < logs.Length; i++) logs[i].Delete();

            foreach (var f in Directory.GetFiles(root, $"{Path.GetFileNameWithoutExtension(path)}*.log")) File.Delete(f);
            foreach (var f in Directory.GetFiles(root, $"app-{DateTime.Today:yyyyMMdd}-*.log")) File.Delete(f);
            """);
    }

    [Fact]
    public async Task Entries_of_an_enumeration_whose_pattern_may_name_another_folder_are_not()
    {
        // On .NET 'Directory.GetFiles(logs, "../*.json")' yields the parent's files.
        await Verify(
            """
            foreach (var f in Directory.GetFiles(root, name)) {|#0:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(root, $"{name}*.log")) {|#1:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(root, "../*.log")) {|#2:File.Delete(f)|};
            """,
            PS0002(0, "File.Delete", "f"),
            PS0002(1, "File.Delete", "f"),
            PS0002(2, "File.Delete", "f"));
    }

    [Fact]
    public async Task Composed_names_that_are_one_segment_below_the_folder_are_contained()
    {
        await Verify(
            """
            File.Delete(Path.Combine(root, Path.GetFileName(path) + ".1"));
            File.Delete(Path.Combine(root, $"{Path.GetFileNameWithoutExtension(path)}.{DateTime.Today:yyyyMMdd}.log"));
            File.Delete(Path.Combine(root, "backup-" + Guid.NewGuid().ToString("N")));
            {|#0:File.Delete(Path.Combine(root, Path.GetFileName(path)))|};
            {|#1:File.Delete(Path.Combine(root, Path.GetFileName(path) + "."))|};
            {|#2:File.Delete(Path.Combine(root, name + ".1"))|};
            """,
            PS0002(0, "File.Delete", "Path.Combine(root, Path.GetFileName(path))"),
            PS0002(1, "File.Delete", "Path.Combine(root, Path.GetFileName(path) + \".\")"),
            PS0002(2, "File.Delete", "Path.Combine(root, name + \".1\")"));
    }

    [Fact]
    public async Task A_constant_name_appended_to_an_anchored_path_is_contained()
    {
        await Verify(
            """
            File.Delete(System.Reflection.Assembly.GetExecutingAssembly().Location + ".old");
            File.Delete(Environment.ProcessPath + ".bak");
            File.Delete(AppContext.BaseDirectory + "app.pid");
            {|#0:File.Delete(AppContext.BaseDirectory + name)|};
            {|#1:File.Delete(AppContext.BaseDirectory + "../app.pid")|};
            {|#2:File.Delete(path + ".old")|};
            """,
            PS0002(0, "File.Delete", "AppContext.BaseDirectory + name"),
            PS0002(1, "File.Delete", "AppContext.BaseDirectory + \"../app.pid\""),
            PS0002(2, "File.Delete", "path + \".old\""));
    }

    [Fact]
    public async Task A_member_only_its_type_fills_with_a_fresh_temp_path_is_contained()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;

            sealed class TempDir : IDisposable
            {
                private readonly string _path;
                private readonly string _file = Path.GetTempFileName();
                public TempDir() { _path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString()); Directory.CreateDirectory(_path); }
                public string Root { get; } = Path.Combine(Path.GetTempPath(), "tests_" + Guid.NewGuid().ToString("N"));
                public void Dispose() { Directory.Delete(_path, true); Directory.Delete(Root, true); File.Delete(_file); }
            }

            sealed class Workspace : IDisposable
            {
                private readonly string _given;
                private string _moved = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                private string _a = "";
                private string _b = "";
                public string Init { get; init; } = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                public void Swap() { _a = _b; _b = _a; }
                public Workspace(string given) => _given = given;
                public string Settable { get; set; } = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                public void MoveTo(string other) => _moved = other;
                public void Dispose()
                {
                    {|#0:Directory.Delete(_given, true)|};
                    {|#1:Directory.Delete(_moved, true)|};
                    {|#2:Directory.Delete(Settable, true)|};
                    {|#3:Directory.Delete(_a, true)|};
                    {|#4:Directory.Delete(Init, true)|};
                }
            }
            """,
            PS0003(0, "Directory.Delete", "_given"),
            PS0003(1, "Directory.Delete", "_moved"),
            PS0003(2, "Directory.Delete", "Settable"),
            PS0003(3, "Directory.Delete", "_a"),
            PS0003(4, "Directory.Delete", "Init")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task A_program_that_builds_a_host_is_not_a_maintenance_script()
    {
        const string Host = "namespace Microsoft.AspNetCore.Builder { public sealed class WebApplication "
            + "{ public static object CreateBuilder(string[] a) => null!; } }\n";
        var web = new RuleTest<UnsafeDeleteAnalyzer>(
            "var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);\nSystem.IO.File.Delete(args[0]);\n" + Host);
        web.TestState.OutputKind = OutputKind.ConsoleApplication;
        await web.RunAsync();

        var script = new RuleTest<UnsafeDeleteAnalyzer>("{|#0:System.IO.File.Delete(args[0])|};\n", PS0002(0, "File.Delete", "args[0]"));
        script.TestState.OutputKind = OutputKind.ConsoleApplication;
        await script.RunAsync();
    }
}
