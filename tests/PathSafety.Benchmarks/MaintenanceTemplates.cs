namespace PathSafety.Benchmarks;

/// <summary>
/// Maintenance code as it is written in practice: mostly careful, sometimes not (a broad enumeration, a missing
/// guard, a relative path, a rooted Path.Combine segment, a StartsWith check), so every rule has work to do.
/// </summary>
internal static class MaintenanceTemplates
{
    public static string Next(Random random, int k) => random.Next(6) switch
    {
        0 => LogRotation(k, random.Next(3, 60), random.Next(4) == 0 ? "*" : "*.log"),
        1 => TempCleanup(k, guarded: random.Next(3) != 0),
        2 => CachePurge(k, random.Next(8) == 0 ? "/cache" : "cache"),
        3 => Reset(k, random.Next(10) == 0 ? "appsettings.json" : "state.json"),
        4 => Guard(k),
        _ => Installer(k, random.Next(4) == 0 ? "logs" : "data"),
    };

    private static string LogRotation(int k, int days, string pattern) => $$"""
        [MaintenanceCode]
        public sealed class LogRotation{{k}}
        {
            private readonly string _logDirectory;
            private readonly TimeSpan _retention = TimeSpan.FromDays({{days}});

            public LogRotation{{k}}(string logDirectory) => _logDirectory = logDirectory;

            public int Run()
            {
                var deleted = 0;
                var cutoff = DateTime.UtcNow - _retention;
                foreach (var file in new DirectoryInfo(_logDirectory).EnumerateFiles("{{pattern}}"))
                {
                    if (file.LastWriteTimeUtc < cutoff)
                    {
                        file.Delete();
                        deleted++;
                    }
                }

                foreach (var archive in Directory.GetFiles(_logDirectory, "*.zip").OrderBy(f => f, StringComparer.Ordinal).Skip(10))
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

    private static string TempCleanup(int k, bool guarded) => $$"""
        [MaintenanceCode]
        public static class TempCleanup{{k}}
        {
            public static void Run(string root, IEnumerable<string> names)
            {
                foreach (var name in names)
                {
                    var path = Path.Combine(root, name);
                    {{(guarded ? "Guard.EnsureWithin(root, path);" : "// trusted input")}}
                    if (File.Exists(path))
                    {
                        File.Delete(path);
                    }
                }

                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.TopDirectoryOnly))
                {
                    if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1))
                    {
                        File.Delete(file);
                    }
                }
            }
        }
        """;

    private static string CachePurge(int k, string segment) => $$"""
        [MaintenanceCode]
        public sealed class CachePurge{{k}}
        {
            private readonly string _root;

            public CachePurge{{k}}(string root) => _root = root;

            public void Purge(string region)
            {
                var cache = Path.Combine(_root, "{{segment}}", region);
                var full = Path.GetFullPath(cache);
                if (!full.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("Cache region outside the cache root.");
                }

                if (Directory.Exists(full))
                {
                    Directory.Delete(full, recursive: true);
                }

                var info = new DirectoryInfo(Path.Combine(_root, "thumbnails"));
                foreach (var thumbnail in info.EnumerateFiles("*.png"))
                {
                    thumbnail.Delete();
                }
            }
        }
        """;

    private static string Reset(int k, string file) => $$"""
        [MaintenanceCode]
        public static class Reset{{k}}
        {
            public static void FactoryReset()
            {
                var state = Path.Combine(AppContext.BaseDirectory, "{{file}}");
                if (File.Exists(state))
                {
                    File.Delete(state);
                }

                var sessions = Path.Combine(AppContext.BaseDirectory, "sessions");
                foreach (var session in Directory.GetFiles(sessions, "*.session"))
                {
                    File.Delete(session);
                }
            }
        }
        """;

    private static string Guard(int k) => $$"""
        [MaintenanceCode]
        public static class Containment{{k}}
        {
            public static bool IsInside(string root, string path)
                => Path.GetFullPath(path).StartsWith(Path.GetFullPath(root), StringComparison.OrdinalIgnoreCase);

            public static void DeleteInside(string root, string path)
            {
                if (IsInside(root, path))
                {
                    File.Delete(path);
                }
            }

            public static void DeleteChecked(string root, string path)
            {
                Guard.EnsureWithin(root, path);
                File.Delete(path);
            }
        }
        """;

    private static string Installer(int k, string folder) => $$"""
        [MaintenanceCode]
        public sealed class Installer{{k}}
        {
            public void Uninstall(string installRoot)
            {
                Guard.EnsureWithin(installRoot, Path.Combine(installRoot, "bin"));
                Directory.Delete(Path.Combine(installRoot, "bin"), true);
                File.Delete("{{folder}}/install.log");
                var marker = new FileInfo(Path.Combine(installRoot, ".installed"));
                if (marker.Exists)
                {
                    marker.Delete();
                }
            }
        }
        """;

    /// <summary>The hand-written containment guard the corpus's maintenance code calls (one per module).</summary>
    public const string GuardClass = """
        internal static class Guard
        {
            [PathGuard]
            public static void EnsureWithin(string root, string path)
            {
                var fullRoot = Path.GetFullPath(root);
                if (!fullRoot.EndsWith(Path.DirectorySeparatorChar))
                {
                    fullRoot += Path.DirectorySeparatorChar;
                }

                if (!Path.GetFullPath(path).StartsWith(fullRoot, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"'{path}' is outside '{root}'.");
                }
            }
        }

        """;
}
