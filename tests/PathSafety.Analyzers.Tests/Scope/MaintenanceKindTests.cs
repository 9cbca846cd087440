using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Scope;

/// <summary>
/// Maintenance code recognised by what the code is or does rather than by its own name: the job interfaces of
/// scheduling libraries, job interfaces and base classes named for maintenance, and deletes over folder enumerations.
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
    public async Task Deleting_what_the_method_chose_or_under_another_name_does_not_put_it_in_scope()
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
                    void DeleteField(string unused) { File.Delete(_file); P.Probe(); }
                    void RemoveOld() { _old.ForEach(f => File.Delete(f)); P.Probe(); }
                    void Install(string source) { Delete(source); P.Probe(); void Delete(string from) => File.Delete(from); }
                    void DeleteReads(string path) { File.ReadAllText(path); P.Probe(); }
                    void DeleteFixed() { var p = Path.Combine("/data", "a.txt"); File.Delete(p); P.Probe(); }
                    void ClearCopy(string path) { var target = "/data/a.txt"; File.Copy(path, target, true); File.Delete(target); P.Probe(); }
                    void Apply(string path) { File.Delete(path); P.Probe(); }
                    void Deleted(string path) { File.Delete(path); P.Probe(); }
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
    }
}
