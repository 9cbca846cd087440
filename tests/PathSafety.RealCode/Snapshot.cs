using System.Diagnostics;
using System.Formats.Tar;
using System.Text;

namespace PathSafety.RealCode;

/// <summary>A file of a snapshot: its path relative to the repository root ('/' separated) and its text.</summary>
internal sealed record SnapshotFile(string Path, string Text);

/// <summary>
/// The C# sources and MSBuild files of one commit of a bare git directory, read from 'git archive' in memory: no
/// work tree, nothing written to disk. obj/ and bin/ are skipped; test folders too when asked.
/// </summary>
internal sealed record Snapshot(IReadOnlyList<SnapshotFile> Sources, IReadOnlyList<SnapshotFile> BuildFiles)
{
    public static Snapshot Export(string gitDir, string commit, string? subdir, bool includeTests)
    {
        var arguments = new List<string> { "--git-dir=" + gitDir, "archive", "--format=tar", commit };
        if (subdir is not null)
        {
            arguments.Add("--");
            arguments.Add(subdir);
        }

        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var errors = git.StandardError.ReadToEndAsync();
        var sources = new List<SnapshotFile>();
        var buildFiles = new List<SnapshotFile>();
        using (var reader = new TarReader(git.StandardOutput.BaseStream))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null || Skipped(entry.Name, includeTests))
                {
                    continue;
                }

                var target = entry.Name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? sources
                    : IsBuildFile(entry.Name) ? buildFiles
                    : null;
                if (target is not null)
                {
                    using var text = new StreamReader(entry.DataStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    target.Add(new SnapshotFile(entry.Name, text.ReadToEnd()));
                }
            }
        }

        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git archive {commit} in {gitDir} failed: {errors.Result.Trim()}");
        }

        return new Snapshot(sources, buildFiles);
    }

    /// <summary>
    /// A labelled repository's bare git directory: under the mirror folder as 'owner+name', either the git directory
    /// itself or its 'repo' subdirectory (where the fetch tool puts it).
    /// </summary>
    public static string FindGitDir(string mirror, string repo)
    {
        var folder = Path.Combine(mirror, repo.Replace('/', '+'));
        foreach (var candidate in new[] { Path.Combine(folder, "repo"), folder })
        {
            if (File.Exists(Path.Combine(candidate, "HEAD")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No snapshot of {repo} under {mirror} (looked for {folder}/repo and {folder}).");
    }

    private static bool IsBuildFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Build.targets", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Skipped(string path, bool includeTests)
    {
        var folders = path.Split('/')[..^1];
        return folders.Any(f => f.Equals("obj", StringComparison.OrdinalIgnoreCase) || f.Equals("bin", StringComparison.OrdinalIgnoreCase))
            || (!includeTests && folders.Any(f => f.Contains("test", StringComparison.OrdinalIgnoreCase)));
    }
}
