using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// A path wrapper of the compilation converted to string by its own operator (docs/guards.md, "Paths the method
/// created"): contained when every value its constructor stores is, read with the creation's arguments.
/// </summary>
public class WrappedPathsTests
{
    private const string TempFile =
        """
        sealed class TempFile : IDisposable
        {
            private readonly string _path;
            public TempFile(string extension)
            {
                var folder = Path.Combine(Path.GetTempPath(), "app");
                Directory.CreateDirectory(folder);
                var tries = 0;
                do
                {
                    _path = Path.Combine(folder, Path.GetRandomFileName() + extension);
                    tries++;
                }
                while (File.Exists(_path) && tries < 3);
            }

            public static implicit operator string(TempFile f) => f._path;
            public void Dispose() { }
        }
        """;

    private static Task VerifyWith(string types, string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(
            $$"""
            using System;
            using System.IO;

            {{types}}

            sealed class Restore
            {
                public void Run(string name, string path, string root)
                {
            {{body}}
                }
            }
            """,
            expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task A_temp_file_wrapper_made_with_a_constant_extension_is_contained()
    {
        // The stored name is a fresh name plus the creation's constant: nobody else picked it.
        await VerifyWith(
            TempFile,
            """
                    using (var results = new TempFile(".output.dg"))
                    {
                        File.Delete(results);
                    }

                    using var inputs = new TempFile(".targets");
                    File.Delete(inputs);
            """);
    }

    [Fact]
    public async Task A_wrapper_made_with_an_argument_that_may_hold_a_separator_is_reported()
    {
        await VerifyWith(
            TempFile,
            """
                    using (var results = new TempFile(name))
                    {
                        {|#0:File.Delete(results)|};
                    }

                    using var up = new TempFile("/../../x");
                    {|#1:File.Delete(up)|};
                    var other = new TempFile(".tmp");
                    other = new TempFile(path);
                    {|#2:File.Delete(other)|};
            """,
            PS0002(0, "File.Delete", "results"),
            PS0002(1, "File.Delete", "up"),
            PS0002(2, "File.Delete", "other"));
    }

    [Fact]
    public async Task A_wrapper_storing_its_argument_is_contained_only_when_the_argument_is()
    {
        await VerifyWith(
            """
            sealed class Holder
            {
                private readonly string _path;
                public Holder(string path) { _path = path; }
                public static implicit operator string(Holder h) => h._path;
            }
            """,
            """
                    var safe = new Holder(Path.Combine(root, "cache.bin"));
                    File.Delete(safe);
                    var unsafeOne = new Holder(path);
                    {|#0:File.Delete(unsafeOne)|};
            """,
            PS0002(0, "File.Delete", "unsafeOne"));
    }

    [Fact]
    public async Task Wrappers_whose_stored_path_is_not_known_are_reported()
    {
        // A settable field, a constructor that reassigns its parameter, chains to another constructor, or writes the
        // field through 'out'; an operator returning something else than the field; an object initializer.
        await VerifyWith(
            """
            sealed class Settable
            {
                public string Path = "";
                public Settable(string name) { Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name); }
                public static implicit operator string(Settable s) => s.Path;
            }

            sealed class Reassigning
            {
                private readonly string _path;
                public Reassigning(string extension)
                {
                    extension = Environment.GetEnvironmentVariable("EXT") ?? "";
                    _path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + extension);
                }

                public static implicit operator string(Reassigning r) => r._path;
            }

            sealed class Chained
            {
                private readonly string _path = "";
                public Chained(string extension) : this(extension, 0) { }
                public Chained(string extension, int unused) { _path = Environment.GetEnvironmentVariable("P") ?? ""; }
                public static implicit operator string(Chained c) => c._path;
            }

            sealed class OutWritten
            {
                private readonly string _path;
                public OutWritten(string extension) { Make(extension, out _path); }
                private static void Make(string e, out string p) => p = e;
                public static implicit operator string(OutWritten o) => o._path;
            }

            sealed class Suffixed
            {
                private readonly string _path;
                public Suffixed(string extension) { _path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + extension); }
                public static implicit operator string(Suffixed s) => s._path + Environment.GetEnvironmentVariable("S");
            }

            sealed class Initialised
            {
                private readonly string _path;
                public Initialised(string extension) { _path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + extension); }
                public string Extra { init { _path = value; } }
                public static implicit operator string(Initialised i) => i._path;
            }
            """,
            """
                    var a = new Settable("x.tmp");
                    {|#0:File.Delete(a)|};
                    var b = new Reassigning(".tmp");
                    {|#1:File.Delete(b)|};
                    var c = new Chained(".tmp");
                    {|#2:File.Delete(c)|};
                    var d = new OutWritten(".tmp");
                    {|#3:File.Delete(d)|};
                    var e = new Suffixed(".tmp");
                    {|#4:File.Delete(e)|};
                    var f = new Initialised(".tmp") { Extra = path };
                    {|#5:File.Delete(f)|};
            """,
            PS0002(0, "File.Delete", "a"),
            PS0002(1, "File.Delete", "b"),
            PS0002(2, "File.Delete", "c"),
            PS0002(3, "File.Delete", "d"),
            PS0002(4, "File.Delete", "e"),
            PS0002(5, "File.Delete", "f"));
    }

    [Fact]
    public async Task A_helper_building_a_name_from_its_parameter_counts_where_the_argument_keeps_it_one_name()
    {
        // The same reading of arguments as for constructors: 'name + ".json"' is one name when the call passes one.
        await VerifyWith(
            """
            static class Store
            {
                private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");
                public static string FileFor(string name) => Path.Combine(Data, name + ".json");
            }
            """,
            """
                    File.Delete(Store.FileFor("state"));
                    File.Delete(Store.FileFor($"backup-{DateTime.Now:yyyyMMdd}"));
                    {|#0:File.Delete(Store.FileFor(name))|};
                    {|#1:File.Delete(Store.FileFor("../state"))|};
            """,
            PS0002(0, "File.Delete", "Store.FileFor(name)"),
            PS0002(1, "File.Delete", "Store.FileFor(\"../state\")"));
    }
}
