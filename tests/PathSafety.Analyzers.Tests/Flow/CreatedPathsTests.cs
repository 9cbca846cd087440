using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>Paths the method itself created before deleting them (docs/guards.md, "Paths the method created").</summary>
public class CreatedPathsTests
{
    [Theory]
    [InlineData("File.Create(path).Dispose();")]
    [InlineData("File.WriteAllText(path, \"x\");")]
    [InlineData("File.WriteAllBytes(path, new byte[0]);")]
    [InlineData("File.WriteAllLines(path, paths);")]
    [InlineData("using (var s = new FileStream(path, FileMode.Create)) { }")]
    [InlineData("using (var s = new FileStream(path, FileMode.CreateNew, FileAccess.Write)) { }")]
    [InlineData("File.Open(path, FileMode.Create).Dispose();")]
    [InlineData("File.Open(mode: FileMode.CreateNew, path: path).Dispose();")]
    [InlineData("File.Copy(name, path, true);")]
    [InlineData("File.Move(Path.Combine(root, \"download.tmp\"), path);")]
    public async Task A_file_the_method_overwrote_on_every_path_may_be_deleted(string creation)
    {
        await Verify(
            $$"""
            {{creation}}
            if (flag) return;
            File.Delete(path);
            new FileInfo(path).Delete();
            """);
    }

    [Fact]
    public async Task A_suffixed_local_created_before_the_delete_is_followed()
    {
        // The finally also runs when the try fails before the stream was opened, but the try overwrites 'part' on
        // every normal exit: an older 'x.part' is one a successful run would have replaced anyway.
        await Verify(
            """
            var part = path + ".part";
            try
            {
                using (var stream = new FileStream(part, FileMode.Create, FileAccess.ReadWrite))
                {
                    stream.WriteByte(1);
                }

                File.Delete(part);
            }
            finally
            {
                File.Delete(part);
            }
            """);
    }

    [Fact]
    public async Task A_fresh_name_is_contained_before_and_after_any_creation()
    {
        // Nobody else picked the name: deleting it removes what this code made there, or nothing.
        await Verify(
            """
            var lockFile = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
            File.Delete(lockFile);
            using (new FileStream(lockFile, FileMode.OpenOrCreate)) { }
            File.Delete(lockFile);
            var folder = Path.Combine(AppContext.BaseDirectory, Path.GetRandomFileName());
            Directory.Delete(folder, true);
            Directory.CreateDirectory(folder);
            Directory.Delete(folder, true);
            var kept = path + ".lock";
            using (new FileStream(kept, FileMode.OpenOrCreate)) { }
            {|#0:File.Delete(kept)|};
            Directory.CreateDirectory(path);
            {|#1:Directory.Delete(path, true)|};
            """,
            // OpenOrCreate and CreateDirectory keep what was there: they make no other path the method's own.
            PS0002(0, "File.Delete", "kept"),
            PS0003(1, "Directory.Delete", "path"));
    }

