using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Scope;

/// <summary>
/// Maintenance code recognised by what the code is or does rather than by its own name: the job interfaces of
/// scheduling libraries, job interfaces and base classes named for maintenance, deletes over folder enumerations and
/// deletes of what the caller passes.
/// </summary>
public class MaintenanceKindTests
{
    private static DiagnosticResult InScope(int markup) => MaintenanceCodeTests.InScope(markup);

    private static RuleTest<ScopeProbeAnalyzer> Test(string source, params DiagnosticResult[] expected)
        => MaintenanceCodeTests.Test(source, expected);

    [Fact]
    public async Task Job_interfaces_of_scheduling_libraries_are_in_scope()
    {
        await Test("""
            namespace FluentScheduler { public interface IJob { } }
            namespace Coravel.Invocable { public interface IInvocable { } }
            namespace Hangfire.Server { public interface IBackgroundProcess { } }
            namespace Shop
            {
                class A : FluentScheduler.IJob { void M() { {|#0:P.Probe()|}; } }
                class B : Coravel.Invocable.IInvocable { void M() { {|#1:P.Probe()|}; } }
                class C : Hangfire.Server.IBackgroundProcess { void M() { {|#2:P.Probe()|}; } }
                interface IInvocable { }
                class D : IInvocable { void M() { P.Probe(); } }
            }
            """, InScope(0), InScope(1), InScope(2)).RunAsync();
    }

    [Fact]
    public async Task Implementing_an_interface_or_deriving_from_a_base_named_for_maintenance_is_in_scope()
    {
        await Test("""
            namespace Shop
            {
                interface IHousekeepingTask { void Run(); }
                interface ICleanupJob { }
                abstract class RetentionPolicyBase { }
                interface IReportTask { }
                interface IUpdateUser { }
                class TrimLogs : IHousekeepingTask { public void Run() { {|#0:P.Probe()|}; } }
                class Thumbnails : ICleanupJob { void M() { {|#1:P.Probe()|}; } }
                class KeepLastTen : RetentionPolicyBase { void M() { {|#2:P.Probe()|}; } }
                class Sales : IReportTask { void M() { P.Probe(); } }
                class Users : IUpdateUser { void M() { P.Probe(); } }
            }
            """, InScope(0), InScope(1), InScope(2)).RunAsync();
    }

