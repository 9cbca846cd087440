using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// Fresh names, temporary files returned by helpers, files a handler deletes after its try overwrote them, and the
/// path a FileStream was opened on (docs/guards.md, "Fresh names" and "Provenance").
/// </summary>
public class FreshAndClaimedPathsTests
{
    [Theory]
    [InlineData("Path.Combine(Path.GetTempPath(), Path.GetRandomFileName())")]
    [InlineData("Path.Combine(root, Path.GetRandomFileName())")]
    [InlineData("Path.Combine(root, Guid.NewGuid().ToString(\"n\"))")]
    [InlineData("Path.Combine(root, Guid.NewGuid().ToString())")]
    [InlineData("Path.Combine(root, Guid.NewGuid() + \".png\")")]
    [InlineData("Path.Combine(root, Guid.NewGuid() + Path.GetExtension(name))")]
    [InlineData("Path.Combine(root, \"job-\" + Path.GetRandomFileName())")]
    [InlineData("Path.Combine(root, $\"{Path.GetRandomFileName()}.tmp\")")]
    public async Task A_fresh_name_below_a_folder_is_contained_without_being_created_first(string value)
    {
        await Verify(
            $$"""
            var scratch = {{value}};
            try
            {
                Directory.CreateDirectory(scratch);
            }
            finally
            {
                Directory.Delete(scratch, true);
                File.Delete(scratch);
            }
            """);
    }

    [Fact]
    public async Task A_fresh_name_followed_by_an_extension_kept_in_a_local_is_contained()
    {
        await Verify(
            """
            var extension = Path.GetExtension(name);
            var target = Path.Combine(root, Guid.NewGuid() + extension);
            File.Delete(target);
            var suffix = ".part";
            File.Delete(Path.Combine(root, Path.GetRandomFileName() + suffix));
            """);
    }

    [Fact]
    public async Task A_fresh_name_joined_to_text_that_may_hold_a_separator_is_reported()
    {
        await Verify(
            """
            {|#0:File.Delete(Path.Combine(root, Guid.NewGuid() + name))|};
            {|#1:File.Delete(Path.Combine(root, name + Path.GetRandomFileName()))|};
            var suffix = name;
            {|#2:File.Delete(Path.Combine(root, Guid.NewGuid() + suffix))|};
            var changed = ".tmp";
            changed = name;
            {|#3:File.Delete(Path.Combine(root, Guid.NewGuid() + changed))|};
            {|#4:File.Delete(Path.Combine(root, Guid.NewGuid() + "/../x"))|};
            {|#5:Directory.Delete(Path.Combine(root, Path.GetRandomFileName(), ".."), true)|};
            """,
            PS0002(0, "File.Delete", "Path.Combine(root, Guid.NewGuid() + name)"),
            PS0002(1, "File.Delete", "Path.Combine(root, name + Path.GetRandomFileName())"),
            PS0002(2, "File.Delete", "Path.Combine(root, Guid.NewGuid() + suffix)"),
            PS0002(3, "File.Delete", "Path.Combine(root, Guid.NewGuid() + changed)"),
            PS0002(4, "File.Delete", "Path.Combine(root, Guid.NewGuid() + \"/../x\")"),
            PS0003(5, "Directory.Delete", "Path.Combine(root, Path.GetRandomFileName(), \"..\")"));
    }

    [Fact]
    public async Task A_handler_may_delete_the_file_its_try_overwrites_on_every_normal_exit()
    {
        await Verify(
            """
            var part = path + ".part";
            try
            {
                Console.WriteLine("downloading");
                using (var stream = new FileStream(part, FileMode.Create, FileAccess.ReadWrite))
                {
                    stream.WriteByte(1);
                }

                File.Move(part, path);
            }
            finally
            {
                if (File.Exists(part))
                {
                    File.Delete(part);
                }
            }

            try
            {
                using (var stream = File.Create(name))
                {
                    stream.WriteByte(1);
                }
            }
            catch
            {
                File.Delete(name);
                throw;
            }
            """);
    }

