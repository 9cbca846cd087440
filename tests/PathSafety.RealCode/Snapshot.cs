using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PathSafety.RealCode;

/// <summary>A file of a snapshot: its path relative to the repository root ('/' separated) and its text.</summary>
internal sealed record SnapshotFile(string Path, string Text);

/// <summary>
/// The C# sources and MSBuild files of one commit of a bare git directory, read blob by blob ('git ls-tree' then
/// 'git cat-file --batch'): no work tree, nothing written to disk, and large binaries a partial snapshot lacks are never
/// asked for. obj/ and bin/ are skipped; test folders too when asked.
/// </summary>
internal sealed record Snapshot(IReadOnlyList<SnapshotFile> Sources, IReadOnlyList<SnapshotFile> BuildFiles)
{
    public static Snapshot Export(string gitDir, string commit, string? subdir, bool includeTests)
    {
        var listing = Git(gitDir, ["ls-tree", "-r", "-z", "--full-tree", commit, .. subdir is null ? Array.Empty<string>() : ["--", subdir]]);
        var wanted = new List<(string Path, string Blob, bool Source)>();
        foreach (var entry in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // '<mode> blob <sha>\t<path>'
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ');
            var path = entry[(tab + 1)..];
            if (fields[1] != "blob" || Skipped(path, includeTests))
            {
                continue;
            }

            if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || IsBuildFile(path))
            {
                wanted.Add((path, fields[2], path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)));
            }
        }

        var texts = ReadBlobs(gitDir, wanted.Select(w => w.Blob).ToList());
        var files = wanted.Select((w, i) => (w.Source, File: new SnapshotFile(w.Path, texts[i]))).ToList();
        return new Snapshot(files.Where(f => f.Source).Select(f => f.File).ToList(), files.Where(f => !f.Source).Select(f => f.File).ToList());
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

    private static string Git(string gitDir, IEnumerable<string> arguments)
    {
        using var git = Start(gitDir, arguments);
        var errors = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} in {gitDir} failed: {errors.Result.Trim()}");
    }

    /// <summary>
    /// The texts of the blobs, in order ('cat-file --batch': a '&lt;sha&gt; &lt;type&gt; &lt;size&gt;' line, the bytes, a newline).
    /// </summary>
    private static List<string> ReadBlobs(string gitDir, List<string> blobs)
    {
        using var git = Start(gitDir, ["cat-file", "--batch"], input: true);
        var writer = Task.Run(() =>
        {
            foreach (var blob in blobs)
            {
                git.StandardInput.Write(blob + "\n");
            }

            git.StandardInput.Close();
        });
        var output = git.StandardOutput.BaseStream;
        var texts = new List<string>(blobs.Count);
        foreach (var blob in blobs)
        {
            var header = ReadLine(output).Split(' ');
            if (header.Length != 3)
            {
                throw new InvalidOperationException($"Blob {blob} is missing from {gitDir} ({string.Join(' ', header)}).");
            }

            var bytes = new byte[int.Parse(header[2], CultureInfo.InvariantCulture)];
            output.ReadExactly(bytes);
            output.ReadByte();
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            texts.Add(reader.ReadToEnd());
        }

        writer.Wait();
        git.WaitForExit();
        return texts;
    }

    private static string ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        for (var b = stream.ReadByte(); b is not (-1 or '\n'); b = stream.ReadByte())
        {
            line.Append((char)b);
        }

        return line.ToString();
    }

    private static Process Start(string gitDir, IEnumerable<string> arguments, bool input = false)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = !input, RedirectStandardInput = input };
        start.ArgumentList.Add("--git-dir=" + gitDir);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("git did not start");
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
