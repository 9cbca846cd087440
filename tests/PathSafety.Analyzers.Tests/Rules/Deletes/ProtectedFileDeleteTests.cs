using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

public class ProtectedFileDeleteTests
{
    internal const string ByDefault = "default";
    private const string ByProjectItem = "the project's ProtectedFile item";
    private const string ByEditorConfig = ".editorconfig 'pathsafety.protected_files'";
    private const string ByAutoProtect = "PathSafetyAutoProtect (a configuration file copied to the output)";

    internal static DiagnosticResult PS0006(int markup, string api, string file, string source)
        => new DiagnosticResult(DiagnosticDescriptors.ProtectedFileDelete).WithLocation(markup).WithArguments(api, file, source);

    internal static string Wrap(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            {{members}}

            void M(string dir, string name, string[] parts)
            {
                {{body}}
            }
        }
        """;

    private static RuleTest<UnsafeDeleteAnalyzer> Test(string body, params DiagnosticResult[] expected)
        => new(Wrap(body), expected);

    private static RuleTest<UnsafeDeleteAnalyzer> WithGlobalConfig(RuleTest<UnsafeDeleteAnalyzer> test, params string[] lines)
    {
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", lines) + "\n"));
        return test;
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("AppSettings.JSON")]
    [InlineData("web.config")]
    [InlineData("app.config")]
    [InlineData("Service.dll.config")]
    [InlineData("Tool.exe.config")]
    public async Task Constant_file_name_on_the_default_list_is_reported(string fileName)
    {
        var entry = ProtectedFiles_DefaultFor(fileName);
        await Test($"{{|#0:File.Delete(Path.Combine(dir, \"{fileName}\"))|}};", PS0006(0, "File.Delete", entry, ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Default_glob_is_named_in_the_message()
    {
        await Test(
            """{|#0:File.Delete(Path.Combine(dir, "appsettings.Production.json"))|};""",
            PS0006(0, "File.Delete", "appsettings.*.json", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Every_way_of_writing_the_constant_name_is_followed()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                {|#0:File.Delete("appsettings.json")|};
                {|#1:File.Delete(Path.Join(dir, "config", "..", "appsettings.json"))|};
                {|#2:File.Delete($"{dir}/appsettings.json")|};
                {|#3:File.Delete(dir + "\\appsettings.json")|};
                var path = Path.Combine(dir, Settings);
                {|#4:File.Delete(path)|};
                {|#5:new FileInfo(Path.Combine(dir, ReadonlySettings)).Delete()|};
                var info = new FileInfo(Path.GetFullPath("appsettings.json"));
                {|#6:info.Delete()|};
                {|#7:File.Delete(Path.Combine(new[] { dir, "appsettings.json" }))|};
                {|#8:File.Delete(new FileInfo(Path.Combine(dir, "web.config")).FullName)|};
                """,
                """
                const string Settings = "appsettings.json";
                static readonly string ReadonlySettings = "appsettings.json";
                """),
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "File.Delete", "appsettings.json", ByDefault),
            PS0006(2, "File.Delete", "appsettings.json", ByDefault),
            PS0006(3, "File.Delete", "appsettings.json", ByDefault),
            PS0006(4, "File.Delete", "appsettings.json", ByDefault),
            PS0006(5, "FileInfo.Delete", "appsettings.json", ByDefault),
            PS0006(6, "FileInfo.Delete", "appsettings.json", ByDefault),
            PS0006(7, "File.Delete", "appsettings.json", ByDefault),
            PS0006(8, "File.Delete", "web.config", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Names_that_only_look_alike_or_are_not_known_are_not_reported()
    {
        await Test(
            """
            File.Delete(Path.Combine(dir, "appsettings.json.bak"));
            File.Delete(Path.Combine(dir, "my-appsettings.json"));
            File.Delete($"{dir}appsettings.json");
            File.Delete(dir + "appsettings.json");
            File.Delete(Path.Combine(dir, name));
            File.Delete(Path.Combine(dir, "appsettings.json", name));
            File.Delete(Path.Combine("appsettings.json", "x.log"));
            File.Delete(Path.Combine(dir, "appsettings.json/.."));
            var reassigned = "appsettings.json";
            reassigned = name;
            File.Delete(reassigned);
            File.Delete($"{dir}/appsettings.{name}");
            File.Delete($"{dir}/{name,10}");
            """).WithEditorConfig("pathsafety.maintenance_code = false").RunAsync(); // PS0006 only: deleting what the caller passes is PS0002's
    }

    [Fact]
    public async Task Project_item_with_a_folder_matches_the_trailing_parts()
    {
        var test = Test(
            """
            {|#0:File.Delete(Path.Combine(dir, "config", "widgets.json"))|};
            {|#1:File.Delete(Path.Combine(dir, "config/widgets.json"))|};
            {|#2:File.Delete(Path.Combine(dir, @"CONFIG\Widgets.json"))|};
            {|#3:Directory.Delete(Path.Combine(dir, "config"), true)|};
            {|#4:new DirectoryInfo(Path.Combine(dir, "config")).Delete(recursive: true)|};
            File.Delete(Path.Combine(dir, "widgets.json"));
            File.Delete(Path.Combine(dir, "logs", "widgets.json"));
            Directory.Delete(Path.Combine(dir, "config"));
            Directory.Delete(Path.Combine(dir, "config"), false);
            Directory.Delete(Path.Combine(dir, "logs"), true);
            """,
            PS0006(0, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(1, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(2, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(3, "Directory.Delete", "config/widgets.json", ByProjectItem),
            PS0006(4, "DirectoryInfo.Delete", "config/widgets.json", ByProjectItem));
        await WithGlobalConfig(test, @"build_property.PathSafetyProtectedFiles = config/widgets.json").RunAsync();
    }

    [Fact]
    public async Task Project_items_written_with_backslashes_match_too()
    {
        var test = Test(
            """{|#0:File.Delete(Path.Combine(dir, "config", "widgets.json"))|};""",
            PS0006(0, "File.Delete", "config/widgets.json", ByProjectItem));
        await WithGlobalConfig(test, @"build_property.PathSafetyProtectedFiles = keys\a.pem|config\widgets.json").RunAsync();
    }

    [Fact]
    public async Task Auto_protected_files_are_reported_with_their_source()
    {
        var test = Test(
            """{|#0:File.Delete(Path.Combine(dir, "Service.settings.xml"))|};""",
            PS0006(0, "File.Delete", "Service.settings.xml", ByAutoProtect));
        await WithGlobalConfig(test, "build_property.PathSafetyAutoProtectedFiles = Service.settings.xml").RunAsync();
    }

    [Fact]
    public async Task Editorconfig_adds_globs_and_removes_defaults()
    {
        await Test(
            """
            {|#0:File.Delete(Path.Combine(dir, "secrets.prod.json"))|};
            {|#1:File.Delete(Path.Combine(dir, "key1.pem"))|};
            File.Delete(Path.Combine(dir, "key12.pem"));
            File.Delete(Path.Combine(dir, "web.config"));
            {|#2:File.Delete(Path.Combine(dir, "appsettings.json"))|};
            """,
            PS0006(0, "File.Delete", "secrets.*.json", ByEditorConfig),
            PS0006(1, "File.Delete", "key?.pem", ByEditorConfig),
            PS0006(2, "File.Delete", "appsettings.json", ByDefault))
            .WithEditorConfig("pathsafety.protected_files = secrets.*.json, key?.pem, -web.config")
            .RunAsync();
    }

    [Fact]
    public async Task Editorconfig_in_a_global_config_applies_too()
    {
        var test = Test("""{|#0:File.Delete(Path.Combine(dir, "x.secret"))|};""", PS0006(0, "File.Delete", "*.secret", ByEditorConfig));
        await WithGlobalConfig(test, "pathsafety.protected_files = *.secret").RunAsync();
    }

    [Fact]
    public async Task Applies_outside_maintenance_code_and_a_guard_does_not_silence_it()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            static class PathGuard
            {
                public static string EnsureWithin(string root, string path) => path;
            }

            class Settings
            {
                void Reset(string root)
                {
                    var path = Path.Combine(root, "appsettings.json");
                    PathGuard.EnsureWithin(root, path);
                    {|#0:File.Delete(path)|};
                }
            }
            """,
            PS0006(0, "File.Delete", "appsettings.json", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Enumeration_pattern_that_can_yield_a_protected_name_is_reported_in_every_consumer_form()
    {
        await Test(
            """
            foreach (var f in Directory.GetFiles(dir, "*.json")) {|#0:File.Delete(f)|};
            foreach (var f in Directory.EnumerateFiles(dir, "APPSETTINGS*", SearchOption.AllDirectories)) {|#1:File.Delete(f)|};
            foreach (var f in new DirectoryInfo(dir).GetFiles("*.config")) {|#2:f.Delete()|};
            Directory.GetFiles(dir, "*.json").ToList().ForEach(f => {|#3:File.Delete(f)|});
            Array.ForEach(Directory.GetFiles(dir, "*.json"), f => {|#4:File.Delete(f)|});
            Parallel.ForEach(Directory.EnumerateFiles(dir, "*.json"), f => {|#5:File.Delete(f)|});
            foreach (var f in Directory.GetFiles(dir, "*.json").Where(p => File.GetLastWriteTime(p) < DateTime.Now)) {|#6:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(dir, "*.Production.json")) {|#7:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(dir, "*.con")) {|#8:File.Delete(f)|};
            """,
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "File.Delete", "appsettings.json", ByDefault),
            PS0006(2, "FileInfo.Delete", "web.config", ByDefault),
            PS0006(3, "File.Delete", "appsettings.json", ByDefault),
            PS0006(4, "File.Delete", "appsettings.json", ByDefault),
            PS0006(5, "File.Delete", "appsettings.json", ByDefault),
            PS0006(6, "File.Delete", "appsettings.json", ByDefault),
            PS0006(7, "File.Delete", "appsettings.*.json", ByDefault),
            PS0006(8, "File.Delete", "web.config", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Patterns_that_cannot_yield_a_protected_name_are_not_reported()
    {
        await Test(
            """
            foreach (var f in Directory.GetFiles(dir, "*.log")) File.Delete(f);
            foreach (var f in Directory.GetFiles(dir, "backup-*")) File.Delete(f);
            foreach (var f in Directory.GetFiles(dir, "*.js")) File.Delete(f);
            foreach (var f in Directory.GetFiles(dir, "*.dblock.*")) File.Delete(f);
            foreach (var f in Directory.GetFiles(dir, "*.Staging.*")) File.Delete(f);
            foreach (var f in Directory.GetFiles(dir, name)) File.Delete(f);
            foreach (var f in Directory.GetFiles(dir, "*.json")) File.Delete(Path.ChangeExtension(f, ".bak"));
            foreach (var d in Directory.GetDirectories(dir, "*.json")) Directory.Delete(d);
            """)
            .WithEditorConfig("pathsafety.maintenance_code = false")  // PS0004 and PS0002 are not the subject here
            .RunAsync();
    }

    [Fact]
    public async Task Broad_pattern_needs_evidence_that_the_folder_holds_the_protected_file()
    {
        var test = Test(
            """
            foreach (var f in Directory.GetFiles(dir)) File.Delete(f);
            foreach (var f in Directory.GetFiles(Path.Combine(dir, "logs"), "*")) File.Delete(f);
            foreach (var f in Directory.GetFiles(AppContext.BaseDirectory)) {|#0:File.Delete(f)|};
            var baseDir = AppDomain.CurrentDomain.BaseDirectory;
            foreach (var f in new DirectoryInfo(baseDir).EnumerateFiles("*.*")) {|#1:f.Delete()|};
            foreach (var f in Directory.GetFiles(Path.Combine(dir, "config"))) {|#2:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories)) File.Delete(f);
            foreach (var d in Directory.GetDirectories(AppContext.BaseDirectory)) {|#3:Directory.Delete(d, true)|};
            foreach (var d in Directory.GetDirectories(dir, "conf*")) {|#4:Directory.Delete(d, true)|};
            foreach (var d in Directory.GetDirectories(dir)) Directory.Delete(d, true);
            """,
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "FileInfo.Delete", "appsettings.json", ByDefault),
            PS0006(2, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(3, "Directory.Delete", "config/widgets.json", ByProjectItem),
            PS0006(4, "Directory.Delete", "config/widgets.json", ByProjectItem));
        await WithGlobalConfig(test, "build_property.PathSafetyProtectedFiles = config/widgets.json")
            .WithEditorConfig("pathsafety.maintenance_code = false")  // PS0004 and PS0002 are not the subject here
            .RunAsync();
    }

    [Fact]
    public async Task Non_recursive_enumeration_of_the_base_directory_reaches_only_the_files_directly_in_it()
    {
        // The protected list has 'config/widgets.json' first: a non-recursive loop over the output folder cannot
        // reach it, and the message must name the file the loop can delete. A recursive loop reaches the subfolder.
        var test = Test(
            """
            foreach (var f in Directory.GetFiles(AppContext.BaseDirectory, "*.json")) {|#0:File.Delete(f)|};
            foreach (var f in new DirectoryInfo(AppContext.BaseDirectory).GetFiles("widgets*")) f.Delete();
            foreach (var f in Directory.GetFiles(AppContext.BaseDirectory, "widgets*", SearchOption.AllDirectories)) {|#1:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(AppContext.BaseDirectory, "*.json", SearchOption.AllDirectories)) {|#2:File.Delete(f)|};
            """,
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(2, "File.Delete", "config/widgets.json", ByProjectItem));
        await WithGlobalConfig(test, "build_property.PathSafetyProtectedFiles = config/widgets.json").RunAsync();
    }

    [Fact]
    public async Task Project_item_is_reached_by_a_name_pattern_unless_the_folder_rules_it_out()
    {
        var test = Test(
            """
            foreach (var f in Directory.GetFiles(dir, "widgets*")) {|#0:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(Path.Combine(dir, "logs"), "*.json")) File.Delete(f);
            foreach (var f in Directory.GetFiles(Path.Combine(dir, "logs"), "*.json", SearchOption.AllDirectories)) {|#1:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(Path.Combine(dir, "config"), "*.json")) {|#2:File.Delete(f)|};
            foreach (var f in Directory.GetFiles(dir, "gadgets*")) File.Delete(f);
            """,
            PS0006(0, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(1, "File.Delete", "config/widgets.json", ByProjectItem),
            PS0006(2, "File.Delete", "config/widgets.json", ByProjectItem));
        await WithGlobalConfig(test.WithEditorConfig("pathsafety.protected_files = -appsettings.json, -appsettings.*.json"),
            "build_property.PathSafetyProtectedFiles = config/widgets.json").RunAsync();
    }

    [Fact]
    public async Task Name_tests_that_keep_the_protected_file_silence_it_and_guards_do_not()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    if (Path.GetFileName(f).StartsWith("cache-")) File.Delete(f);
                }

                foreach (var f in Directory.GetFiles(dir, "*.json").Where(p => Path.GetFileNameWithoutExtension(p).StartsWith("trace-")))
                    File.Delete(f);

                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    if (System.Text.RegularExpressions.Regex.IsMatch(f, name)) File.Delete(f);
                }

                foreach (var f in Directory.GetFiles(AppContext.BaseDirectory))
                {
                    if (!Path.GetFileName(f).StartsWith("cache-", StringComparison.Ordinal)) continue;
                    File.Delete(f);
                }

                foreach (var f in Directory.GetFiles(AppContext.BaseDirectory))
                {
                    if (f.EndsWith(".log") || f.EndsWith(".tmp")) File.Delete(f);
                }

                foreach (var f in new DirectoryInfo(AppContext.BaseDirectory).GetFiles())
                {
                    if (f.Extension is ".log" or ".tmp") f.Delete();
                }

                foreach (var f in new DirectoryInfo(AppContext.BaseDirectory).GetFiles())
                {
                    if (f.Name is "appsettings.json" or "appsettings.Development.json" or "web.config") continue;
                    if (f.Name.EndsWith(".config")) continue;
                    if (f.Name.StartsWith("appsettings.")) continue;
                    f.Delete();
                }

                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    if (string.Equals(Path.GetFileName(f), "appsettings.json", StringComparison.OrdinalIgnoreCase)) continue;
                    {|#0:File.Delete(f)|};
                }

                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    if (Path.GetExtension(f) == ".json") {|#1:File.Delete(f)|};
                }

                foreach (var f in new DirectoryInfo(AppContext.BaseDirectory).GetFiles())
                {
                    if (f.Extension is not ".log") {|#3:f.Delete()|};
                }

                foreach (var f in Directory.GetFiles(AppContext.BaseDirectory))
                {
                    if (Path.GetFileName(f) != "web.config") {|#4:File.Delete(f)|};
                }

                foreach (var f in new DirectoryInfo(AppContext.BaseDirectory).GetFiles())
                {
                    if (f.Name is "appsettings.json" or "web.config") continue;
                    if (f.Name.EndsWith(".config")) continue;
                    {|#5:f.Delete()|};
                }

                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    PathSafety.PathGuard.EnsureWithin(dir, f);
                    {|#2:File.Delete(f)|};
                }
                """,
                "static class Unused { }") + """

                namespace PathSafety
                {
                    static class PathGuard
                    {
                        public static void EnsureWithin(string root, string path) { }
                    }
                }
                """,
            PS0006(0, "File.Delete", "appsettings.*.json", ByDefault),
            PS0006(1, "File.Delete", "appsettings.json", ByDefault),
            PS0006(2, "File.Delete", "appsettings.json", ByDefault),
            PS0006(3, "FileInfo.Delete", "appsettings.json", ByDefault),
            PS0006(4, "File.Delete", "appsettings.json", ByDefault),
            PS0006(5, "FileInfo.Delete", "appsettings.*.json", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Takes_precedence_over_the_unguarded_delete_rules_in_maintenance_code()
    {
        await Test(
            """
            {|#0:File.Delete(Path.Combine(dir, "appsettings.json"))|};
            {|#1:Directory.Delete(Path.Combine(dir, "config"), recursive: true)|};
            """,
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "Directory.Delete", "config/widgets.json", ByEditorConfig))
            .WithEditorConfig("pathsafety.scope = all", "pathsafety.protected_files = config/widgets.json")
            .RunAsync();
    }

    // The deletes in the test class carry markup only when PS0006 is expected there.
    private static string TestClass(bool marked)
    {
        string Open(int markup) => marked ? "{|#" + markup + ":" : "";
        var close = marked ? "|}" : "";
        return $$"""
            using System.IO;

            namespace Xunit { public class FactAttribute : System.Attribute { } }

            public class SettingsTests
            {
                [Xunit.Fact]
                public void Reset_removes_the_settings()
                {
                    var dir = Path.GetTempPath();
                    {{Open(0)}}File.Delete(Path.Combine(dir, "appsettings.json")){{close}};
                    foreach (var f in Directory.GetFiles(dir, "*.json")) {{Open(1)}}File.Delete(f){{close}};
                }

                public void Helper(string dir) => {{Open(2)}}File.Delete(Path.Combine(dir, "appsettings.json")){{close}};
            }

            public class Settings
            {
                public void Reset(string dir) => {|#3:File.Delete(Path.Combine(dir, "appsettings.json"))|};
            }
            """;
    }

    [Fact]
    public async Task Test_code_gets_no_PS0006_by_default()
    {
        // A class with a test method is test code as a whole (its helpers too); the class next to it is not.
        await new RuleTest<UnsafeDeleteAnalyzer>(TestClass(marked: false), PS0006(3, "File.Delete", "appsettings.json", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Test_code_gets_PS0006_when_the_scope_is_all()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            TestClass(marked: true),
            PS0006(0, "File.Delete", "appsettings.json", ByDefault),
            PS0006(1, "File.Delete", "appsettings.json", ByDefault),
            PS0006(2, "File.Delete", "appsettings.json", ByDefault),
            PS0006(3, "File.Delete", "appsettings.json", ByDefault))
            .WithEditorConfig("pathsafety.scope = all")
            .RunAsync();
    }

    [Fact]
    public async Task Broken_code_gets_only_the_compiler_errors()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            class C
            {
                void M(string dir)
                {
                    File.Delete(Path.Combine(dir, {|CS0103:missing|}));
                    File.Delete({|CS0103:undefined|} + "/appsettings.json");
                    var x = {|CS0103:y|};
                    File.Delete(x);
                }
            }
            """).RunAsync();
    }

    private static string ProtectedFiles_DefaultFor(string fileName)
        => fileName.EndsWith(".dll.config", StringComparison.OrdinalIgnoreCase) ? "*.dll.config"
            : fileName.EndsWith(".exe.config", StringComparison.OrdinalIgnoreCase) ? "*.exe.config"
            : fileName.ToLowerInvariant();

    [Fact]
    public async Task A_copy_in_a_folder_the_code_created_under_a_fresh_name_is_not_the_applications_file()
    {
        // Precision corpus: configuration tests write appsettings.json to a scratch folder and delete it.
        await Test(
            """
            var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
            var settings = Path.Combine(scratch, "appsettings.json");
            File.Delete(settings);
            File.Delete(Path.Combine(Directory.CreateTempSubdirectory("cfg").FullName, "web.config"));
            {|#0:File.Delete(Path.Combine(Path.GetTempPath(), "appsettings.json"))|};
            {|#1:File.Delete(Path.Combine(dir, "appsettings.json"))|};
            """,
            PS0006(0, "File.Delete", "appsettings.json", "default"),
            PS0006(1, "File.Delete", "appsettings.json", "default")).RunAsync();
    }
}
