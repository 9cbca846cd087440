using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.RelativePaths;

/// <summary>
/// In default scope (nothing configured), the path a delete takes is judged for being relative in any code: deleting a
/// path resolved against the current directory is the outage's shape wherever it is written. Other path APIs stay
/// limited to maintenance code.
/// </summary>
public class RelativeDeletesTests
{
    private static DiagnosticResult PS0001(int markup, string api, string value)
        => new DiagnosticResult(DiagnosticDescriptors.RelativePath).WithLocation(markup).WithArguments(api, value, string.Empty);

    [Fact]
    public async Task A_relative_delete_is_reported_in_ordinary_code()
    {
        await new RuleTest<RelativePathAnalyzer>("""
            using System.IO;
            namespace Shop
            {
                class OrderExport
                {
                    const string Folder = {|#5:"exports"|};

                    void Reset(string name)
                    {
                        File.Delete({|#0:"orders.csv"|});
                        File.WriteAllText("orders.csv", "");
                        Directory.Delete({|#1:Path.Combine(Folder, name)|}, true);
                        new DirectoryInfo({|#2:"tmp"|}).Delete(true);
                        var last = {|#6:"last.csv"|};
                        File.Delete({|#3:last|});
                        File.Delete({|#4:Path.GetFullPath("old.csv")|});
                    }
                }
            }
            """,
            PS0001(0, "File.Delete", "\"orders.csv\""),
            PS0001(1, "Directory.Delete", "\"exports\"").WithLocation(5),
            PS0001(2, "new DirectoryInfo", "\"tmp\""),
            PS0001(3, "File.Delete", "\"last.csv\"").WithLocation(6),
            PS0001(4, "File.Delete", "\"old.csv\"")).RunAsync();
    }

    [Fact]
    public async Task Other_path_apis_and_anchored_or_unknown_deletes_stay_out_of_ordinary_code()
    {
        await new RuleTest<RelativePathAnalyzer>("""
            using System;
            using System.IO;
            namespace Shop
            {
                class OrderExport
                {
                    void Reset()
                    {
                        if (File.Exists("orders.csv")) File.Move("orders.csv", "orders.old");
                        var text = File.ReadAllText("orders.csv");
                        Path.GetFullPath("orders.csv");
                        File.Delete(Path.Combine(AppContext.BaseDirectory, "orders.csv"));
                        var info = new FileInfo("orders.old");
                        info.Delete();
                    }

                    void Drop(string path) => File.Delete(path);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Tests_test_projects_and_excluded_files_are_left_alone()
    {
        const string Framework = "namespace Xunit { public class FactAttribute : System.Attribute { } }";
        var testProject = new RuleTest<RelativePathAnalyzer>("""
            using System.IO;
            class ExportTests { [Xunit.Fact] public void Writes() { File.Delete("orders.csv"); } }
            static class Scratch { public static void Reset() => File.Delete("orders.csv"); }
            """);
        testProject.TestState.AdditionalProjects["Xunit"].Sources.Add(("Framework.cs", Framework));
        testProject.TestState.AdditionalProjectReferences.Add("Xunit");
        await testProject.RunAsync();

        // Without the framework's assembly, only the test class is a test.
        var standIn = new RuleTest<RelativePathAnalyzer>("""
            using System.IO;
            class ExportTests { [Xunit.Fact] public void Writes() { File.Delete("orders.csv"); } }
            static class Scratch { public static void Reset() => File.Delete({|#0:"orders.csv"|}); }
            """, PS0001(0, "File.Delete", "\"orders.csv\""));
        standIn.TestState.Sources.Add(("/Framework.cs", Framework));
        await standIn.RunAsync();
        await new RuleTest<RelativePathAnalyzer>("""
            using System.IO;
            class OrderExport { void Reset() => File.Delete("orders.csv"); }
            """).WithEditorConfig("pathsafety.maintenance_code = false").RunAsync();
    }
}
