using Microsoft.Build.Framework;
using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

/// <summary>The generated half of PathSafety.ProtectedFiles: the deployed protected files, as C# 7.3.</summary>
public sealed class WriteProtectedFilesSourceTests
{
    private const string Hash = "44136FA355B3678A1146AD16F7E8649E94FB4FC21FE77E8310C060F61CAAFF8A";

    private static (bool Result, FakeBuildEngine Engine, string Source) Generate(string path, params ITaskItem[] items)
    {
        var engine = new FakeBuildEngine();
        var task = new WriteProtectedFilesSource { BuildEngine = engine, ProtectedFiles = items, OutputFile = path };
        var result = task.Execute();
        return (result, engine, File.Exists(path) ? File.ReadAllText(path) : string.Empty);
    }

    [Fact]
    public void Lists_deployed_files_sorted_with_their_declarations()
    {
        using var folder = new TempFolder();
        var (result, engine, source) = Generate(
            folder.Combine("obj/PathSafety.ProtectedFiles.g.cs"),
            Item("z.json"),
            Item("config\\ü '$.json", ("AllowEmpty", "true"), ("Sha256", Hash)),
            Item("appsettings.Development.json", ("Publish", "false")),
            Item("/abs.json"),
            Item("appsettings.json", ("PathSafetyAutoProtectedFrom", "appsettings.json")));

        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Contains("internal const string GeneratedBy = \"" + ManifestWriter.PackageVersion + "\";", source, StringComparison.Ordinal);
        var lines = source.Split('\n').Where(l => l.Contains("files.Add(", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(
            [
                "files.Add(new ProtectedFile(\"appsettings.json\", false, null));",
                "files.Add(new ProtectedFile(\"config/ü '$.json\", true, \"" + Hash.ToLowerInvariant() + "\"));",
                "files.Add(new ProtectedFile(\"z.json\", false, null));",
            ],
            lines);
    }

    [Fact]
    public void An_unchanged_list_leaves_the_file_alone()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("list.g.cs");
        Generate(path, Item("appsettings.json"));
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Generate(path, Item("appsettings.json"));

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_one_PS1005_error()
    {
        using var folder = new TempFolder();
        folder.Write("blocker", "a file where a folder should be");

        var (result, engine, _) = Generate(folder.Combine("blocker/list.g.cs"), Item("appsettings.json"));

        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("PS1005", error.Code);
        Assert.Contains("could not write the protected-file list", error.Message, StringComparison.Ordinal);
    }
}
