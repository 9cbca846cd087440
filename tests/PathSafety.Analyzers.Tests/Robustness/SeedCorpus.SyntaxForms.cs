namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>Seeds for declaration forms: records, primary constructors, unsafe code, partial and extension methods, generics, members and
/// iterators.</summary>
internal static partial class SeedCorpus
{
    private const string Records = """
        using System.IO;

        namespace Seeds.Records;

        internal sealed record CleanupTarget(string Root, string Pattern, bool Recursive = false)
        {
            public string FullRoot => Path.GetFullPath(Root);

            public void Execute()
            {
                foreach (var file in Directory.GetFiles(Root, Pattern))
                {
                    File.Delete(file);
                }

                if (Recursive) Directory.Delete(Root, Recursive);
            }
        }

        internal readonly record struct Entry(string Path, long Size);

        internal sealed class Job(string root, CleanupTarget target)
        {
            private readonly string _logs = Path.Combine(root, "logs");

            public void Run()
            {
                var copy = target with { Pattern = "*" };
                copy.Execute();
                var (r, p, _) = target;
                File.Delete(Path.Combine(r, p));
                Directory.Delete(_logs, true);
            }
        }
        """;

    private const string UnsafeCode = """
        using System;
        using System.IO;

        namespace Seeds.UnsafeCode;

        internal static unsafe class Native
        {
            public static void Run(string root)
            {
                char* buffer = stackalloc char[260];
                fixed (char* p = root)
                {
                    for (var i = 0; i < root.Length && i < 260; i++) buffer[i] = p[i];
                }

                var path = new string(buffer, 0, Math.Min(root.Length, 260));
                delegate*<string, void> delete = &File.Delete;
                delete(path);
                Span<char> span = stackalloc char[4];
                "logs".AsSpan().CopyTo(span);
                Directory.Delete(new string(span), recursive: sizeof(int) == 4);
            }
        }
        """;

    private const string PartialMethods = """
        using System.IO;

        namespace Seeds.PartialMethods;

        internal sealed partial class Rotator
        {
            partial void OnRotated(string path);

            public partial bool Rotate(string path);

            public void Run(string path)
            {
                if (Rotate(path)) OnRotated(path);
            }
        }

        internal sealed partial class Rotator
        {
            partial void OnRotated(string path) => File.Delete(path + ".1");

            public partial bool Rotate(string path)
            {
                File.Move(path, path + ".1", overwrite: true);
                Directory.Delete(Path.GetDirectoryName(path)!, false);
                return true;
            }
        }
        """;

    private const string ExtensionMethods = """
        using System;
        using System.IO;
        using System.Linq;

        namespace Seeds.ExtensionMethods;

        internal static class PathExtensions
        {
            public static void DeleteIfExists(this string path)
            {
                if (File.Exists(path)) File.Delete(path);
            }

            public static void Empty(this DirectoryInfo directory)
            {
                foreach (var info in directory.GetFileSystemInfos()) info.Delete();
            }

            public static string Under(this string root, string child) => Path.Combine(root, child);

            public static void Use(string root)
            {
                root.Under("/etc/passwd").DeleteIfExists();
                new DirectoryInfo(root).Empty();
                PathExtensions.DeleteIfExists(Path.Combine(root, "a.tmp"));
                Directory.GetFiles(root).Select(f => f.Under("x")).ToList().ForEach(static f => f.DeleteIfExists());
            }
        }
        """;

    private const string Generics = """
        using System.Collections.Generic;
        using System.IO;

        namespace Seeds.Generics;

        internal interface IStore<T> where T : FileSystemInfo
        {
            IEnumerable<T> Items { get; }
        }

        internal sealed class Purger<TInfo, TKey>
            where TInfo : FileSystemInfo
            where TKey : notnull
        {
            private readonly Dictionary<TKey, TInfo> _items = new();

            public void Purge(IStore<TInfo> store)
            {
                foreach (var item in store.Items) item.Delete();
                foreach (var (_, value) in _items) value.Delete();
            }

            public static void DeleteAll<T>(IEnumerable<T> infos) where T : FileSystemInfo, new()
            {
                foreach (var info in infos) info.Delete();
            }

            public static TOut Map<TIn, TOut>(TIn value, System.Func<TIn, TOut> map) => map(value);

            public static void Run(string root) => File.Delete(Map<string, string>(root, r => Path.Combine(r, "old")));
        }
        """;

    private const string MembersAndIterators = """"
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        namespace Seeds.Members;

        internal sealed class Host : IDisposable
        {
            private static readonly string Root;
            private readonly string _temp = Path.Combine(Path.GetTempPath(), "host");

            static Host() => Root = AppContext.BaseDirectory;

            ~Host() => File.Delete(Path.Combine(Root, "host.lock"));

            public event EventHandler<string>? Deleted;

            public string this[string name] { get => Path.Combine(_temp, name); init => File.Delete(value); }

            public string Temp { get => _temp; set => Directory.Delete(value, true); }

            public static Host operator +(Host host, string file) { File.Delete(file); return host; }

            public void Dispose()
            {
                lock (this) { Directory.Delete(_temp, recursive: true); }
                Deleted?.Invoke(this, _temp);
            }

            public IEnumerable<string> Old()
            {
                foreach (var f in from f in Directory.EnumerateFiles(_temp) where f.EndsWith(".old", StringComparison.Ordinal) select f)
                {
                    yield return f;
                }
            }

            public void Remove()
            {
                var (a, b) = (_temp, Root);
                File.Delete($"{a}/{nameof(Remove)}.txt");
                File.Delete("""raw/path.txt""");
                checked { File.Delete(b + (1 + 2)); }
                goto done;
            done:
                Old().ToList().ForEach(File.Delete);
            }
        }
        """";
}