    [Fact]
    public async Task Test_classes_implementing_a_maintenance_interface_stay_out_of_scope()
    {
        await Test("""
            namespace Xunit { public class FactAttribute : System.Attribute { } }
            namespace Shop
            {
                interface ICleanupJob { }
                class CleanupFake : ICleanupJob { [Xunit.Fact] public void M() { P.Probe(); } }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_method_that_deletes_what_a_folder_enumeration_yields_is_in_scope()
    {
        await Test("""
            using System.IO;
            using System.Linq;
            namespace Shop
            {
                class Storage
                {
                    void Empty(string dir)
                    {
                        {|#0:P.Probe()|};
                        foreach (var f in Directory.GetFiles(dir)) File.Delete(f);
                        {|#1:P.Probe()|};
                    }

                    void Trim(string dir)
                    {
                        {|#2:P.Probe()|};
                        Directory.GetFiles(dir, "*.tmp").ToList().ForEach(f => File.Delete(f));
                    }

                    void Folders(DirectoryInfo root)
                    {
                        foreach (var d in root.EnumerateDirectories()) d.Delete(true);
                        System.Action a = () => {|#3:P.Probe()|};
                    }

                    void Reads(string dir) { foreach (var f in Directory.GetFiles(dir)) File.ReadAllText(f); P.Probe(); }
                }
            }
            """, InScope(0), InScope(1), InScope(2), InScope(3)).RunAsync();
    }

    [Fact]
    public async Task A_delete_helper_that_deletes_what_its_caller_passes_is_in_scope()
    {
        await Test("""
            using System.Collections.Generic;
            using System.IO;
            namespace Shop
            {
                class Storage
                {
                    void DeleteFile(string path) { File.Delete(path); {|#0:P.Probe()|}; }
                    void RemoveDatabase(string name)
                    {
                        var db = name + ".db";
                        var full = Path.Combine("/data", db);
                        File.Delete(full);
                        {|#1:P.Probe()|};
                    }
                    void DeleteAll(IEnumerable<string> files) { foreach (var f in files) File.Delete(f); {|#2:P.Probe()|}; }
                    void ForceDelete(FileInfo target) { {|#3:P.Probe()|}; target.Delete(); }
                    void ClearFolder(string dir) { new DirectoryInfo(dir).Delete(true); {|#4:P.Probe()|}; }
                    void EraseAll(string[] files)
                    {
                        System.Array.ForEach(files, f => {|#5:P.Probe()|});
                        Remove(files[0]);
                        void Remove(string from) => File.Delete(from);
                    }
                }
            }
            """, InScope(0), InScope(1), InScope(2), InScope(3), InScope(4), InScope(5)).RunAsync();
    }

    [Fact]
    public async Task A_method_that_deletes_what_its_caller_passes_is_in_scope_whatever_its_name()
    {
        await Test("""
            using System.IO;
            namespace Shop
            {
                class Download { public string Target = ""; }
                class Storage
                {
                    private string _storage = "";
                    void Apply(string path) { File.Delete(path); {|#0:P.Probe()|}; }
                    void Install(string source) { Drop(source); {|#1:P.Probe()|}; void Drop(string from) => File.Delete(from); }
                    void SaveAs(string path)
                    {
                        path = Path.GetFullPath(path);
                        if (File.Exists(path)) File.Delete(path);
                        {|#2:P.Probe()|};
                    }
                    void Initialize(string path) { _storage = path; File.Delete(_storage); {|#3:P.Probe()|}; }
                    void Refresh(Download result) { File.Delete(result.Target); {|#4:P.Probe()|}; }
                    void Transfer(FileInfo source, string destination) { source.CopyTo(destination); source.Delete(); {|#5:P.Probe()|}; }
                    async System.Threading.Tasks.Task Sync(DirectoryInfo folder, string[] names)
                    {
                        await System.Threading.Tasks.Task.WhenAll(System.Linq.Enumerable.Select(names, async n =>
                        {
                            var target = new FileInfo(Path.Combine(folder.FullName, n));
                            if (target.Exists) target.Delete();
                            await System.Threading.Tasks.Task.Yield();
                            {|#6:P.Probe()|};
                        }));
                    }
                }
            }
            """, InScope(0), InScope(1), InScope(2), InScope(3), InScope(4), InScope(5), InScope(6)).RunAsync();
    }

    [Fact]
    public async Task A_type_that_deletes_the_path_its_constructor_was_given_is_in_scope()
    {
        await Test("""
            using System.IO;
            namespace Shop
            {
                sealed class Upload
                {
                    private readonly string _path;
                    public Upload(string path) { _path = path; }
                    public string Name { get; }
                    public Upload(string path, string name) { _path = path; Name = name; }
                    public void Dispose() { File.Delete(_path); {|#0:P.Probe()|}; }
                }

                sealed class Draft
                {
                    public Draft(string target) { Target = target; }
                    public string Target { get; }
                    public string Backup => Target + ".bak";
                    public void Discard() { foreach (var p in new[] { Target, Backup }) File.Delete(p); {|#1:P.Probe()|}; }
                }

                class Storage<T> where T : new()
                {
                    protected string FilePath { get; init; } = "";
                    private string BackupFilePath => $"{FilePath}.bak";
                    protected Storage() { }
                    public Storage(string filePath) { FilePath = filePath; }
                    public void Discard()
                    {
                        foreach (var p in new[] { FilePath, BackupFilePath }) { if (File.Exists(p)) File.Delete(p); }
                        {|#3:P.Probe()|};
                    }
                }

                sealed class Lease(string path)
                {
                    public string Path { get; } = path;
                    public void Release() { File.Delete(Path); {|#2:P.Probe()|}; }
                }
            }
            """, InScope(0), InScope(1), InScope(2), InScope(3)).RunAsync();
    }

    [Fact]
    public async Task Deleting_what_the_method_or_its_type_chose_does_not_put_it_in_scope()
    {
        await Test("""
            using System.Collections.Generic;
            using System.IO;
            namespace Shop
            {
                class Storage
                {
                    private readonly string _file = "/data/a.txt";
                    private readonly List<string> _old = new List<string>();
                    private string _later = "/data/b.txt";
                    void DeleteField(string unused) { File.Delete(_file); P.Probe(); }
                    void RemoveOld() { _old.ForEach(f => File.Delete(f)); P.Probe(); }
                    void DeleteReads(string path) { File.ReadAllText(path); P.Probe(); }
                    void DeleteFixed() { var p = Path.Combine("/data", "a.txt"); File.Delete(p); P.Probe(); }
                    void ClearCopy(string path) { var target = "/data/a.txt"; File.Copy(path, target, true); File.Delete(target); P.Probe(); }
                    void Remember(string path) { _later = path; }
                    void Forget() { File.Delete(_later); P.Probe(); }
                }

                sealed class Scratch
                {
                    private readonly string _path;
                    public Scratch(string name) { _path = Path.Combine(Path.GetTempPath(), "app-" + name); }
                    public void Dispose() { File.Delete(_path); P.Probe(); }
                }

                sealed class Holder
                {
                    private static string s_path = "/data/c.txt";
                    public Holder(string path) { s_path = path; }
                    public static void Drop() { File.Delete(s_path); P.Probe(); }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Deletes_over_enumerations_or_of_parameters_in_test_classes_or_excluded_files_stay_out_of_scope()
    {
        await Test("""
            using System.IO;
            namespace Xunit { public class FactAttribute : System.Attribute { } }
            namespace Shop
            {
                class StorageTests
                {
                    [Xunit.Fact]
                    public void Empty() { foreach (var f in Directory.GetFiles("x")) File.Delete(f); P.Probe(); }
                }
            }
            """).RunAsync();
        await Test("""
            using System.IO;
            class Storage { void Empty(string dir) { foreach (var f in Directory.GetFiles(dir)) File.Delete(f); P.Probe(); } }
            """).WithEditorConfig("pathsafety.maintenance_code = false").RunAsync();
        await Test("""
            using System.IO;
            namespace Xunit { public class FactAttribute : System.Attribute { } }
            class StorageTests
            {
                [Xunit.Fact] public void Deletes() { Remove("x"); P.Probe(); }
                private static void Remove(string path) { File.Delete(path); P.Probe(); }
            }
            """).RunAsync();

        // A test project's helpers delete the scratch files its tests hand them; a framework's type declared in the
        // project's own source is a stand-in, not a reference to the framework.
        const string Fixtures = """
            using System.IO;
            static class Fixtures
            {
                public static void Reset(string path) { File.Delete(path); {|#0:P.Probe()|}; }
                public static void Empty(string dir) { foreach (var f in Directory.GetFiles(dir)) File.Delete(f); {|#1:P.Probe()|}; }
            }
            """;
        const string Framework = "namespace NUnit.Framework { public class TestAttribute : System.Attribute { } }";
        var testProject = Test(Fixtures.Replace("{|#0:P.Probe()|}", "P.Probe()").Replace("{|#1:P.Probe()|}", "P.Probe()"));
        testProject.TestState.AdditionalProjects["NUnit"].Sources.Add(("Framework.cs", Framework));
        testProject.TestState.AdditionalProjectReferences.Add("NUnit");
        await testProject.RunAsync();

        var standIn = Test(Fixtures, InScope(0), InScope(1));
        standIn.TestState.Sources.Add(("/Framework.cs", Framework));
        await standIn.RunAsync();
    }
}
