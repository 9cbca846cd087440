namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Scratch folders and temporary files: created under the temp folder with a fresh name, then deleted. Contained by
/// construction or by provenance, so silent; deleting the temp folder itself, or everything in it, is not.
/// </summary>
public class TempDirectoryCleanupTests
{
    [Fact]
    public async Task Fresh_guid_folder_under_temp_created_then_deleted_in_finally_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.IO.Compression;

            static class PackageCleanup
            {
                public static void Repack(string package)
                {
                    var work = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
                    Directory.CreateDirectory(work);
                    try
                    {
                        ZipFile.ExtractToDirectory(package, work);
                    }
                    finally
                    {
                        Directory.Delete(work, recursive: true);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Fresh_name_under_temp_deleted_after_an_exists_check_without_creating_it_here_is_silent()
    {
        // The path can only be a new child of the temp folder: nothing else can be named by it.
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.IO.Compression;

            static class UpdateCleanup
            {
                public static void Extract(string archive)
                {
                    var target = Path.Combine(Path.GetTempPath(), $"update-{Guid.NewGuid():N}");
                    ZipFile.ExtractToDirectory(archive, target);
                    if (Directory.Exists(target))
                    {
                        Directory.Delete(target, true);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CreateTempSubdirectory_and_GetTempFileName_are_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class ScratchCleanup
            {
                public static void Run()
                {
                    var scratch = Directory.CreateTempSubdirectory("report-");
                    var tmp = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllText(tmp, "x");
                        File.Copy(tmp, Path.Combine(scratch.FullName, "x.txt"));
                    }
                    finally
                    {
                        File.Delete(tmp);
                        scratch.Delete(true);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Random_file_name_under_temp_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class ThumbnailCleanup
            {
                public static void Render(byte[] image)
                {
                    var dir = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                    Directory.CreateDirectory(dir);
                    File.WriteAllBytes(Path.Combine(dir, "in.png"), image);
                    Directory.Delete(dir, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Named_subfolder_of_temp_is_contained_by_construction()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class CacheCleanup
            {
                public static void Reset()
                {
                    var cache = Path.Combine(Path.GetTempPath(), "MyApp", "cache");
                    if (Directory.Exists(cache))
                    {
                        Directory.Delete(cache, recursive: true);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Deleting_the_temp_folder_itself_is_PS0003()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class TempCleanup
            {
                public static void Run() => {|PS0003:Directory.Delete(Path.GetTempPath(), true)|};
            }
            """);
    }

    [Fact]
    public async Task Deleting_everything_in_the_temp_folder_is_PS0004_and_a_prefix_pattern_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class TempCleanup
            {
                public static void Everything()
                {
                    foreach (var f in Directory.GetFiles(Path.GetTempPath()))
                    {
                        try { {|PS0004:File.Delete(f)|}; } catch (IOException) { }
                    }
                }

                public static void Ours()
                {
                    foreach (var f in Directory.EnumerateFiles(Path.GetTempPath(), "myapp-*.tmp"))
                    {
                        try { File.Delete(f); } catch (IOException) { }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Temporary_directory_helper_outside_maintenance_code_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class TemporaryDirectory : IDisposable
            {
                public TemporaryDirectory()
                {
                    FullPath = Path.Combine(Path.GetTempPath(), "tests_" + Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(FullPath);
                }

                public string FullPath { get; }

                public void Dispose()
                {
                    try { Directory.Delete(FullPath, recursive: true); } catch (IOException) { }
                }
            }
            """);
    }

    [Fact]
    public async Task Temporary_directory_helper_with_its_field_set_in_the_constructor_is_silent_in_every_scope()
    {
        // Decision: a field (or get-only auto-property) of the deleting type whose every assignment is an anchored
        // root plus a fresh name is contained by construction: the delete can only reach what the type created.
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class TempDir : IDisposable
            {
                private readonly string _path;

                public TempDir()
                {
                    _path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
                    Directory.CreateDirectory(_path);
                }

                public string Path2 => _path;

                public void Dispose()
                {
                    if (Directory.Exists(_path))
                    {
                        Directory.Delete(_path, true);
                    }
                }
            }
            """, "pathsafety.scope = all");
    }

    [Fact]
    public async Task Field_set_from_a_constructor_parameter_is_PS0003_in_maintenance_code()
    {
        // The folder comes from the caller: nothing proves what it is.
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class WorkspaceCleanup : IDisposable
            {
                private readonly string _root;

                public WorkspaceCleanup(string root) => _root = root;

                public void Dispose() => {|PS0003:Directory.Delete(_root, true)|};
            }
            """);
    }

    [Fact]
    public async Task Expanded_environment_variable_is_not_reported_as_relative()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class SettingsMigration
            {
                public static string Read() => File.ReadAllText(Environment.ExpandEnvironmentVariables(@"%APPDATA%\MyApp\settings.json"));
            }
            """);
    }
}
