using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// Paths kept in members and built by helpers declared in another file of the compilation: followed when every value
/// is known and contained (or anchored), reported when anyone can set them, they come from a parameter, or they
/// depend on themselves.
/// </summary>
public class MembersAcrossFilesTests
{
    private const string AppPaths = """
        using System;
        using System.IO;

        static class AppPaths
        {
            public static readonly string Data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "App");
            public static string Logs => Path.Combine(Data, "logs");
            public static string Queue { get; } = Path.Combine(Data, "queue.json");
            public static readonly string Temp;
            public static string Settable = Path.Combine(Data, "settable");
            public static string Configured { get; set; } = Path.Combine(Data, "configured");
            public static string First => Second;
            public static string Second => First;

            static AppPaths()
            {
                Temp = Path.Combine(Path.GetTempPath(), "App");
            }

            public static string DataDirectory() => Path.Combine(AppContext.BaseDirectory, "data");

            public static string FileIn(string name) => Path.Combine(Data, name);

            public static string Echo(string path)
            {
                if (path.Length == 0)
                {
                    return Data;
                }

                return path;
            }
        }

        sealed class Job
        {
            private readonly string _dir;
            public Job(string dir) { _dir = dir; }
            public string Dir => _dir;
        }

        sealed class Scratch
        {
            private readonly string _work;
            public Scratch() { _work = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString()); }
            public string Work => _work;
        }
        """;

    [Fact]
    public async Task Members_and_helpers_of_another_file_whose_every_value_is_contained_are_followed()
    {
        var test = new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            sealed class Maintenance
            {
                public void Run(string name, string path)
                {
                    File.Delete(AppPaths.Queue);
                    Directory.Delete(AppPaths.Logs, true);
                    Directory.Delete(AppPaths.Temp, true);
                    Directory.Delete(AppPaths.DataDirectory(), true);
                    File.Delete(AppPaths.FileIn("state.json"));
                    Directory.Delete(new Scratch().Work, true);
                    File.Delete(AppPaths.Temp + ".lock");

                    {|#0:File.Delete(AppPaths.Settable)|};
                    {|#1:File.Delete(AppPaths.Configured)|};
                    {|#2:Directory.Delete(AppPaths.First, true)|};
                    {|#3:File.Delete(AppPaths.FileIn(name))|};
                    {|#4:File.Delete(AppPaths.Echo(path))|};
                    {|#5:Directory.Delete(new Job(path).Dir, true)|};
                    {|#6:File.Delete(new Job(path).Dir + ".lock")|};
                }
            }
            """,
            PS0002(0, "File.Delete", "AppPaths.Settable"),
            PS0002(1, "File.Delete", "AppPaths.Configured"),
            PS0003(2, "Directory.Delete", "AppPaths.First"),
            PS0002(3, "File.Delete", "AppPaths.FileIn(name)"),
            PS0002(4, "File.Delete", "AppPaths.Echo(path)"),
            PS0003(5, "Directory.Delete", "new Job(path).Dir"),
            PS0002(6, "File.Delete", "new Job(path).Dir + \".lock\"")).WithEditorConfig("pathsafety.scope = all");
        test.TestState.Sources.Add(("AppPaths.cs", AppPaths));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_property_chain_of_a_parameter_or_field_is_unguarded_like_a_parameter()
    {
        var test = new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            sealed class Publisher
            {
                private readonly Settings _settings;
                public Publisher(Settings settings) { _settings = settings; }

                public void Clean(Options options)
                {
                    {|#0:Directory.Delete(options.Output.FullName, true)|};
                    {|#1:options.Output.Delete(true)|};
                    {|#2:Directory.Delete(_settings.Paths.Temp, true)|};
                    {|#3:File.Delete(_settings.Paths.Log)|};
                }
            }
            """,
            PS0003(0, "Directory.Delete", "options.Output.FullName"),
            PS0003(1, "DirectoryInfo.Delete", "options.Output"),
            PS0003(2, "Directory.Delete", "_settings.Paths.Temp"),
            PS0002(3, "File.Delete", "_settings.Paths.Log")).WithEditorConfig("pathsafety.scope = all");
        test.TestState.Sources.Add(("Options.cs", """
            using System.IO;

            sealed class Options
            {
                public Options(DirectoryInfo output) { Output = output; }
                public DirectoryInfo Output { get; }
            }

            sealed class Settings
            {
                public PathSettings Paths { get; set; } = new PathSettings();
            }

            sealed class PathSettings
            {
                public string Temp { get; set; } = "";
                public string Log { get; init; } = "";
            }
            """));
        await test.RunAsync();
    }
}
