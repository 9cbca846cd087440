using PathSafety.Build.Tests.Infrastructure;

namespace PathSafety.Build.Tests;

/// <summary>A deployed folder checked against its manifest (what 'pathsafety verify' reports).</summary>
public sealed class FolderVerifierTests
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static ProtectedFileManifest Manifest(params string[] entries) =>
        ManifestReader.Read("{ \"version\": 1, \"files\": [" + string.Join(",", entries) + "] }", "m.json");

    [Fact]
    public void A_sound_folder_has_no_problems()
    {
        using var folder = new TempFolder();
        folder.Write("appsettings.json");
        folder.Write("config/empty.json", string.Empty);

        var problems = FolderVerifier.Verify(
            Manifest("{ \"path\": \"appsettings.json\" }", "{ \"path\": \"config/empty.json\", \"allowEmpty\": true }"), folder.Path);

        Assert.Empty(problems);
    }

    [Fact]
    public void Each_problem_names_the_full_path()
    {
        using var folder = new TempFolder();
        folder.Write("empty.json", string.Empty);
        folder.Write("pinned.json", "changed");
        Directory.CreateDirectory(folder.Combine("dir.json"));
        var manifest = Manifest(
            "{ \"path\": \"missing.json\" }",
            "{ \"path\": \"empty.json\" }",
            "{ \"path\": \"dir.json\" }",
            "{ \"path\": \"pinned.json\", \"sha256\": \"" + EmptyHash + "\", \"pinned\": true }");

        var problems = FolderVerifier.Verify(manifest, folder.Path);

        Assert.Equal(
            [FileCondition.Missing, FileCondition.Empty, FileCondition.Folder, FileCondition.Changed],
            problems.Select(p => p.Condition));
        Assert.Equal("'" + folder.Combine("missing.json") + "' is missing.", problems[0].Message);
        Assert.Equal("'" + folder.Combine("empty.json") + "' is empty.", problems[1].Message);
        Assert.Contains("the build pinned " + EmptyHash, problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpinned_hash_is_a_record_not_a_requirement()
    {
        using var folder = new TempFolder();
        folder.Write("appsettings.json", "edited on the server");

        Assert.Empty(FolderVerifier.Verify(Manifest("{ \"path\": \"appsettings.json\", \"sha256\": \"" + EmptyHash + "\" }"), folder.Path));
    }

    [Fact]
    public void A_missing_folder_is_one_problem_not_an_exception()
    {
        using var parent = new TempFolder();
        var gone = parent.Combine("gone");

        var problem = Assert.Single(FolderVerifier.Verify(Manifest("{ \"path\": \"appsettings.json\" }"), gone));

        Assert.Equal((string.Empty, FileCondition.Missing), (problem.RelativePath, problem.Condition));
        Assert.Equal("The folder '" + gone + "' does not exist.", problem.Message);
    }
}
