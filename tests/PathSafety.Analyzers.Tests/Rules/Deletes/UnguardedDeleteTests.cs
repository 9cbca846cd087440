using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

/// <summary>PS0002/PS0003 on the delete shapes; the guard shapes themselves are in Flow.</summary>
public class UnguardedDeleteTests
{
    internal static DiagnosticResult PS0002(int markup, string api, string target)
        => new DiagnosticResult(DiagnosticDescriptors.UnguardedDelete).WithLocation(markup).WithArguments(api, Quote(target));

    internal static DiagnosticResult PS0003(int markup, string api, string target)
        => new DiagnosticResult(DiagnosticDescriptors.UnguardedRecursiveDelete).WithLocation(markup).WithArguments(api, Quote(target));

    private static string Quote(string target) => target.StartsWith('"') || target.StartsWith("@\"") || target.StartsWith("$") ? target : "'"
        + target + "'";

    internal static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(Wrap(body), expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    internal static string Wrap(string body) => $$"""
        using System;
        using System.IO;
        using System.Linq;

        class C
        {
            string _field = "";

            void M(string root, string path, string name, bool flag, string[] paths)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Unguarded_file_delete_is_PS0002()
    {
        await Verify("{|#0:File.Delete(path)|};", PS0002(0, "File.Delete", "path"));
    }

    [Fact]
    public async Task Non_recursive_directory_deletes_are_PS0002()
    {
        await Verify(
            """
            {|#0:Directory.Delete(path)|};
            {|#1:Directory.Delete(path, false)|};
            {|#2:new DirectoryInfo(path).Delete()|};
            {|#3:new FileInfo(path).Delete()|};
            """,
            PS0002(0, "Directory.Delete", "path"),
            PS0002(1, "Directory.Delete", "path"),
            PS0002(2, "DirectoryInfo.Delete", "new DirectoryInfo(path)"),
            PS0002(3, "FileInfo.Delete", "new FileInfo(path)"));
    }

    [Fact]
    public async Task Recursive_deletes_are_PS0003_positional_named_and_on_info_locals()
    {
        await Verify(
            """
            {|#0:Directory.Delete(path, true)|};
            {|#1:Directory.Delete(recursive: true, path: path)|};
            {|#2:new DirectoryInfo(path).Delete(true)|};
            var info = new DirectoryInfo(path);
            {|#3:info.Delete(recursive: true)|};
            {|#4:Directory.Delete(path, flag)|};
            """,
            PS0003(0, "Directory.Delete", "path"),
            PS0003(1, "Directory.Delete", "path"),
            PS0003(2, "DirectoryInfo.Delete", "new DirectoryInfo(path)"),
            PS0003(3, "DirectoryInfo.Delete", "info"),
            PS0003(4, "Directory.Delete", "path"));
    }

    [Fact]
    public async Task FileSystemInfo_and_fields_are_reported()
    {
        await Verify(
            """
            FileSystemInfo entry = new FileInfo(path);
            {|#0:entry.Delete()|};
            {|#1:File.Delete(_field)|};
            """,
            PS0002(0, "FileSystemInfo.Delete", "entry"),
            PS0002(1, "File.Delete", "_field"));
    }

    [Fact]
    public async Task Outside_maintenance_code_nothing_is_reported()
    {
        // The path is one the method chose (a method that deletes what its caller passes is in scope by what it does).
        await new RuleTest<UnsafeDeleteAnalyzer>(Wrap(
            "var target = Environment.GetEnvironmentVariable(\"TARGET\")!; File.Delete(target); Directory.Delete(target, true);")).RunAsync();
    }

    [Fact]
    public async Task MaintenanceCode_attribute_scopes_the_rule()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;

            sealed class MaintenanceCodeAttribute : System.Attribute { }

            class C
            {
                [MaintenanceCode]
                void Clean(string path) => {|#0:Directory.Delete(path, true)|};

                void Render() => Directory.Delete(System.Environment.GetEnvironmentVariable("OUTPUT")!, true);
            }
            """,
            PS0003(0, "Directory.Delete", "path")).RunAsync();
    }

    [Fact]
    public async Task Broken_code_gets_only_the_compiler_errors()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(Wrap(
                "File.Delete({|CS0103:missing|}); Directory.Delete(path, {|CS0103:unknown|}); File.{|CS7036:Delete|}();"))
            .WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task Visual_Basic_FileSystem_deletes_are_reported()
    {
        await Verify(
            """
            {|#0:Microsoft.VisualBasic.FileIO.FileSystem.DeleteFile(path)|};
            {|#1:Microsoft.VisualBasic.FileIO.FileSystem.DeleteDirectory(
                path, Microsoft.VisualBasic.FileIO.DeleteDirectoryOption.DeleteAllContents)|};
            {|#2:Microsoft.VisualBasic.FileIO.FileSystem.DeleteDirectory(
                path, Microsoft.VisualBasic.FileIO.DeleteDirectoryOption.ThrowIfDirectoryNonEmpty)|};
            Microsoft.VisualBasic.FileIO.FileSystem.DeleteFile(Path.Combine(root, "app.pid"));
            """,
            PS0002(0, "FileSystem.DeleteFile", "path"),
            PS0003(1, "FileSystem.DeleteDirectory", "path"),
            PS0002(2, "FileSystem.DeleteDirectory", "path"));
    }

    [Fact]
    public async Task System_IO_Abstractions_deletes_are_reported_when_referenced()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System.IO;
            using System.IO.Abstractions;

            class C
            {
                void M(IFileSystem fs, IFileInfo info, IDirectoryInfo dir, string path, string root)
                {
                    {|#0:fs.File.Delete(path)|};
                    {|#1:fs.Directory.Delete(path, true)|};
                    {|#2:info.Delete()|};
                    {|#3:dir.Delete(true)|};
                    fs.File.Delete(Path.Combine(root, "app.pid"));
                    var full = Path.GetFullPath(path);
                    if (full.StartsWith(root + Path.DirectorySeparatorChar, System.StringComparison.Ordinal)) fs.Directory.Delete(full, true);
                }
            }

            namespace System.IO.Abstractions
            {
                public interface IFileSystem { IFile File { get; } IDirectory Directory { get; } }
                public interface IFile { void Delete(string path); }
                public interface IDirectory { void Delete(string path); void Delete(string path, bool recursive); }
                public interface IFileSystemInfo { void Delete(); }
                public interface IFileInfo : IFileSystemInfo { }
                public interface IDirectoryInfo : IFileSystemInfo { void Delete(bool recursive); }
            }
            """,
            PS0002(0, "IFile.Delete", "path"),
            PS0003(1, "IDirectory.Delete", "path"),
            PS0002(2, "IFileSystemInfo.Delete", "info"),
            PS0003(3, "IDirectoryInfo.Delete", "dir")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
