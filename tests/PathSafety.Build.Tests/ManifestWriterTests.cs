using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

public sealed class ManifestWriterTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Manifest_lists_present_files_sorted_with_size_and_hash()
    {
        using var output = new TempFolder();
        output.Write("z.json", "{}");
        output.Write("config/a\"q.json", string.Empty);
        var task = Create(output.Path, Item("z.json"), Item("config/a\"q.json".Replace("\"", "_", StringComparison.Ordinal)),
            Item("missing.json", ("Severity", "Warning")));
        output.Write("config/a_q.json", string.Empty);
        task.ProtectedFiles[1].SetMetadata("AllowEmpty", "true");
        task.WriteManifest = true;

        var engine = Run(task);

        Assert.Equal(["warning PS1001"], engine.Codes);
        var manifestPath = Path.Combine(output.Path, "pathsafety.manifest.json");
        Assert.Equal(manifestPath, task.Manifest!.ItemSpec);
        Assert.Equal($$"""
            {
              "version": 1,
              "packageVersion": "{{ManifestWriter.PackageVersion}}",
              "files": [
                { "path": "config/a_q.json", "size": 0, "sha256": "{{EmptySha256}}", "allowEmpty": true },
                { "path": "z.json", "size": 2, "sha256": "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" }
              ]
            }

            """.ReplaceLineEndings("\n"), File.ReadAllText(manifestPath));
    }

    [Fact]
    public void Unchanged_manifest_is_not_rewritten()
    {
        using var output = new TempFolder();
        output.Write("appsettings.json");
        var manifestPath = output.Combine("obj/manifest.json");
        for (var i = 0; i < 2; i++)
        {
            var task = Create(output.Path, Item("appsettings.json"));
            task.WriteManifest = true;
            task.ManifestPath = manifestPath;
            Assert.Empty(Run(task).Codes);
            if (i == 0)
            {
                File.SetLastWriteTimeUtc(manifestPath, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            }
        }

        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(manifestPath));
    }

    [Fact]
    public void Empty_manifest_is_valid_JSON()
    {
        using var output = new TempFolder();
        var task = Create(output.Path);
        task.WriteManifest = true;

        Run(task);

        var expected = "{\n  \"version\": 1,\n  \"packageVersion\": \"" + ManifestWriter.PackageVersion + "\",\n  \"files\": []\n}\n";
        Assert.Equal(expected, File.ReadAllText(task.Manifest!.ItemSpec));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
    [InlineData("ü設", "\"ü設\"")]
    [InlineData("\u0001\n", "\"\\u0001\\n\"")]
    public void Strings_are_escaped(string value, string expected)
    {
        Assert.Equal(expected, TextOutput.Quote(value));
    }
}
