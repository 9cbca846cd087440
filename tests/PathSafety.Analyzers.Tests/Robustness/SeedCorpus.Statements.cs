namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>Seeds for statement and expression forms: top-level code, local functions, lambdas, async streams, patterns, switches,
/// preprocessor regions, dynamic and argument forms.</summary>
internal static partial class SeedCorpus
{
    private const string TopLevelStatements = """
        using System;
        using System.IO;

        var root = args.Length > 0 ? args[0] : AppContext.BaseDirectory;
        var logs = Path.Combine(root, "logs");
        File.Delete(Path.Combine(logs, "old.log"));
        Directory.Delete("temp", recursive: true);
        Purge(logs);
        Console.WriteLine(Path.Combine(root, "/var/tmp"));

        static void Purge(string folder)
        {
            foreach (var file in Directory.GetFiles(folder, "*"))
            {
                File.Delete(file);
            }
        }

        namespace Seeds.TopLevel
        {
            internal static class Helper
            {
                public static void Remove(string path) => File.Delete(path);
            }
        }
        """;

    private const string LocalFunctions = """
        using System.IO;

        namespace Seeds.LocalFunctions;

        internal sealed class Sweeper
        {
            public void Run(string root)
            {
                DeleteAll(root);
                var count = Count(root);
                RemoveEmpty(root, count);

                void DeleteAll(string folder)
                {
                    foreach (var file in Directory.EnumerateFiles(folder))
                    {
                        File.Delete(file);
                    }
                }

                static int Count(string folder) => Directory.GetFiles(folder, "*.tmp").Length;

                void RemoveEmpty(string folder, int n)
                {
                    if (n == 0)
                    {
                        Directory.Delete(folder, true);
                    }

                    static void Nested(string p) => File.Delete(Path.Combine(p, "\\lock"));
                    Nested(folder);
                }
            }
        }
        """;

    private const string Lambdas = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Seeds.Lambdas;

        internal static class Cleaner
        {
            public static void Run(string root)
            {
                Action<string> delete = File.Delete;
                Func<string, bool> old = p => File.GetLastWriteTimeUtc(p) < DateTime.UtcNow.AddDays(-7);
                Directory.GetFiles(root, "*.log").Where(old).ToList().ForEach(delete);
                Directory.EnumerateFiles(root).ToList().ForEach(File.Delete);
                Parallel.ForEach(Directory.GetDirectories(root), d => Directory.Delete(d, recursive: true));
                var work = new List<Action> { () => File.Delete("relative.txt"), delegate { Directory.Delete(root); } };
                work.ForEach(a => a());
                Func<string, string> combine = static s => Path.Combine(s, "/etc");
                _ = combine(root);
                Task.Run(async () => { await Task.Yield(); File.Delete(Path.Combine(root, "x")); }).Wait();
            }
        }
        """;

    private const string AwaitForeach = """
        using System.Collections.Generic;
        using System.IO;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Seeds.AwaitForeach;

        internal sealed class AsyncCleaner
        {
            public async Task RunAsync(string root, CancellationToken cancellationToken)
            {
                await foreach (var file in FindAsync(root, cancellationToken).ConfigureAwait(false))
                {
                    File.Delete(file);
                }

                await foreach (var (path, size) in SizesAsync(root))
                {
                    if (size > 10) new FileInfo(path).Delete();
                }

                await using var stream = new MemoryStream();
                await Task.Delay(1, cancellationToken);
            }

            private static async IAsyncEnumerable<string> FindAsync(
                string root, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return file;
                }
            }

