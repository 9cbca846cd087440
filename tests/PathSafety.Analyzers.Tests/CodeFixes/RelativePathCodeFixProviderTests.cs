using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;
using PathSafety.CodeFixes;

namespace PathSafety.Analyzers.Tests.CodeFixes;

public class RelativePathCodeFixProviderTests
{
    private static DiagnosticResult PS0001(int markup, string api, string value, string condition = "")
        => new DiagnosticResult(DiagnosticDescriptors.RelativePath)
            .WithLocation(markup)
            .WithArguments(api, value, condition.Length == 0 ? string.Empty : " " + condition);

    private static FixTest<RelativePathAnalyzer,
        RelativePathCodeFixProvider> Test(string source, string fixedSource, params DiagnosticResult[] expected)
        => new(source, fixedSource, expected);

    [Fact]
    public async Task Literal_and_constant_are_anchored_at_the_use_site_and_using_System_is_added()
    {
        await Test(
            """
            using System.IO;

            class LogCleanup
            {
                const string LogDir = {|#2:"logs"|};

                void Run()
                {
                    File.Delete({|#0:"app.log"|});
                    Directory.Delete({|#1:LogDir|}, recursive: true);
                }
            }
            """,
            """
            using System;
            using System.IO;

            class LogCleanup
            {
                const string LogDir = "logs";

                void Run()
                {
                    File.Delete(Path.Combine(AppContext.BaseDirectory, "app.log"));
                    Directory.Delete(Path.Combine(AppContext.BaseDirectory, LogDir), recursive: true);
                }
            }
            """,
            PS0001(0, "File.Delete", "\"app.log\""),
            PS0001(1, "Directory.Delete", "\"logs\"").WithLocation(2)).RunAsync();
    }

    [Fact]
    public async Task Both_usings_are_added_when_the_file_has_none()
    {
        await Test(
            """
            class LogCleanup
            {
                void Run() => System.IO.File.Delete({|#0:@"logs\app.log"|});
            }
            """,
            """
            using System;
            using System.IO;

            class LogCleanup
            {
                void Run() => System.IO.File.Delete(Path.Combine(AppContext.BaseDirectory, @"logs\app.log"));
            }
            """,
            PS0001(0, "File.Delete", "\"logs\\app.log\"")).RunAsync();
    }

    [Fact]
    public async Task A_user_type_named_Path_keeps_the_qualified_name()
    {
        await Test(
            """
            using System;
            using System.IO;

            namespace Ops
            {
                class Path { }

                class LogCleanup
                {
                    void Run() => File.Delete({|#0:"app.log"|});
                }
            }
            """,
            """
            using System;
            using System.IO;

            namespace Ops
            {
                class Path { }

                class LogCleanup
                {
                    void Run() => File.Delete(System.IO.Path.Combine(AppContext.BaseDirectory, "app.log"));
                }
            }
            """,
            PS0001(0, "File.Delete", "\"app.log\"")).RunAsync();
    }

    [Fact]
    public async Task Fix_all_anchors_every_constant_in_the_document()
    {
        await Test(
            """
            using System;
            using System.IO;

            class LogCleanup
            {
                void Run()
                {
                    File.Copy({|#0:"a.log"|}, {|#1:"b.log"|});
                    _ = new FileInfo({|#2:"./c.log"|});
                    File.Delete({|#3:"../d.log"|});
                }
            }
            """,
            """
            using System;
            using System.IO;

            class LogCleanup
            {
                void Run()
                {
                    File.Copy(Path.Combine(AppContext.BaseDirectory, "a.log"), Path.Combine(AppContext.BaseDirectory, "b.log"));
                    _ = new FileInfo(Path.Combine(AppContext.BaseDirectory, "./c.log"));
                    File.Delete(Path.Combine(AppContext.BaseDirectory, "../d.log"));
                }
            }
            """,
            PS0001(0, "File.Copy", "\"a.log\""),
            PS0001(1, "File.Copy", "\"b.log\""),
            PS0001(2, "new FileInfo", "\"./c.log\""),
            PS0001(3, "File.Delete", "\"../d.log\"")).RunAsync();
    }

    [Theory]
    [InlineData("""File.Delete({|#0:"~/app.log"|});""", "\"~/app.log\"", "")]
    [InlineData("""File.Delete({|#0:@"\app.log"|});""", "\"\\app.log\"", "")]
    [InlineData("""File.Delete({|#0:"C:app.log"|});""", "\"C:app.log\"", "")]
    [InlineData("""File.Delete({|#0:$"logs/{name}"|});""", "$\"logs/{name}\"", "")]
    [InlineData("""File.Delete({|#0:Directory.GetCurrentDirectory()|});""", "Directory.GetCurrentDirectory()", "")]
    [InlineData("""File.Delete({|#0:name ?? "app.log"|});""", "\"app.log\"", "when name is null")]
    public async Task No_fix_where_anchoring_would_change_the_meaning_or_is_not_a_constant(string body, string value, string condition)
    {
        var source = $$"""
            using System.IO;

            class LogCleanup
            {
                void Run(string? name)
                {
                    {{body}}
                }
            }
            """;
        await Test(source, source, PS0001(0, "File.Delete", value, condition)).RunAsync();
    }
}