    [Fact]
    public async Task A_handler_whose_try_may_finish_without_overwriting_the_file_is_reported()
    {
        await Verify(
            """
            var early = path + ".a";
            try
            {
                if (flag) return;
                File.WriteAllText(early, "");
            }
            finally
            {
                {|#0:File.Delete(early)|};
            }

            var branch = path + ".b";
            try
            {
                if (flag) File.WriteAllText(branch, "");
            }
            catch
            {
                {|#1:File.Delete(branch)|};
            }

            var moved = path + ".c";
            try
            {
                moved = name;
                File.WriteAllText(moved, "");
            }
            finally
            {
                {|#2:File.Delete(moved)|};
            }

            var kept = path + ".d";
            try
            {
                using (new FileStream(kept, FileMode.OpenOrCreate)) { }
            }
            finally
            {
                {|#3:File.Delete(kept)|};
            }

            try
            {
                File.WriteAllText(path + ".e", "");
            }
            finally
            {
                {|#4:File.Delete(name)|};
            }

            try
            {
                File.WriteAllText(root, "");
            }
            finally
            {
                {|#5:Directory.Delete(root, true)|};
            }
            """,
            PS0002(0, "File.Delete", "early"),
            PS0002(1, "File.Delete", "branch"),
            PS0002(2, "File.Delete", "moved"),
            PS0002(3, "File.Delete", "kept"),
            PS0002(4, "File.Delete", "name"),
            PS0003(5, "Directory.Delete", "root"));
    }

    [Fact]
    public async Task A_temporary_file_returned_by_a_helper_on_every_path_is_contained()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;
            using System.Threading.Tasks;

            class Packager
            {
                public void Run(string given)
                {
                    var zip = MakeZipAsync().Result;
                    try { } finally { File.Delete(zip); }
                    File.Delete(MakeZip());
                    File.Delete(Temp());
                    {|#0:File.Delete(Either(given))|};
                    {|#1:File.Delete(ReassignedAsync(given).Result)|};
                }

                public async Task Later() => File.Delete(await MakeZipAsync());

                private async Task<string> MakeZipAsync()
                {
                    var target = Path.GetTempFileName();
                    File.Delete(target);
                    await Task.Yield();
                    return target;
                }

                private static string MakeZip()
                {
                    var target = Path.GetTempFileName();
                    return target;
                }

                private static string Temp() => Path.GetTempFileName();

                private static string Either(string given)
                {
                    var target = Path.GetTempFileName();
                    if (given.Length > 3) return given;
                    return target;
                }

                private static async Task<string> ReassignedAsync(string given)
                {
                    var target = Path.GetTempFileName();
                    await Task.Yield();
                    target = given;
                    return target;
                }
            }
            """,
            PS0002(0, "File.Delete", "Either(given)"),
            PS0002(1, "File.Delete", "ReassignedAsync(given).Result")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task The_name_of_a_stream_opened_on_a_contained_path_is_contained()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;

            sealed class ConfigLock : IDisposable
            {
                private readonly FileStream _lock;
                private readonly FileStream _given;
                public FileStream Open;

                public ConfigLock(string settings, string other)
                {
                    var config = Path.Combine(settings, "config");
                    var lockFile = Path.Combine(config, ".lock");
                    _lock = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
                    _given = new FileStream(other, FileMode.OpenOrCreate);
                    Open = new FileStream(lockFile, FileMode.OpenOrCreate);
                }

                public void Dispose()
                {
                    _lock.Dispose();
                    File.Delete(_lock.Name);
                    {|#0:File.Delete(_given.Name)|};
                    {|#1:File.Delete(Open.Name)|};
                }

                public static void Local(string root, string other)
                {
                    using var stream = new FileStream(Path.Combine(root, "x.lock"), FileMode.OpenOrCreate);
                    File.Delete(stream.Name);
                    using var given = new FileStream(other, FileMode.OpenOrCreate);
                    {|#2:File.Delete(given.Name)|};
                }
            }
            """,
            PS0002(0, "File.Delete", "_given.Name"),
            PS0002(1, "File.Delete", "Open.Name"),
            PS0002(2, "File.Delete", "given.Name")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task A_captured_local_initialized_contained_by_construction_is_contained_wherever_its_function_runs()
    {
        // The local functions are handed to a call the compiler cannot bind (a missing reference): their uses are
        // unknown, but a local never reassigned holds its initializer whenever they run.
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;

            class Launcher
            {
                public void Launch(string given, bool opened)
                {
                    var basePath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n"));
                    var derived = given + ".tmp";
                    var moved = Path.Combine(Path.GetTempPath(), "scratch");
                    void Clean()
                    {
                        Directory.Delete(basePath, true);
                        {|#1:File.Delete(derived)|};
                        {|#2:Directory.Delete(moved, true)|};
                    }

                    {|#0:Missing|}.Ignore(Clean);
                    Action later = () => Directory.Delete(basePath, true);
                    moved = given;
                }
            }
            """,
            DiagnosticResult.CompilerError("CS0103").WithLocation(0).WithArguments("Missing"),
            PS0002(1, "File.Delete", "derived"),
            PS0003(2, "Directory.Delete", "moved")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