            private static async IAsyncEnumerable<(string Path, long Size)> SizesAsync(string root)
            {
                await Task.Yield();
                foreach (var info in new DirectoryInfo(root).EnumerateFiles())
                {
                    yield return (info.FullName, info.Length);
                }
            }
        }
        """;

    private const string PatternMatching = """
        using System.IO;

        namespace Seeds.PatternMatching;

        internal static class Matcher
        {
            public static void Remove(object? target, string[] parts)
            {
                if (target is string { Length: > 0 } path and not "")
                {
                    File.Delete(path);
                }
                else if (target is FileSystemInfo { Exists: true } info)
                {
                    info.Delete();
                }
                else if (target is DirectoryInfo { Parent: { } parent } directory && parent.Exists)
                {
                    directory.Delete(recursive: true);
                }

                if (parts is [var first, .., var last] && first is not null)
                {
                    File.Delete(Path.Combine(first, last));
                }

                if (parts is [_, var second, ..] && second is { } s)
                {
                    Directory.Delete(s);
                }
            }
        }
        """;

    private const string SwitchExpressions = """
        using System;
        using System.IO;

        namespace Seeds.SwitchExpressions;

        internal enum Kind { File, Folder, Tree }

        internal static class Dispatcher
        {
            public static void Delete(Kind kind, string path)
            {
                Action action = kind switch
                {
                    Kind.File => () => File.Delete(path),
                    Kind.Folder => () => Directory.Delete(path),
                    Kind.Tree when path.Length > 3 => () => Directory.Delete(path, true),
                    _ => throw new ArgumentOutOfRangeException(nameof(kind)),
                };
                action();

                var target = path switch
                {
                    null => "",
                    { Length: 0 } => "empty",
                    var p when p.EndsWith(".tmp", StringComparison.Ordinal) => Path.Combine(p, "/tmp"),
                    _ => path,
                };
                switch (target)
                {
                    case "": break;
                    case string t when t.StartsWith("C:\\", StringComparison.Ordinal): File.Delete(t); break;
                    default: File.Delete(target); break;
                }
            }
        }
        """;

    private const string PreprocessorRegions = """
        #nullable enable
        using System.IO;

        namespace Seeds.Preprocessor;

        internal static class Conditional
        {
            #region Cleanup
            public static void Run(string root)
            {
        #if DEBUG
                File.Delete(Path.Combine(root, "debug.log"));
        #elif RELEASE
                File.Delete("release.log");
        #else
                Directory.Delete(root, true
        #endif
        #pragma warning disable CS0162
                return;
                File.Delete(root);
        #pragma warning restore CS0162
            }
            #endregion

        #if !NOT_DEFINED
            public static void Other(string root) => Directory.Delete(root, recursive: true);
        #endif
        #line 200 "Generated.cs"
            public static void Hidden(string root) => File.Delete(root);
        #line default
        }
        """;

    private const string DynamicCode = """
        using System.IO;

        namespace Seeds.DynamicCode;

        internal static class Late
        {
            public static void Run(dynamic settings, object boxed)
            {
                File.Delete(settings.LogPath);
                Directory.Delete(settings.Root, settings.Recursive);
                dynamic info = new FileInfo((string)settings.Path);
                info.Delete();
                dynamic path = Path.Combine((string)boxed, "/logs");
                File.Delete(path);
                var combined = Path.Combine(settings.A, settings.B);
                settings.Delete(combined);
            }
        }
        """;

    private const string NamedArguments = """
        using System.IO;

        namespace Seeds.NamedArguments;

        internal static class Named
        {
            public static void Run(string root, string child)
            {
                Directory.Delete(recursive: true, path: root);
                Directory.Delete(path: Path.Combine(path2: "/cache", path1: root), recursive: false);
                File.Move(destFileName: Path.Combine(root, "b"), sourceFileName: Path.Combine(root, "a"));
                foreach (var file in Directory.EnumerateFiles(searchPattern: "*", path: root, searchOption: SearchOption.AllDirectories))
                {
                    File.Delete(path: file);
                }

                Remove(child: child, parent: root);
            }

            private static void Remove(string parent, string child, bool recursive = true)
                => Directory.Delete(Path.Combine(parent, child), recursive);
        }
        """;

    private const string ParamsCollections = """
        using System;
        using System.Collections.Generic;
        using System.IO;

        namespace Seeds.ParamsCollections;

        internal static class Spans
        {
            public static void Run(string root, string[] more)
            {
                var path = Path.Combine([root, "logs", "/abs"]);
                var spread = Path.Combine([root, .. more, "\\x"]);
                File.Delete(path);
                File.Delete(spread);
                DeleteAll(root, "a", "b");
                DeleteAll(root);
                DeleteList([root, "c"]);
                ReadOnlySpan<string> parts = [root, "d"];
                File.Delete(Path.Join(parts[0], parts[1]));
            }

            private static void DeleteAll(string root, params ReadOnlySpan<string> names)
            {
                foreach (var name in names) File.Delete(Path.Combine(root, name));
            }

            private static void DeleteList(params List<string> paths)
            {
                foreach (var path in paths) File.Delete(path);
            }
        }
        """;
}
