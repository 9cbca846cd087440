using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.RelativePaths;

/// <summary>PS0001 through members and helpers declared in another file of the compilation.</summary>
public class RelativeMembersTests
{
    private const string Shared = """
        using System;
        using System.IO;

        static class SharedInfo
        {
            public const string LogsDirectory = {|#10:"logs"|};
            public static readonly string Backups = Path.Join({|#11:Directory.GetCurrentDirectory()|}, "config", "backups");
            public static readonly string Anchored = Path.Combine(AppContext.BaseDirectory, "logs");
            public static readonly string Mixed = "tmp";
            public static string Settable = {|#12:"cache"|};

            static SharedInfo() { Mixed = Path.Combine(AppContext.BaseDirectory, "tmp"); }

            public static string FilePath(string name, string extension) => Path.Combine({|#13:"config"|}, name + extension);

            public static string Resolve(string name) => Path.Combine(AppContext.BaseDirectory, name);

            public const string ConfigDirectory = {|#15:"config"|};

            public static string FileOf(int kind) => kind switch
            {
                0 => Path.Combine(ConfigDirectory, "app.json"),
                1 => Path.Combine(ConfigDirectory, "app.crash"),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }

        sealed class BotFiles
        {
            public string Name { get; } = "bot";

            public static string PathOf(string name, int kind)
            {
                string basePath = Path.Combine(SharedInfo.ConfigDirectory, name);
                return kind switch
                {
                    0 => $"{basePath}.json",
                    1 => $"{basePath}.keys",
                    _ => throw new ArgumentOutOfRangeException(nameof(kind)),
                };
            }

            public string PathOf(int kind) => PathOf(Name, kind);
        }

        sealed class LogOptions
        {
            public string LogDirectory { get; set; } = {|#14:"logs"|};
            public string Archive { get; set; } = "/var/log/app";
            public string Unset { get; set; } = "";
        }
        """;

    private static DiagnosticResult PS0001(int markup, string api, string value, string condition = "")
        => new DiagnosticResult(DiagnosticDescriptors.RelativePath)
            .WithLocation(markup)
            .WithArguments(api, value, condition.Length == 0 ? string.Empty : " " + condition);

    [Fact]
    public async Task Relative_members_and_helpers_of_another_file_are_followed()
    {
        var test = new RuleTest<RelativePathAnalyzer>(
            """
            using System.IO;

            sealed class Maintenance
            {
                public void Run(LogOptions options, string name)
                {
                    Directory.CreateDirectory({|#0:SharedInfo.LogsDirectory|});
                    Directory.CreateDirectory({|#1:SharedInfo.Backups|});
                    File.Delete({|#2:SharedInfo.FilePath(name, ".keys")|});
                    Directory.Delete({|#3:options.LogDirectory|}, true);
                    File.Delete({|#4:SharedInfo.Settable|});
                    File.Delete({|#5:SharedInfo.FileOf(1)|});
                    var keys = new BotFiles().PathOf(1);
                    File.Delete({|#6:keys|});

                    Directory.CreateDirectory(SharedInfo.Anchored);
                    Directory.CreateDirectory(SharedInfo.Mixed);
                    File.Delete(SharedInfo.Resolve(name));
                    Directory.Delete(options.Archive, true);
                    Directory.Delete(options.Unset, true);
                }
            }
            """,
            PS0001(0, "Directory.CreateDirectory", "\"logs\"").WithLocation(10),
            PS0001(1, "Directory.CreateDirectory", "Directory.GetCurrentDirectory()").WithLocation(11),
            PS0001(2, "File.Delete", "\"config\"").WithLocation(13),
            PS0001(3, "Directory.Delete", "\"logs\"", "when options.LogDirectory keeps its initial value").WithLocation(14),
            PS0001(4, "File.Delete", "\"cache\"", "when SharedInfo.Settable keeps its initial value").WithLocation(12),
            PS0001(5, "File.Delete", "\"config\"").WithLocation(15),
            PS0001(6, "File.Delete", "\"config\"").WithLocation(15))
            .WithEditorConfig("pathsafety.scope = all");
        test.TestState.Sources.Add(("Shared.cs", Shared));
        await test.RunAsync();
    }

