namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Self-updaters and installers (Squirrel- and Velopack-like): remove old versioned app folders, the renamed old
/// executable, downloaded packages. Specific patterns and anchored paths are safe; folders from outside are not.
/// </summary>
public class UpdaterTests
{
    [Fact]
    public async Task Old_versioned_app_folders_matched_by_pattern_are_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Linq;

            sealed class AppUpdater
            {
                public void RemoveOldVersions(string rootAppDir, string currentVersion)
                {
                    var old = new DirectoryInfo(rootAppDir).GetDirectories("app-*")
                        .Where(d => !string.Equals(d.Name, "app-" + currentVersion, StringComparison.OrdinalIgnoreCase))
                        .OrderByDescending(d => d.CreationTimeUtc)
                        .Skip(1);
                    foreach (var dir in old)
                    {
                        try { dir.Delete(true); }
                        catch (IOException) { }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Renamed_old_executable_next_to_the_running_one_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Reflection;

            static class UpgradeCleanup
            {
                public static void DeleteOldVersion()
                {
                    try { File.Delete(Assembly.GetExecutingAssembly().Location + ".old"); }
                    catch (IOException) { }
                }
            }
            """);
    }

    [Fact]
    public async Task Files_in_the_entry_assembly_folder_by_constant_name_are_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Reflection;

            static class SelfUpdater
            {
                public static void Finish()
                {
                    var appDir = Path.GetDirectoryName(Assembly.GetEntryAssembly()!.Location)!;
                    var package = Path.Combine(appDir, "update.zip");
                    if (File.Exists(package)) File.Delete(package);
                    File.WriteAllText(Path.Combine(appDir, "version.txt"), "2.0");
                }
            }
            """);
    }

    [Fact]
    public async Task Staging_folder_under_local_app_data_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class UpdateInstaller
            {
                public static void ClearPackages()
                {
                    var packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MyApp", "packages");
                    foreach (var nupkg in Directory.EnumerateFiles(packages, "*.nupkg"))
                        File.Delete(nupkg);
                    var staging = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MyApp", "staging");
                    if (Directory.Exists(staging)) Directory.Delete(staging, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Staging_folder_passed_in_is_PS0003()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class UpdateInstaller
            {
                public static void Apply(string stagingDir, string installDir)
                {
                    foreach (var file in Directory.GetFiles(stagingDir, "*", SearchOption.AllDirectories))
                    {
                        var target = Path.Combine(installDir, Path.GetRelativePath(stagingDir, file));
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.Copy(file, target, overwrite: true);
                    }

                    {|PS0003:Directory.Delete(stagingDir, recursive: true)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Uninstaller_removing_the_install_folder_with_a_sound_guard_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class Uninstaller
            {
                public static void Remove(string installDir)
                {
                    var programs = Path.GetFullPath(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles)) + Path.DirectorySeparatorChar;
                    var full = Path.GetFullPath(installDir);
                    if (!full.StartsWith(programs, StringComparison.OrdinalIgnoreCase))
                        throw new InvalidOperationException("Refusing to remove " + full);
                    Directory.Delete(full, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Uninstaller_with_a_guard_missing_the_separator_is_PS0007()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class Uninstaller
            {
                public static void Remove(string installDir, string programs)
                {
                    var full = Path.GetFullPath(installDir);
                    if (!{|PS0007:full.StartsWith(programs, StringComparison.OrdinalIgnoreCase)|})
                        return;
                    Directory.Delete(full, true);
                }
            }
            """);
    }

    [Fact]
    public async Task PathGuard_in_an_updater_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using PathSafety;

            static class Updater
            {
                public static void RemoveFiles(string installDir, string[] obsolete)
                {
                    foreach (var relative in obsolete)
                        File.Delete(PathGuard.EnsureWithin(installDir, Path.Combine(installDir, relative)));
                }
            }
            """);
    }

    [Fact]
    public async Task Obsolete_file_list_without_a_guard_is_PS0002()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class Updater
            {
                public static void RemoveFiles(string installDir, string[] obsolete)
                {
                    foreach (var relative in obsolete)
                        {|PS0002:File.Delete(Path.Combine(installDir, relative))|};
                }
            }
            """);
    }

    [Fact]
    public async Task Migration_reading_relative_config_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class ConfigMigration
            {
                public static void Run()
                {
                    var old = File.ReadAllText({|PS0001:"config/legacy.ini"|});
                    File.WriteAllText(Path.Combine(System.AppContext.BaseDirectory, "config", "app.ini"), old);
                }
            }
            """);
    }
}
