namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>Seeds that read like real maintenance code: what every rule looks for, done well and done badly.</summary>
internal static partial class SeedCorpus
{
    private const string CleanupJob = """
        using System;
        using System.IO;
        using System.Linq;

        namespace Seeds.CleanupJob;

        internal sealed class LogRotation
        {
            private readonly string _logDirectory;
            private readonly TimeSpan _retention = TimeSpan.FromDays(14);

            public LogRotation(string logDirectory) => _logDirectory = logDirectory;

            public int Run()
            {
                var deleted = 0;
                var cutoff = DateTime.UtcNow - _retention;
                foreach (var file in new DirectoryInfo(_logDirectory).EnumerateFiles("*.log"))
                {
                    if (file.LastWriteTimeUtc < cutoff)
                    {
                        file.Delete();
                        deleted++;
                    }
                }

                foreach (var archive in Directory.GetFiles(_logDirectory, "*.zip").OrderBy(f => f).Skip(10))
                {
                    File.Delete(archive);
                }

                var staging = Path.Combine(_logDirectory, "staging");
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }

                return deleted;
            }
        }
        """;

    private const string GuardedDeletes = """
        using System;
        using System.IO;

        namespace Seeds.GuardedDeletes;

        internal static class SafeDelete
        {
            public static void EnsureWithin(string root, string path)
            {
                var fullRoot = Path.GetFullPath(root);
                if (!fullRoot.EndsWith(Path.DirectorySeparatorChar))
                {
                    fullRoot += Path.DirectorySeparatorChar;
                }

                var fullPath = Path.GetFullPath(path);
                if (!fullPath.StartsWith(fullRoot, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"'{path}' is outside '{root}'.");
                }
            }

            public static void DeleteFile(string root, string name)
            {
                var path = Path.Combine(root, name);
                EnsureWithin(root, path);
                File.Delete(path);
            }

            public static void DeleteTree(string root, string name)
            {
                var path = Path.GetFullPath(Path.Combine(root, name));
                var relative = Path.GetRelativePath(root, path);
                if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                {
                    return;
                }

                Directory.Delete(path, recursive: true);
            }
        }
        """;

    private const string WeakContainmentChecks = """
        using System;
        using System.IO;

        namespace Seeds.WeakContainment;

        internal static class Checks
        {
            public static void NoSeparator(string root, string path)
            {
                if (path.StartsWith(root))
                {
                    File.Delete(path);
                }
            }

            public static void NotNormalized(string root, string path)
            {
                if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)) Directory.Delete(path, true);
            }

            public static void DotDotFilter(string root, string name)
            {
                if (name.Contains("..")) return;
                File.Delete(Path.Combine(root, name));
            }

            public static void GetFullPathWithBase(string root, string name)
            {
                var full = Path.GetFullPath(name, root);
                if (full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal)) File.Delete(full);
            }

            public static bool IsUnder(string root, string path)
                => Path.GetFullPath(path).StartsWith(Path.GetFullPath(root), StringComparison.InvariantCultureIgnoreCase);

            public static void UsesHelper(string root, string path)
            {
                if (IsUnder(root, path)) new FileInfo(path).Delete();
                if (path.AsSpan().StartsWith(root.AsSpan())) File.Delete(path);
            }
        }
        """;

    private const string RelativePaths = """
        using System;
        using System.IO;

        namespace Seeds.RelativePaths;

        internal static class Installer
        {
            private const string CacheFolder = "cache";

            public static void Reset()
            {
                File.Delete("logs/old.txt");
                File.Delete(@".\state.json");
                Directory.Delete("../shared", true);
                Directory.CreateDirectory(CacheFolder);
                new FileInfo("cache.db").Delete();
                new DirectoryInfo("./tmp").Delete(true);
                File.WriteAllText("status.txt", "reset");
                Environment.CurrentDirectory = AppContext.BaseDirectory;
                File.Delete(Path.Combine(CacheFolder, "index"));
                File.Delete(Path.Combine(AppContext.BaseDirectory, CacheFolder, "index"));
                File.Delete(Path.GetFullPath("x.txt"));
                File.Delete(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) + "/app/x");
                File.Delete("");
                File.Delete("C:");
                File.Delete("~/.config/app");
            }
        }
        """;

    private const string BroadEnumerations = """
        using System.IO;
        using System.Linq;

        namespace Seeds.BroadEnumerations;

        internal static class Purge
        {
            public static void Everything(string dir)
            {
                foreach (var file in Directory.GetFiles(dir, "*")) File.Delete(file);
                foreach (var file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)) File.Delete(file);
                foreach (var entry in Directory.EnumerateFileSystemEntries(dir)) File.Delete(entry);
                foreach (var sub in Directory.GetDirectories(dir)) Directory.Delete(sub, true);
                foreach (var info in new DirectoryInfo(dir).GetFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true }))
                    info.Delete();
                var all = Directory.GetFiles(dir);
                for (var i = 0; i < all.Length; i++) File.Delete(all[i]);
                Directory.GetFiles(dir, "*").ToList().ForEach(File.Delete);
            }

            public static void Filtered(string dir)
            {
                foreach (var file in Directory.GetFiles(dir, "*.tmp")) File.Delete(file);
                foreach (var file in Directory.GetFiles(dir).Where(f => f.EndsWith(".bak", System.StringComparison.Ordinal))) File.Delete(file);
                foreach (var file in Directory.EnumerateFiles(dir, "*"))
                {
                    if (Path.GetExtension(file) == ".log") File.Delete(file);
                }
            }
        }
        """;

    private const string ProtectedFiles = """
        using System;
        using System.IO;

        namespace Seeds.ProtectedFiles;

        internal static class Reset
        {
            private static readonly string Base = AppContext.BaseDirectory;

            public static void FactoryReset()
            {
                File.Delete(Path.Combine(Base, "appsettings.json"));
                File.Delete(Path.Combine(AppContext.BaseDirectory, "config", "secrets.json"));
                new FileInfo(Path.Combine(Base, "web.config")).Delete();
                foreach (var json in Directory.GetFiles(Base, "*.json")) File.Delete(json);
                foreach (var file in Directory.EnumerateFiles(Base, "appsettings.*.json")) File.Delete(file);
                File.Delete(Path.Combine(Base, "APPSETTINGS.JSON"));
                File.Delete(Path.Combine(Base, "logs", "appsettings.json.bak"));
                Directory.Delete(Path.Combine(Base, "config"), true);
                Directory.Delete(Base, recursive: true);
            }
        }
        """;

    private const string ScopeAttributes = """
        using System;
        using System.IO;

        namespace PathSafety
        {
            [AttributeUsage(AttributeTargets.All)]
            internal sealed class MaintenanceCodeAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.Method)]
            internal sealed class PathGuardAttribute : Attribute { }
        }

        namespace Seeds.Scope
        {
            using PathSafety;

            [MaintenanceCode]
            internal static class Janitor
            {
                [PathGuard]
                public static string Within(string root, string path)
                {
                    var full = Path.GetFullPath(path);
                    return full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        ? full
                        : throw new ArgumentException("outside", nameof(path));
                }

                public static void Sweep(string root, string name)
                {
                    File.Delete(Within(root, Path.Combine(root, name)));
                    File.Delete(Path.Combine(root, name));
                    Directory.Delete(root, true);
                }
            }

            internal static class NotMaintenance
            {
                [MaintenanceCode]
                public static void Marked(string path) => File.Delete(path);

                public static void Unmarked(string path) => File.Delete(path);
            }
        }
        """;
}
