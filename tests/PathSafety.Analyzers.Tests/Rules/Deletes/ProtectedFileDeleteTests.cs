using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

public class ProtectedFileDeleteTests
{
    private const string ByDefault = "default";
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
            """).RunAsync();
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
    public async Task Broken_code_does_not_crash_the_analyzer()
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
}
