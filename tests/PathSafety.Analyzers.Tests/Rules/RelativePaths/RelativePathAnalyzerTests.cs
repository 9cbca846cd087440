using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.RelativePaths;

public class RelativePathAnalyzerTests
{
    private static DiagnosticResult PS0001(int markup, string api, string value, string condition = "")
        => new DiagnosticResult(DiagnosticDescriptors.RelativePath)
            .WithLocation(markup)
            .WithArguments(api, value, condition.Length == 0 ? string.Empty : " " + condition);

    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<RelativePathAnalyzer>(Wrap(body), expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    private static string Wrap(string body) => $$"""
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.IO.Compression;
        using System.Reflection;

        class C
        {
            const string LogDir = {|#10:"logs"|};
            const string AbsoluteDir = "/var/log/app";
            static readonly string CacheDir = {|#11:"cache"|};
            static readonly string Reassigned = "tmp";
            static readonly string Computed = Path.Combine({|#30:"a"|}, "b");

            static C() { Reassigned = Path.Combine(AppContext.BaseDirectory, "tmp"); }

            void M(string root, string name, bool linux, Dictionary<string, string?> cfg, string? maybe)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("logs")]
    [InlineData("./logs")]
    [InlineData("../config/app.json")]
    [InlineData("~/x")]
    [InlineData(".")]
    [InlineData(@"C:x")]
    [InlineData(@"\x")]
    public async Task Relative_literals_are_reported(string path)
    {
        var literal = "@\"" + path + "\"";
        await Verify($"File.Delete({{|#0:{literal}|}});", PS0001(0, "File.Delete", "\"" + path + "\""));
    }

    [Theory]
    [InlineData("/var/log/app")]
    [InlineData(@"C:\logs")]
    [InlineData("C:/logs")]
    [InlineData(@"\\server\share\logs")]
    [InlineData(@"\\?\C:\logs")]
    [InlineData("//server/share")]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Absolute_or_empty_literals_are_not_reported(string path)
    {
        await Verify($"File.Delete(@\"{path}\");");
    }

    [Fact]
    public async Task Const_and_static_readonly_fields_point_at_where_the_value_was_written()
    {
        await Verify(
            """
            Directory.Delete({|#0:LogDir|}, true);
            File.Delete({|#1:CacheDir|});
            File.Delete(AbsoluteDir);
            File.Delete(Reassigned);
            File.Delete({|#2:Computed|});
            """,
            PS0001(0, "Directory.Delete", "\"logs\"").WithLocation(10),
            PS0001(1, "File.Delete", "\"cache\"").WithLocation(11),
            PS0001(2, "File.Delete", "\"a\"").WithLocation(30));
    }

    [Fact]
    public async Task Const_local_is_followed()
    {
        await Verify(
            """
            const string dir = {|#1:"logs"|};
            File.Delete({|#0:dir|});
            """,
            PS0001(0, "File.Delete", "\"logs\"").WithLocation(1));
    }

    [Fact]
    public async Task Locals_follow_every_reaching_assignment()
    {
        await Verify(
            """
            var a = {|#1:"logs"|};
            File.Delete({|#0:a|});
            var b = "logs";
            b = Path.Combine(AppContext.BaseDirectory, b);
            File.Delete(b);
            var c = root;
            File.Delete(c);
            string d;
            if (linux) { d = {|#3:"logs"|}; } else { d = @"C:\svc\logs"; }
            File.Delete({|#2:d|});
            var e = "logs";
            if (linux) { e = "/var/log"; }
            e = "/srv/logs";
            File.Delete(e);
            """,
            PS0001(0, "File.Delete", "\"logs\"").WithLocation(1),
            PS0001(2, "File.Delete", "\"logs\"", "when the value assigned on line 28 reaches it").WithLocation(3));
    }

    [Fact]
    public async Task Locals_written_through_out_or_compound_assignment_are_not_followed()
    {
        await Verify(
            """
            var a = "logs";
            Change(ref a);
            File.Delete(a);
            var b = "logs";
            b += name;
            File.Delete(b);
            cfg.TryGetValue("x", out var c);
            File.Delete(c!);
            static void Change(ref string s) { }
            """);
    }

    [Fact]
    public async Task Loop_carried_assignment_reaches_the_read()
    {
        await Verify(
            """
            var dir = "/srv/app";
            for (var i = 0; i < 2; i++)
            {
                File.Delete({|#0:dir|});
                dir = {|#1:"logs"|};
            }
            """,
            PS0001(0, "File.Delete", "\"logs\"", "when the value assigned on line 24 reaches it").WithLocation(1));
    }

    [Fact]
    public async Task Interpolation_and_concatenation_use_their_leading_part()
    {
        await Verify(
            """
            File.Delete({|#0:$"logs/{name}.log"|});
            File.Delete({|#1:"logs/" + name|});
            File.Delete({|#2:LogDir + "/" + name|});
            File.Delete($"/var/log/{name}");
            File.Delete($"{root}/logs");
            File.Delete(root + "/logs");
            File.Delete($"C:{name}");
            File.Delete($"{AppContext.BaseDirectory}logs");
            File.Delete({|#3:$"{Directory.GetCurrentDirectory()}/x"|});
            """,
            PS0001(0, "File.Delete", "$\"logs/{name}.log\""),
            PS0001(1, "File.Delete", "\"logs/\" + name"),
            PS0001(2, "File.Delete", "LogDir + \"/\" + name"),
            PS0001(3, "File.Delete", "Directory.GetCurrentDirectory()"));
    }

    [Fact]
    public async Task Combine_and_Join_follow_the_first_segment()
    {
        await Verify(
            """
            File.Delete({|#0:Path.Combine("logs", name)|});
            File.Delete({|#1:Path.Join("logs", name, "x")|});
            File.Delete(Path.Combine(root, "logs"));
            File.Delete(Path.Combine(AppContext.BaseDirectory, "logs"));
            File.Delete(Path.Combine("logs", "/var/log"));
            File.Delete({|#2:Path.Combine("", "logs")|});
            """,
            PS0001(0, "File.Delete", "\"logs\""),
            PS0001(1, "File.Delete", "\"logs\""),
            PS0001(2, "File.Delete", "\"logs\""));
    }

    [Fact]
    public async Task Current_directory_and_paths_made_absolute_from_it_are_reported()
    {
        await Verify(
            """
            Directory.Delete({|#0:Directory.GetCurrentDirectory()|}, true);
            File.Delete({|#1:Path.Combine(Environment.CurrentDirectory, "tmp")|});
            File.Delete(Path.GetFullPath({|#2:"logs/x"|}));
            var full = Path.GetFullPath({|#3:"logs/y"|});
            File.Delete(full);
            """,
            PS0001(0, "Directory.Delete", "Directory.GetCurrentDirectory()"),
            PS0001(1, "File.Delete", "Environment.CurrentDirectory"),
            PS0001(2, "Path.GetFullPath", "\"logs/x\""),
            PS0001(3, "Path.GetFullPath", "\"logs/y\""));
    }

    [Fact]
    public async Task Bare_file_names_name_entries_of_the_current_directory()
    {
        // Precision corpus: a rotation that renames 'Path.GetFileName(f) + ".1"' moves the log into the working folder.
        await Verify(
            """
            File.Move(root, {|#0:Path.GetFileName(root) + ".1"|});
            File.Delete({|#1:Path.GetFileNameWithoutExtension(name)|});
            File.WriteAllText({|#2:Path.GetRandomFileName()|}, "");
            File.Delete({|#3:Path.ChangeExtension("logs/app.log", ".bak")|});
            File.Delete(Path.Combine(root, Path.GetFileName(name)));
            File.Delete(Path.ChangeExtension(Path.Combine(AppContext.BaseDirectory, "app.log"), ".bak"));
            File.Delete(Path.ChangeExtension(name, ".bak"));
            """,
            PS0001(0, "File.Move", "Path.GetFileName(root)"),
            PS0001(1, "File.Delete", "Path.GetFileNameWithoutExtension(name)"),
            PS0001(2, "File.WriteAllText", "Path.GetRandomFileName()"),
            PS0001(3, "File.Delete", "\"logs/app.log\""));
    }

    [Fact]
    public async Task A_relative_value_passed_through_another_path_api_is_reported_once_where_it_is_written()
    {
        await Verify(
            """
            File.Delete(Path.GetFullPath({|#0:"logs"|}));
            """,
            PS0001(0, "Path.GetFullPath", "\"logs\""));
    }

    [Fact]
    public async Task Maybe_relative_values_say_when()
    {
        await Verify(
            """
            var d = linux ? {|#1:"logs"|} : @"C:\svc\logs";
            File.Delete({|#0:d|});
            File.Delete({|#2:cfg["Cleanup:Dir"] ?? "logs"|});
            File.Delete({|#3:Path.Join(Environment.GetEnvironmentVariable("LOG_DIR"), "app.log")|});
            File.Delete({|#4:Path.Join(maybe, "app.log")|});
            File.Delete(Path.Join(root, "app.log"));
            File.Delete(Path.Join(maybe, name));
            File.Delete({|#5:Path.Join(null, "app.log")|});
            """,
            PS0001(0, "File.Delete", "\"logs\"", "when linux is true").WithLocation(1),
            PS0001(2, "File.Delete", "\"logs\"", "when cfg[\"Cleanup:Dir\"] is null"),
            PS0001(3, "File.Delete", "\"app.log\"", "when Environment.GetEnvironmentVariable(\"LOG_DIR\") is null or empty"),
            PS0001(4, "File.Delete", "\"app.log\"", "when maybe is null or empty"),
            PS0001(5, "File.Delete", "\"app.log\""));
    }

    [Fact]
    public async Task Switch_expression_arms_are_followed()
    {
        await Verify(
            """
            File.Delete({|#0:name switch { "dev" => "logs", _ => "/var/log/app" }|});
            File.Delete({|#1:name switch { "prod" => "/var/log/app", _ => "logs" }|});
            File.Delete({|#2:name switch { "a" => "logs", _ => "cache" }|});
            File.Delete(name switch { "a" => "/a", _ => "/b" });
            File.Delete(name switch { "a" => root, _ => "/b" });
            """,
            PS0001(0, "File.Delete", "\"logs\"", "when name matches \"dev\""),
            PS0001(1, "File.Delete", "\"logs\"", "when name matches no other arm"),
            PS0001(2, "File.Delete", "\"logs\""));
    }

    [Fact]
    public async Task Flow_through_conditions_loops_and_lambdas()
    {
        await Verify(
            """
            string d;
            if (linux) { d = {|#1:"logs"|}; } else { d = "/var/log"; }
            if (File.Exists({|#0:d|})) { }
            try { d = "/srv/logs"; } finally { }
            File.Delete(d);
            var e = "logs";
            if (linux) { e = "/var/log"; }
            Action a = () => File.Delete(e);
            """,
            PS0001(0, "File.Exists", "\"logs\"", "when the value assigned on line 21 reaches it").WithLocation(1));
    }

    [Theory]
    [InlineData("File.Delete(Path.Combine(AppContext.BaseDirectory, \"logs\"));")]
    [InlineData("File.Delete(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, \"logs\"));")]
    [InlineData("File.Delete(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), \"app\"));")]
    [InlineData("File.Delete(Path.Combine(Path.GetTempPath(), \"x\"));")]
    [InlineData("File.Delete(Path.GetTempFileName());")]
    [InlineData("File.Delete(Path.Combine(Path.GetDirectoryName(Environment.ProcessPath!)!, \"x\"));")]
    [InlineData("File.Delete(Path.Combine(Path.GetDirectoryName(typeof(C).Assembly.Location)!, \"x\"));")]
    [InlineData("File.Delete(root);")]
    [InlineData("File.Delete(cfg[\"Cleanup:Dir\"]!);")]
    [InlineData("File.Delete(name + \".log\");")]
    [InlineData("var unused = \"logs\"; Console.WriteLine(unused);")]
    [InlineData("Console.WriteLine(\"logs\");")]
    [InlineData("File.Delete(Path.GetFullPath(\"logs\", AppContext.BaseDirectory));")]
    [InlineData("File.CreateSymbolicLink(\"/srv/app/current\", \"releases/42\");")]
    [InlineData("_ = Directory.GetFiles(\"/srv/logs\", \"*.log\");")]
    [InlineData("_ = new DirectoryInfo(\"/srv\").CreateSubdirectory(\"logs\");")]
    [InlineData("File.Delete(linux ? \"/var/log\" : @\"C:\\logs\");")]
    public async Task Not_reported(string statement)
    {
        await Verify(statement);
    }

    [Fact]
    public async Task Every_api_family_is_covered()
    {
        await Verify(
            """
            File.Copy({|#0:"a.txt"|}, {|#1:"b.txt"|}, true);
            File.Move("/a", {|#2:"b"|});
            _ = File.ReadAllText({|#3:"app.json"|});
            _ = File.Exists({|#4:"app.json"|});
            using var handle = File.OpenHandle({|#5:"x.bin"|});
            _ = Directory.EnumerateFiles({|#6:"logs"|}, "*.log");
            Directory.Move({|#7:"a"|}, "/b");
            _ = new FileInfo({|#8:"x.log"|});
            _ = new DirectoryInfo({|#9:"logs"|});
            new FileInfo("/x").CopyTo({|#12:"y"|});
            using var stream = new FileStream({|#13:"x.bin"|}, FileMode.Open);
            using var reader = new StreamReader({|#14:"x.txt"|});
            using var writer = new StreamWriter({|#15:"x.txt"|});
            using var watcher = new FileSystemWatcher({|#16:"logs"|});
            ZipFile.CreateFromDirectory({|#17:"logs"|}, "/tmp/logs.zip");
            ZipFile.ExtractToDirectory("/tmp/logs.zip", {|#18:"out"|});
            """,
            PS0001(0, "File.Copy", "\"a.txt\""),
            PS0001(1, "File.Copy", "\"b.txt\""),
            PS0001(2, "File.Move", "\"b\""),
            PS0001(3, "File.ReadAllText", "\"app.json\""),
            PS0001(4, "File.Exists", "\"app.json\""),
            PS0001(5, "File.OpenHandle", "\"x.bin\""),
            PS0001(6, "Directory.EnumerateFiles", "\"logs\""),
            PS0001(7, "Directory.Move", "\"a\""),
            PS0001(8, "new FileInfo", "\"x.log\""),
            PS0001(9, "new DirectoryInfo", "\"logs\""),
            PS0001(12, "FileInfo.CopyTo", "\"y\""),
            PS0001(13, "new FileStream", "\"x.bin\""),
            PS0001(14, "new StreamReader", "\"x.txt\""),
            PS0001(15, "new StreamWriter", "\"x.txt\""),
            PS0001(16, "new FileSystemWatcher", "\"logs\""),
            PS0001(17, "ZipFile.CreateFromDirectory", "\"logs\""),
            PS0001(18, "ZipFile.ExtractToDirectory", "\"out\""));
    }

    [Fact]
    public async Task System_IO_Abstractions_members_are_covered()
    {
        const string Source = """
            namespace System.IO.Abstractions
            {
                public interface IFile { void Delete(string path); bool Exists(string? path); }
                public interface IDirectory { void Delete(string path, bool recursive); }
                public interface IFileInfo { IFileInfo CopyTo(string destFileName); }
                public interface IFileInfoFactory { IFileInfo New(string fileName); }
                public interface IPath { string GetFullPath(string path); }
                public interface IFileSystem
                {
                    IFile File { get; }
                    IDirectory Directory { get; }
                    IFileInfoFactory FileInfo { get; }
                    IPath Path { get; }
                }
                public sealed class FileWrapper : IFile { public void Delete(string path) { } public bool Exists(string? path) => false; }
            }

            namespace Ops
            {
                using System.IO.Abstractions;
                class LogCleanup
                {
                    void Run(IFileSystem fs, FileWrapper wrapper)
                    {
                        fs.File.Delete({|#0:"app.log"|});
                        fs.Directory.Delete({|#1:"logs"|}, true);
                        fs.FileInfo.New({|#2:"x.log"|}).CopyTo({|#3:"y.log"|});
                        _ = fs.Path.GetFullPath({|#4:"logs"|});
                        wrapper.Delete({|#5:"app.log"|});
                        fs.File.Delete("/var/log/app.log");
                    }
                }
            }
            """;
        await new RuleTest<RelativePathAnalyzer>(
            Source,
            PS0001(0, "IFile.Delete", "\"app.log\""),
            PS0001(1, "IDirectory.Delete", "\"logs\""),
            PS0001(2, "IFileInfoFactory.New", "\"x.log\""),
            PS0001(3, "IFileInfo.CopyTo", "\"y.log\""),
            PS0001(4, "IPath.GetFullPath", "\"logs\""),
            PS0001(5, "FileWrapper.Delete", "\"app.log\"")).RunAsync();
    }

    [Fact]
    public async Task Hosting_content_root_is_absolute()
    {
        const string Source = """
            using System.IO;
            namespace Microsoft.Extensions.Hosting { public interface IHostEnvironment { string ContentRootPath { get; } } }
            namespace Microsoft.AspNetCore.Hosting
            {
                public interface IWebHostEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment { string WebRootPath { get; } }
            }
            class LogCleanup
            {
                void Run(Microsoft.AspNetCore.Hosting.IWebHostEnvironment env)
                {
                    File.Delete(Path.Combine(env.ContentRootPath, "logs"));
                    Directory.Delete(Path.Combine(env.WebRootPath, "cache"), true);
                }
            }
            """;
        await new RuleTest<RelativePathAnalyzer>(Source).RunAsync();
    }

    [Fact]
    public async Task Only_maintenance_code_is_checked_by_default()
    {
        const string Source = """
            using System.IO;
            namespace Shop
            {
                class OrderExport { void Write() { File.WriteAllText("orders.csv", ""); } }
                class LogCleanup { void Run() { File.Delete({|#0:"app.log"|}); } }
                class Orders { void PurgeOld() { Directory.Delete({|#1:"orders/old"|}, true); } }
            }
            """;
        await new RuleTest<RelativePathAnalyzer>(
            Source,
            PS0001(0, "File.Delete", "\"app.log\""),
            PS0001(1, "Directory.Delete", "\"orders/old\"")).RunAsync();
    }

    [Fact]
    public async Task A_web_program_and_a_test_of_a_cleanup_are_not_maintenance_code()
    {
        // Precision corpus: an ASP.NET Program.cs reads relative files against its content root by convention, and a
        // test class is named after the cleanup it tests; neither is a cleanup job.
        var program = new RuleTest<RelativePathAnalyzer>("""
            using System.IO;
            var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            var banner = File.ReadAllText("banner.txt");
            System.Func<byte[]> logo = () => File.ReadAllBytes("wwwroot/logo.png");
            namespace Microsoft.AspNetCore.Builder { public sealed class WebApplication { public static object CreateBuilder(string[] a) => null!; } }
            """);
        program.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await program.RunAsync();

        await new RuleTest<RelativePathAnalyzer>("""
            using System.IO;
            namespace Xunit { public class FactAttribute : System.Attribute { } }
            public class LogCleanupTests { [Xunit.Fact] public void Cleanup_keeps_todays_log() => File.WriteAllText("today.log", ""); }
            public class LogCleanup { public void Run() => File.Delete({|#0:"today.log"|}); }
            """, PS0001(0, "File.Delete", "\"today.log\"")).RunAsync();
    }

    [Fact]
    public async Task Broken_code_gets_only_the_compiler_errors()
    {
        const string Source = """
            using System.IO;
            class LogCleanup
            {
                void Run(string root)
                {
                    File.{|CS7036:Delete|}();
                    File.Delete({|CS0103:missing|});
                    File.Delete(Path.Combine({|CS1503:1|}, "x"));
                    var p = {|CS0103:undefined|};
                    File.Delete(p);
                }
            }
            """;
        await new RuleTest<RelativePathAnalyzer>(Source).RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        const string Source = """
            // <auto-generated/>
            using System.IO;
            class LogCleanup { void Run() { File.Delete("app.log"); } }
            """;
        await new RuleTest<RelativePathAnalyzer>(Source).RunAsync();
    }
}
