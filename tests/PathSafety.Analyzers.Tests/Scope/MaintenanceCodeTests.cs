using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Scope;

/// <summary>Every way into maintenance-code scope, and the same code outside it staying silent.</summary>
public class MaintenanceCodeTests
{
    private const string Probe = "static class P { public static void Probe() { } }\n";

    internal static DiagnosticResult InScope(int markup) => new DiagnosticResult(ScopeProbeAnalyzer.Rule).WithLocation(markup);

    internal static RuleTest<ScopeProbeAnalyzer> Test(string source, params DiagnosticResult[] expected)
        => new(source + "\n" + Probe, expected);

    [Fact]
    public async Task Ordinary_code_is_not_in_scope()
    {
        await Test("""
            namespace Shop.Orders
            {
                class OrderService { void Save() { P.Probe(); } void UpdateUser() { P.Probe(); } }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Attribute_on_method_type_or_outer_type_marks_only_that_code()
    {
        await Test("""
            namespace PathSafety { [System.AttributeUsage(System.AttributeTargets.All)] sealed class MaintenanceCodeAttribute : System.Attribute { } }
            namespace Shop
            {
                using PathSafety;
                class A { [MaintenanceCode] void M() { {|#0:P.Probe()|}; } void N() { P.Probe(); } }
                [MaintenanceCode] class B { void M() { {|#1:P.Probe()|}; } class Nested { void M() { {|#2:P.Probe()|}; } } }
                class C { int Prop { [MaintenanceCode] get { {|#3:P.Probe()|}; return 0; } } }
                class D { [MaintenanceCode] void M() { void Local() { {|#4:P.Probe()|}; } System.Action a = () => {|#5:P.Probe()|}; } }
            }
            """, InScope(0), InScope(1), InScope(2), InScope(3), InScope(4), InScope(5)).RunAsync();
    }

    [Fact]
    public async Task User_declared_attribute_in_any_namespace_counts()
    {
        await Test("""
            namespace Acme.Ops { sealed class MaintenanceCode : System.Attribute { } }
            namespace Shop
            {
                [Acme.Ops.MaintenanceCode] class A { void M() { {|#0:P.Probe()|}; } }
                class B { void M() { P.Probe(); } }
            }
            """, InScope(0)).RunAsync();
    }

    [Fact]
    public async Task Assembly_attribute_marks_everything()
    {
        await Test("""
            [assembly: Acme.MaintenanceCodeAttribute]
            namespace Acme { sealed class MaintenanceCodeAttribute : System.Attribute { } }
            namespace Shop { class A { void M() { {|#0:P.Probe()|}; } } }
            """, InScope(0)).RunAsync();
    }

    [Fact]
    public async Task Scope_all_marks_everything()
    {
        await Test("""
            namespace Shop { class A { void M() { {|#0:P.Probe()|}; } } }
            """, InScope(0)).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task Editorconfig_folder_section_marks_that_folder_only_and_false_excludes()
    {
        var test = Test("namespace Shop { class A { void M() { P.Probe(); } } }");
        test.TestState.Sources.Add(("/0/Ops/Tool.cs", "namespace Shop { class Tool { void M() { {|#0:P.Probe()|}; } } }"));
        test.TestState.Sources.Add(("/0/Legacy/LogCleanup.cs", "namespace Shop { class LogCleanup { void M() { P.Probe(); } } }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [**/Ops/*.cs]
            pathsafety.maintenance_code = true

            [**/Legacy/*.cs]
            pathsafety.maintenance_code = false
            """));
        test.ExpectedDiagnostics.Add(InScope(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Attribute_in_code_wins_over_a_folder_excluded_in_editorconfig()
    {
        await Test("""
            sealed class MaintenanceCodeAttribute : System.Attribute { }
            namespace Shop { [MaintenanceCode] class A { void M() { {|#0:P.Probe()|}; } } class B { void Purge() { P.Probe(); } } }
            """, InScope(0)).WithEditorConfig("pathsafety.maintenance_code = false").RunAsync();
    }

    [Fact]
    public async Task Hosted_services_windows_services_and_Quartz_jobs_are_in_scope()
    {
        await Test("""
            namespace Microsoft.Extensions.Hosting
            {
                public interface IHostedService { }
                public abstract class BackgroundService : IHostedService { }
            }
            namespace System.ServiceProcess { public class ServiceBase { } }
            namespace Quartz { public interface IJob { } }
            namespace Shop
            {
                class Worker : Microsoft.Extensions.Hosting.BackgroundService { void M() { {|#0:P.Probe()|}; } }
                class Derived : Worker { void M() { {|#1:P.Probe()|}; } }
                class Hosted : Microsoft.Extensions.Hosting.IHostedService { void M() { {|#2:P.Probe()|}; } }
                class WinService : System.ServiceProcess.ServiceBase { void M() { {|#3:P.Probe()|}; } }
                class Report : Quartz.IJob { void M() { {|#4:P.Probe()|}; } }
                class Plain { void M() { P.Probe(); } }
            }
            """, InScope(0), InScope(1), InScope(2), InScope(3), InScope(4)).RunAsync();
    }

    [Fact]
    public async Task A_user_type_named_BackgroundService_in_another_namespace_is_not_a_hosted_service()
    {
        await Test("""
            namespace Shop { abstract class BackgroundService { } class W : BackgroundService { void M() { P.Probe(); } } }
            """).RunAsync();
    }

    [Theory]
    [InlineData("System.IO.File.Delete(\"old.log\");")]
    [InlineData("new System.IO.DirectoryInfo(\"cache\").Delete(true);")]
    [InlineData("void Purge() => System.IO.Directory.Delete(\"cache\", true);")]
    [InlineData("System.Action purge = () => System.IO.File.Delete(\"old.log\");")]
    public async Task Top_level_statements_that_delete_are_in_scope_unless_switched_off(string delete)
    {
        // The probe before the delete and in a local function: the whole program is the script, not only the delete.
        var source = $$"""
            {|#0:P.Probe()|};
            {{delete}}
            void Local() { {|#1:P.Probe()|}; }
            static class P { public static void Probe() { } }
            class Other { void M() { P.Probe(); System.IO.File.Delete("x"); } }
            """;
        var test = new RuleTest<ScopeProbeAnalyzer>(source, InScope(0), InScope(1));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();

        var off = new RuleTest<ScopeProbeAnalyzer>(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty))
            .WithEditorConfig("pathsafety.scripts_are_maintenance = false");
        off.TestState.OutputKind = OutputKind.ConsoleApplication;
        await off.RunAsync();
    }

    [Fact]
    public async Task Top_level_tool_that_deletes_nothing_is_out_of_scope_unless_forced()
    {
        // Reads and writes where it is run: the current directory is the user's intent. A delete in another type or a
        // method merely named Delete does not make the program a script.
        const string Source = """
            var total = System.IO.File.ReadAllLines("input.csv").Length;
            System.IO.File.WriteAllText("total.txt", total.ToString());
            {|#0:P.Probe()|};
            void Local() { {|#1:P.Probe()|}; }
            Store.Delete("x");
            static class P { public static void Probe() { } }
            static class Store { public static void Delete(string key) { } }
            class Other { void M() { System.IO.File.Delete("x"); } }
            """;
        var tool = new RuleTest<ScopeProbeAnalyzer>(Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty));
        tool.TestState.OutputKind = OutputKind.ConsoleApplication;
        await tool.RunAsync();

        var forced = new RuleTest<ScopeProbeAnalyzer>(Source, InScope(0), InScope(1)).WithEditorConfig("pathsafety.scripts_are_maintenance = true");
        forced.TestState.OutputKind = OutputKind.ConsoleApplication;
        await forced.RunAsync();
    }

    [Fact]
    public async Task Top_level_statements_that_build_an_application_host_are_not_a_script()
    {
        const string Hosting = """
            namespace Microsoft.AspNetCore.Builder
            {
                public sealed class WebApplication { public static WebApplication CreateBuilder(string[] a) => null!; public void Run() { } }
            }
            namespace Microsoft.Extensions.Hosting
            {
                public static class Host { public static object CreateDefaultBuilder(string[] a) => null!; }
                public sealed class HostApplicationBuilder { }
            }
            static class P { public static void Probe() { } }
            """;
        foreach (var start in new[]
        {
            "var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args); app.Run();",
            "var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder(args);",
            "var builder = new Microsoft.Extensions.Hosting.HostApplicationBuilder();",
        })
        {
            // The probe before the builder, in a lambda and in a local function: the whole program is an application.
            var test = new RuleTest<ScopeProbeAnalyzer>(
                "P.Probe();\n" + start + "\nSystem.IO.File.Delete(\"x\");\n"
                + "System.Action a = () => P.Probe();\nvoid Local() { P.Probe(); }\n" + Hosting);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        // A method named like a host builder on a type of one's own does not count.
        var script = new RuleTest<ScopeProbeAnalyzer>(
            "{|#0:P.Probe()|};\nvar h = Build.WebApplication.CreateBuilder(args);\nSystem.IO.File.Delete(\"x\");\n"
                + "namespace Build { static class WebApplication { public static int CreateBuilder(string[] a) => 0; } }\n"
                + "static class P { public static void Probe() { } }\n",
            InScope(0));
        script.TestState.OutputKind = OutputKind.ConsoleApplication;
        await script.RunAsync();
    }

    [Fact]
    public async Task Test_classes_are_not_in_scope_by_name()
    {
        await Test("""
            namespace Xunit { public class FactAttribute : System.Attribute { } public class TheoryAttribute : FactAttribute { } }
            namespace NUnit.Framework
            {
                public class TestFixtureAttribute : System.Attribute { }
                public class TearDownAttribute : System.Attribute { }
            }
            namespace Microsoft.VisualStudio.TestTools.UnitTesting { public class TestClassAttribute : System.Attribute { } }
            namespace PathSafety { sealed class MaintenanceCodeAttribute : System.Attribute { } }
            namespace Acme.Cleanup.Tests
            {
                public class LogCleanupTests
                {
                    [Xunit.Fact] public void Cleanup_removes_old_logs() { P.Probe(); }
                    public void Dispose() { P.Probe(); }
                }
                public class PurgeTheories { [Xunit.Theory] public void Purge(int n) { P.Probe(); } class Nested { void Cleanup() { P.Probe(); } } }
                [NUnit.Framework.TestFixture] public class ArchiverTests { public void Cleanup() { P.Probe(); } }
                public class SweeperTests { [NUnit.Framework.TearDown] public void Cleanup() { P.Probe(); } }
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass] public class MigrationTests { void M() { P.Probe(); } }
                [PathSafety.MaintenanceCode] public class MarkedTests { [Xunit.Fact] public void M() { {|#0:P.Probe()|}; } }
                public class CleanupHelper { void M() { {|#1:P.Probe()|}; } }
            }
            """, InScope(0), InScope(1)).RunAsync();
    }

    [Fact]
    public async Task Scripts_are_in_scope_unless_switched_off()
    {
        // Operation actions do not see a script's global statements, so the probe sits in a script-level class.
        const string Script = "class P { public static void Probe() { } }\nclass Helper { void M() { P.Probe(); } }\nnew Helper();\n";
        Assert.Equal(1, await CountInScriptAsync(Script, scriptsAreMaintenance: true));
        Assert.Equal(0, await CountInScriptAsync(Script, scriptsAreMaintenance: false));
    }

    [Theory]
    [InlineData("namespace Acme.Cleanup { class A { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("namespace Acme.Housekeeping.Internal { class A { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("namespace Acme.Jobs { class A { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("namespace Acme.AutoUpdate { class A { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("namespace acme.log_rotation { class A { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("class LogCleaner { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class CacheJanitor { class Inner { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("class DatabaseMigrations { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class IOScavenger { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class BackupService { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class NightlyBackupTask { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class LogRotation { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("namespace Acme.Backups { class A { void M() { {|#0:P.Probe()|}; } } }")]
    [InlineData("class ReportJob { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class SelfUpdater { void M() { {|#0:P.Probe()|}; } }")]
    [InlineData("class A { void PurgeOldFiles() { {|#0:P.Probe()|}; } }")]
    [InlineData("class A { void RemoveStaleEntries() { {|#0:P.Probe()|}; } }")]
    [InlineData("class A { void Clean() { {|#0:P.Probe()|}; } }")]
    [InlineData("class A { void CleanUp() { {|#0:P.Probe()|}; } }")]
    [InlineData("class A { void PruneLogs() { {|#0:P.Probe()|}; } }")]
    [InlineData("class A { void Uninstall() { System.Action a = () => {|#0:P.Probe()|}; } }")]
    [InlineData("class A { int RetentionDays { get { {|#0:P.Probe()|}; return 1; } } }")]
    public async Task Maintenance_words_in_names_are_in_scope(string source)
    {
        await Test(source, InScope(0)).RunAsync();
    }

    [Theory]
    [InlineData("class A { void UpdateUser() { P.Probe(); } }")]
    [InlineData("class A { void InstallTheme() { P.Probe(); } }")]
    [InlineData("class A { void Restore() { P.Probe(); } void Backup() { P.Probe(); } void Archive() { P.Probe(); } void Patch() { P.Probe(); } }")]
    [InlineData("class UpdateProductCommand { void M() { P.Probe(); } }")]
    [InlineData("class PatchUserRequest { void M() { P.Probe(); } }")]
    [InlineData("class JobTitle { void M() { P.Probe(); } }")]
    [InlineData("class OrderStatusUpdate { void M() { P.Probe(); } }")]
    [InlineData("class A { void RotateLeft() { P.Probe(); } bool HasExpired() { P.Probe(); return true; } }")]
    [InlineData("namespace Shop.Features.UpdateProduct { class Handler { void M() { P.Probe(); } } }")]
    [InlineData("namespace CleanArchitecture.Application { class A { void M() { P.Probe(); } } }")]
    [InlineData("class Cleanliness { void Sweeping() { P.Probe(); } }")]
    [InlineData("class Migrant { void Janitorial() { P.Probe(); } }")]
    [InlineData("class A { void M() { int stale = 0; P.Probe(); } }")]
    public async Task Everyday_words_partial_words_and_set_phrases_are_not_in_scope(string source)
    {
        await Test(source).RunAsync();
    }

    [Fact]
    public async Task Maintenance_words_option_replaces_the_list()
    {
        await Test("""
            class Reindexer { void M() { {|#0:P.Probe()|}; } }
            class LogCleanup { void M() { P.Probe(); } }
            """, InScope(0)).WithEditorConfig("pathsafety.maintenance_words = Reindexer, Compaction").RunAsync();
    }

    [Fact]
    public async Task Maintenance_words_option_with_plus_adds_to_the_list()
    {
        await Test("""
            class Reindexer { void M() { {|#0:P.Probe()|}; } }
            class LogCleanup { void M() { {|#1:P.Probe()|}; } }
            class A { void CompactLogFiles() { {|#2:P.Probe()|}; } }
            class B { void UpdateUser() { P.Probe(); } }
            """, InScope(0), InScope(1), InScope(2)).WithEditorConfig("pathsafety.maintenance_words = +Reindexer, +CompactLog").RunAsync();
    }

    [Fact]
    public async Task Empty_maintenance_words_turns_name_matching_off()
    {
        await Test("class LogCleanup { void Purge() { P.Probe(); } }").WithEditorConfig("pathsafety.maintenance_words =").RunAsync();
    }

    private static async Task<int> CountInScriptAsync(string script, bool scriptsAreMaintenance)
    {
        var references = await TestReferences.Assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(script, new CSharpParseOptions(kind: SourceCodeKind.Script), path: "/tools/cleanup.csx");
        var compilation = CSharpCompilation.CreateScriptCompilation("script", tree, references);
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new TestOptionsProvider("pathsafety.scripts_are_maintenance", scriptsAreMaintenance ? "true" : "false"));
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeProbeAnalyzer()), options);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await analyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Count(d => d.Id == ScopeProbeAnalyzer.Rule.Id);
    }

    private sealed class TestOptionsProvider(string key, string value) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(key, value);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(string key, string value) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? found)
            {
                found = name == key ? value : null;
                return found is not null;
            }
        }
    }
}
