namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>Seeds for every way of reaching the file system the rules know: info objects, Visual Basic's FileSystem,
/// System.IO.Abstractions-style interfaces, Path.Combine forms, using and exception paths.</summary>
internal static partial class SeedCorpus
{
    private const string FileSystemInfoLocals = """
        using System.IO;

        namespace Seeds.InfoLocals;

        internal static class Locals
        {
            public static void Run(string root, FileSystemInfo given)
            {
                var file = new FileInfo(Path.Combine(root, "a.txt"));
                file.Delete();
                FileInfo? maybe = File.Exists(root) ? new FileInfo(root) : null;
                maybe?.Delete();
                var dir = new DirectoryInfo(root);
                dir.Delete();
                dir.Delete(recursive: true);
                var parent = dir.Parent;
                parent!.Delete(true);
                FileSystemInfo info = dir;
                info.Delete();
                given.Delete();
                var sub = dir.CreateSubdirectory("x");
                sub.Delete(true);
                foreach (var f in dir.EnumerateFiles("*", SearchOption.AllDirectories)) f.Delete();
                (file.Directory ?? dir).Delete(true);
            }
        }
        """;

    private const string VisualBasicFileSystem = """
        using Microsoft.VisualBasic.FileIO;

        namespace Seeds.VisualBasic;

        internal static class VbCleanup
        {
            public static void Run(string root)
            {
                FileSystem.DeleteFile(System.IO.Path.Combine(root, "a.txt"));
                FileSystem.DeleteDirectory(root, DeleteDirectoryOption.DeleteAllContents);
                FileSystem.DeleteDirectory(root, DeleteDirectoryOption.ThrowIfDirectoryNonEmpty);
                FileSystem.DeleteDirectory(root, UIOption.OnlyErrorDialogs, RecycleOption.SendToRecycleBin);
                FileSystem.DeleteFile("relative.txt", UIOption.OnlyErrorDialogs, RecycleOption.DeletePermanently, UICancelOption.DoNothing);
            }
        }
        """;

    private const string FileSystemAbstractions = """
        using System.Collections.Generic;

        namespace System.IO.Abstractions
        {
            public interface IFileSystem { IFile File { get; } IDirectory Directory { get; } }
            public interface IFile { void Delete(string path); bool Exists(string path); }
            public interface IDirectory
            {
                void Delete(string path);
                void Delete(string path, bool recursive);
                IEnumerable<string> EnumerateFiles(string path, string pattern);
            }
            public interface IFileSystemInfo { void Delete(); }
            public interface IFileInfo : IFileSystemInfo { }
            public interface IDirectoryInfo : IFileSystemInfo { void Delete(bool recursive); }
        }

        namespace Seeds.Abstractions
        {
            using System.IO.Abstractions;

            internal sealed class Cleaner(IFileSystem fileSystem)
            {
                public void Run(string root, IFileInfo info, IDirectoryInfo directory)
                {
                    fileSystem.File.Delete(root + "/x");
                    fileSystem.Directory.Delete(root, recursive: true);
                    foreach (var f in fileSystem.Directory.EnumerateFiles(root, "*")) fileSystem.File.Delete(f);
                    info.Delete();
                    directory.Delete(true);
                    ((IFileSystemInfo)directory).Delete();
                }
            }
        }
        """;

    private const string PathCombineForms = """
        using System.IO;

        namespace Seeds.PathCombine;

        internal static class Combining
        {
            private const string Absolute = "/var/log";

            public static string[] All(string root) =>
            [
                Path.Combine(root, "/etc"),
                Path.Combine(root, @"\windows"),
                Path.Combine(root, "C:\\data"),
                Path.Combine(root, "a", "/b"),
                Path.Combine(root, "a", "b", "\\c"),
                Path.Combine(root, "a", "b", "c", "/d"),
                Path.Combine(new[] { root, "a", "/e" }),
                Path.Combine(root, Absolute),
                Path.Combine("/", root),
                Path.Combine(root, "//"),
                Path.Combine(root, "C:"),
                Path.Combine(root, "\\\\server\\share"),
                Path.Combine(root, "relative/ok"),
                Path.Join(root, "/fine"),
                Path.Combine(root, $"/{root}"),
                Path.Combine(root, "/" + root),
            ];
        }
        """;

    private const string ExceptionsAndUsings = """
        using System;
        using System.IO;

        namespace Seeds.Exceptions;

        internal static class Careful
        {
            public static void Run(string root)
            {
                using var lockFile = File.Open(Path.Combine(root, ".lock"), FileMode.OpenOrCreate);
                try
                {
                    File.Delete(Path.Combine(root, "data.bin"));
                }
                catch (IOException e) when (e.HResult != 0)
                {
                    Directory.Delete(root, true);
                }
                catch (UnauthorizedAccessException)
                {
                    throw;
                }
                finally
                {
                    using (var temp = new FileStream(
                        Path.GetTempFileName(), FileMode.Open, FileAccess.Read, FileShare.None, 4096, FileOptions.DeleteOnClose))
                    {
                        File.Delete(temp.Name);
                    }
                }
            }
        }
        """;
}