    [Fact]
    public async Task Chains_and_cycles_of_members_are_decided_once_whoever_asks_first()
    {
        // Each member's answer is its own (cached per compilation): the same from the start of a chain as from its
        // middle, and a cycle of members is unknown rather than endless.
        var test = new RuleTest<RelativePathAnalyzer>(
            """
            using System.IO;

            sealed class Maintenance
            {
                public void Middle() => Directory.Delete({|#0:Chain.C3|}, true);

                public void Start() => Directory.Delete({|#1:Chain.C1|}, true);

                public void Cycle() => Directory.Delete(Chain.Ping, true);

                public void Mixed(Holder holder) => Directory.Delete(holder.Folder, true);

                public void AbsoluteFirst() => Directory.Delete(Holder.Anchored, true);
            }
            """,
            PS0001(0, "Directory.Delete", "\"logs\"").WithLocation(10),
            PS0001(1, "Directory.Delete", "\"logs\"").WithLocation(10))
            .WithEditorConfig("pathsafety.scope = all");
        test.TestState.Sources.Add(("Chain.cs", """
            using System.IO;

            static class Chain
            {
                public static string C1 => C2;
                public static string C2 => C3;
                public static string C3 => C4;
                public static string C4 => C5;
                public static string C5 => C6;
                public static string C6 => {|#10:"logs"|};

                public static string Ping => Pong;
                public static string Pong => Ping;
            }

            sealed class Holder
            {
                public Holder(string folder, bool local)
                {
                    Folder = folder;
                    if (local)
                    {
                        Folder = "logs";
                    }
                }

                public string Folder { get; }

                public static readonly string Anchored = Path.Combine(System.AppContext.BaseDirectory, "logs");

                static Holder() { Anchored = "logs"; }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Members_written_or_computed_in_members_longer_than_the_read_limit_are_not_followed()
    {
        // Padding that keeps the code the same but makes the member longer than SourceModels.MaxReadMemberLength.
        var padding = string.Concat(Enumerable.Repeat("        // padding line of a long member, forty chars\n", 60));
        var test = new RuleTest<RelativePathAnalyzer>(
            """
            using System.IO;

            sealed class Maintenance
            {
                public void Run(Settings settings)
                {
                    Directory.Delete({|#0:settings.Short|}, true);
                    Directory.Delete(settings.Long, true);
                    File.Delete({|#1:Settings.ShortHelper()|});
                    File.Delete(Settings.LongHelper());
                }
            }
            """,
            PS0001(0, "Directory.Delete", "\"logs\"").WithLocation(10),
            PS0001(1, "File.Delete", "\"cache.db\"").WithLocation(11))
            .WithEditorConfig("pathsafety.scope = all");
        test.TestState.Sources.Add(("Settings.cs", $$"""
            sealed class Settings
            {
                private readonly string _short;
                private readonly string _long;

                public Settings() { _short = {|#10:"logs"|}; }

                public Settings(int kind)
                {
            {{padding}}
                    _long = "logs";
                }

                public string Short => _short;

                public string Long => _long;

                public static string ShortHelper() => {|#11:"cache.db"|};

                public static string LongHelper()
                {
            {{padding}}
                    return "cache.db";
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_constant_of_a_referenced_project_is_reported_at_the_use_only()
    {
        // In the IDE a project reference is source: the constant's declaration is in another compilation, so it
        // cannot be an extra location of the finding (the driver would throw AD0001).
        var test = new RuleTest<RelativePathAnalyzer>(
            """
            using System.IO;

            sealed class Maintenance
            {
                public void Run() => Directory.Delete({|#0:Names.Logs|}, true);
            }
            """,
            PS0001(0, "Directory.Delete", "\"logs\""))
            .WithEditorConfig("pathsafety.scope = all");
        test.TestState.AdditionalProjects["Shared"].Sources.Add(("Names.cs", "public static class Names { public const string Logs = \"logs\"; }"));
        test.TestState.AdditionalProjectReferences.Add("Shared");
        await test.RunAsync();
    }

    [Fact]
    public async Task A_path_stored_after_GetFullPath_of_relative_text_is_relative_where_it_is_used()
    {
        var test = new RuleTest<RelativePathAnalyzer>(
            """
            using System.IO;

            sealed class Backup
            {
                private readonly FileInfo _archive = new FileInfo({|#0:Path.GetFullPath({|#1:"backup.zip"|})|});
                private static readonly string Folder = Path.GetFullPath({|#2:"backups"|});

                public void Run()
                {
                    Directory.CreateDirectory(Folder);
                }
            }
            """,
            PS0001(1, "Path.GetFullPath", "\"backup.zip\""),
            PS0001(2, "Path.GetFullPath", "\"backups\""))
            .WithEditorConfig("pathsafety.scope = all");
        await test.RunAsync();
    }

    [Fact]
    public async Task A_definitely_relative_delete_is_PS0001_not_PS0002()
    {
        var test = new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            sealed class Maintenance
            {
                public void Run(LogOptions options, string name)
                {
                    File.Delete(SharedInfo.FilePath(name, ".keys"));
                    File.Delete(SharedInfo.FileOf(0));
                    {|#0:Directory.Delete(options.LogDirectory, true)|};
                }
            }
            """,
            Deletes.UnguardedDeleteTests.PS0003(0, "Directory.Delete", "options.LogDirectory"))
            .WithEditorConfig("pathsafety.scope = all");
        test.TestState.Sources.Add(("Shared.cs", Regex.Replace(Shared, @"\{\|#\d+:|\|\}", string.Empty)));
        await test.RunAsync();
    }
}