    [Fact]
    public async Task Created_on_one_branch_only_is_not_owned()
    {
        await Verify(
            """
            if (flag)
            {
                File.Create(path).Dispose();
            }

            {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));
    }

    [Fact]
    public async Task Reassigned_after_creating_is_not_owned()
    {
        await Verify(
            """
            var target = path + ".tmp";
            File.WriteAllText(target, "");
            target = name;
            {|#0:File.Delete(target)|};
            File.WriteAllText(path, "");
            path = Path.Combine(root, name);
            {|#1:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "target"),
            PS0002(1, "File.Delete", "path"));
    }

    [Fact]
    public async Task Creating_another_path_or_deleting_first_proves_nothing()
    {
        await Verify(
            """
            File.Create(name).Dispose();
            {|#0:File.Delete(path)|};
            {|#1:File.Delete(root)|};
            File.WriteAllText(root, "");
            File.Copy(path, name);
            {|#2:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"),
            PS0002(1, "File.Delete", "root"),
            PS0002(2, "File.Delete", "path"));
    }

    [Theory]
    [InlineData("Directory.CreateDirectory(path);")]
    [InlineData("using (new FileStream(path, FileMode.OpenOrCreate)) { }")]
    [InlineData("using (new FileStream(path, FileMode.Open)) { }")]
    [InlineData("using (new FileStream(path, flag ? FileMode.Create : FileMode.Open)) { }")]
    [InlineData("File.Open(path, FileMode.Append).Dispose();")]
    [InlineData("File.AppendAllText(path, \"x\");")]
    [InlineData("File.Move(name, path);")]
    public async Task Calls_that_keep_what_was_there_do_not_make_a_path_the_methods_own(string call)
    {
        // An existing folder, an opened file or a moved-in file still holds content the method did not write.
        await Verify(
            $$"""
            {{call}}
            {|#0:Directory.Delete(path, true)|};
            """,
            PS0003(0, "Directory.Delete", "path"));
    }

    [Fact]
    public async Task Created_in_a_try_and_deleted_in_its_catch_is_claimed_as_a_file_only()
    {
        // The catch may run because 'path' names a folder File.Create could not replace: only a file delete is claimed.
        await Verify(
            """
            try
            {
                File.Create(path).Dispose();
            }
            catch
            {
                File.Delete(path);
                {|#0:Directory.Delete(path, true)|};
                throw;
            }
            """,
            PS0003(0, "Directory.Delete", "path"));
    }

    [Fact]
    public async Task A_parameter_a_helper_creates_on_every_path_is_owned_and_one_created_on_a_branch_is_not()
    {
        // The helper's body is summarised like a guard helper's: at every normal return it has overwritten 'path'.
        var source = """
            using System.IO;

            class C
            {
                void Make(string path) => File.Create(path).Dispose();

                void MakeIf(string path, bool really)
                {
                    if (really)
                    {
                        File.Create(path).Dispose();
                    }
                }

                void Clean(string path)
                {
                    Make(path);
                    File.Delete(path);
                }

                void CleanIf(string path)
                {
                    MakeIf(path, false);
                    {|#0:File.Delete(path)|};
                }
            }
            """;
        await new RuleTest<UnsafeDeleteAnalyzer>(source, PS0002(0, "File.Delete", "path"))
            .WithEditorConfig("pathsafety.scope = all")
            .RunAsync();
    }

    [Fact]
    public async Task A_local_function_used_only_after_the_creation_deletes_what_the_method_created()
    {
        await Verify(
            """
            var scratch = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
            Directory.CreateDirectory(scratch);
            try
            {
                File.WriteAllText(Path.Combine(scratch, "a.txt"), "");
            }
            finally
            {
                void Cleanup()
                {
                    Directory.Delete(scratch, true);
                }

                if (flag)
                {
                    Cleanup();
                }
                else
                {
                    Action later = Cleanup;
                    System.Threading.Tasks.Task.Run(() => later());
                    System.Threading.Tasks.Task.Run(Cleanup);
                }
            }
            """);
    }

    [Fact]
    public async Task A_local_function_used_before_the_creation_or_over_a_reassigned_value_is_reported()
    {
        await Verify(
            """
            var early = path + ".a";
            void DeleteEarly() => {|#0:File.Delete(early)|};
            DeleteEarly();
            File.Create(early).Dispose();
            DeleteEarly();

            var moved = path + ".b";
            File.Create(moved).Dispose();
            void DeleteMoved() => {|#1:File.Delete(moved)|};
            moved = name;
            DeleteMoved();

            var unused = path + ".c";
            File.Create(unused).Dispose();
            void DeleteUnused() => {|#2:File.Delete(unused)|};

            var nested = path + ".d";
            void DeleteNested() => {|#3:File.Delete(nested)|};
            void Outer() => DeleteNested();
            File.Create(nested).Dispose();
            Outer();
            """,
            PS0002(0, "File.Delete", "early"),
            PS0002(1, "File.Delete", "moved"),
            PS0002(2, "File.Delete", "unused"),
            PS0002(3, "File.Delete", "nested"));
    }
}
