using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Editor;

/// <summary>
/// The package in an editor: a real language server (csharp-ls, with its setting that runs the project's NuGet
/// analyzers) over a consumer project that references the packed package. Findings appear for an opened document,
/// follow edits without a build, honour an .editorconfig change, and the offered fix applies.
/// </summary>
public sealed class EditorSessionTests
{
    private const string GuardTitle = "Guard the delete with PathGuard.EnsureWithin";

    // Line 7 (zero-based): the unguarded delete (PS0002); line 8: the unguarded recursive delete (PS0003).
    private const string Cleanup = """
        namespace Consumer;

        public static class Cleanup
        {
            [PathSafety.MaintenanceCode]
            public static void Purge(string root, string name)
            {
                File.Delete(name);
                Directory.Delete(Path.Combine(root, name), recursive: true);
            }
        }
        """;

    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main(string[] args) => Cleanup.Purge(AppContext.BaseDirectory, args[0]);
        }
        """;

    private static readonly TimeSpan FirstLoad = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Update = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task Findings_are_live_follow_edits_and_editorconfig_and_the_fix_applies()
    {
        using var consumer = new ConsumerProject("Editor").WithFile("Program.cs", Program).WithFile("Cleanup.cs", Cleanup)
            .WithFile(".editorconfig", "root = true\n\n[*.cs]\n");
        consumer.Run("restore").ShouldSucceed();

        using var session = await EditorSession.StartAsync(consumer);
        var uri = session.Open("Cleanup.cs");

        // Opened: both findings, from the package's analyzers, with no build.
        var opened = await session.WaitForDiagnosticsAsync(uri, FirstLoad, d => d.Any(x => x.Code == "PS0002"));
        session.Check(opened.Any(d => d is { Code: "PS0002", Line: 7, Severity: 2 }), "expected PS0002 (warning) on the unguarded delete", opened);
        session.Check(opened.Any(d => d is { Code: "PS0003", Line: 8, Severity: 2 }), "expected PS0003 (warning) on the recursive delete", opened);

        // A guard typed in the editor: PS0002 goes, PS0003 stays, and nothing was built.
        var guarded = Cleanup.Replace("File.Delete(name);", "File.Delete(PathSafety.PathGuard.EnsureWithin(root, name));", StringComparison.Ordinal);
        session.Change(uri, guarded);
        var afterEdit = await session.WaitForDiagnosticsAsync(uri, Update, d => d.All(x => x.Code != "PS0002"));
        session.Check(afterEdit.Any(d => d.Code == "PS0003"), "expected PS0003 to stay after guarding the other delete", afterEdit);
        var builtAssemblies = Directory.Exists(Path.Combine(consumer.Directory, "bin"))
            ? Directory.GetFiles(Path.Combine(consumer.Directory, "bin"), consumer.Name + ".dll", SearchOption.AllDirectories)
            : [];
        session.Check(builtAssemblies.Length == 0, "the editor session must not need a build: " + string.Join(", ", builtAssemblies), afterEdit);

        // .editorconfig raises PS0003 to an error: the open document's finding follows. csharp-ls 0.28 reads
        // .editorconfig when it loads the project, which a watched change to the project file triggers (it then reads
        // the documents from disk too, so the edit is saved first, as an editor does before such a reload).
        session.Save("Cleanup.cs", guarded);
        File.WriteAllText(Path.Combine(consumer.Directory, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.PS0003.severity = error\n");
        session.FilesChanged(".editorconfig", consumer.Name + ".csproj");
        var raised = await session.WaitForDiagnosticsAsync(uri, Update, d => d.Any(x => x is { Code: "PS0003", Severity: 1 }));
        session.Check(
            raised.Any(d => d is { Code: "PS0003", Severity: 1 }) && raised.All(d => d.Code != "PS0002"),
            "expected PS0003 as an error, and no PS0002",
            raised);

        // The fix offered for PS0003, applied in the editor: the finding goes.
        var fixedText = await session.ApplyFixAsync(uri, guarded, raised.First(d => d.Code == "PS0003"), GuardTitle);
        session.Check(
            fixedText.Contains("Directory.Delete(PathGuard.EnsureWithin(root, Path.Combine(root, name)), recursive: true);", StringComparison.Ordinal)
            && fixedText.Contains("using PathSafety;", StringComparison.Ordinal),
            "expected the delete guarded with PathGuard.EnsureWithin:\n" + fixedText,
            raised);
        session.Change(uri, fixedText);
        var afterFix = await session.WaitForDiagnosticsAsync(uri, Update, d => d.All(x => x.Code is not ("PS0002" or "PS0003")));
        session.Check(afterFix.All(d => d.Code is not ("PS0002" or "PS0003")), "expected no finding after the fix", afterFix);
    }
}
