namespace PathSafety.Runtime.Tests.Embedded;

/// <summary>The embedded PathSafety.ProtectedFiles: Verify reports, EnsurePresent throws a message a person can act on.</summary>
public sealed class ProtectedFilesTests : IDisposable
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly string _folder = Directory.CreateTempSubdirectory("pathsafety-runtime-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string content = "{}")
    {
        var path = Path.Combine(_folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Sound_files_give_no_problems()
    {
        Write("appsettings.json");
        Write("config/empty.json", string.Empty);
        Write("config/pinned.json", string.Empty);

        var problems = ProtectedFiles.Verify(_folder, [
            new ProtectedFile("appsettings.json", false, null),
            new ProtectedFile("config/empty.json", true, null),
            new ProtectedFile("config/pinned.json", true, EmptyHash.ToUpperInvariant()),
        ]);

        Assert.Empty(problems);
    }

    [Fact]
    public void Each_problem_has_its_condition_and_full_path()
    {
        Write("empty.json", string.Empty);
        Write("pinned.json", "changed");
        Directory.CreateDirectory(Path.Combine(_folder, "dir.json"));

        var problems = ProtectedFiles.Verify(_folder, [
            new ProtectedFile("missing.json", false, null),
            new ProtectedFile("empty.json", false, null),
            new ProtectedFile("dir.json", false, null),
            new ProtectedFile("pinned.json", false, EmptyHash),
        ]);

        Assert.Equal(
            [ProtectedFileCondition.Missing, ProtectedFileCondition.Empty, ProtectedFileCondition.Folder, ProtectedFileCondition.Changed],
            problems.Select(p => p.Condition));
        Assert.Equal(Path.Combine(_folder, "missing.json"), problems[0].FullPath);
        Assert.Equal("missing.json", problems[0].Path);
        Assert.Equal("'" + Path.Combine(_folder, "missing.json") + "' is missing.", problems[0].ToString());
    }

    [Fact]
    public void EnsurePresent_lists_every_problem_the_folder_and_what_to_do()
    {
        Write("empty.json", string.Empty);
        var files = new[] { new ProtectedFile("appsettings.json", false, null), new ProtectedFile("empty.json", false, null) };

        var message = ProtectedFiles.Describe(ProtectedFiles.Verify(_folder, files), _folder);

        Assert.StartsWith("2 protected files the application needs are missing or damaged in '" + _folder + "':", message, StringComparison.Ordinal);
        Assert.Contains("  - '" + Path.Combine(_folder, "appsettings.json") + "' is missing.", message, StringComparison.Ordinal);
        Assert.Contains("  - '" + Path.Combine(_folder, "empty.json") + "' is empty.", message, StringComparison.Ordinal);
        Assert.Contains("Restore them", message, StringComparison.Ordinal);
        Assert.Contains("pathsafety verify", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_problem_not_an_exception()
    {
        var gone = Path.Combine(_folder, "gone");

        var problem = Assert.Single(ProtectedFiles.Verify(gone, [new ProtectedFile("appsettings.json", false, null)]));

        Assert.Equal((string.Empty, ProtectedFileCondition.Missing), (problem.Path, problem.Condition));
        Assert.Equal("The folder '" + gone + "' does not exist.", problem.Message);
    }

    [Fact]
    public void Without_a_generated_list_there_is_nothing_to_check_and_EnsurePresent_passes()
    {
        // This test project compiles the static half only; the build adds the generated list (tested end to end).
        Assert.Empty(ProtectedFiles.Files);
        Assert.Empty(ProtectedFiles.Verify());
        ProtectedFiles.EnsurePresent(_folder);
    }

    [Fact]
    public void The_default_folder_is_the_application_base_directory()
    {
        var message = ProtectedFiles.Describe([new ProtectedFileProblem("a.json", "x", ProtectedFileCondition.Missing, "m")]);

        Assert.Contains("'" + Path.GetFullPath(AppContext.BaseDirectory) + "'", message, StringComparison.Ordinal);
        Assert.StartsWith("A protected file the application needs is missing", message, StringComparison.Ordinal);
    }
}
