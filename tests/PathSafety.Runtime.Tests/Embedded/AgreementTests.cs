using PathSafety.Build;

namespace PathSafety.Runtime.Tests.Embedded;

/// <summary>
/// The embedded class carries its own copy of PathSafety.Build's file check (the application must not depend on
/// PathSafety's assemblies). Both are run on the same files and must say the same thing in the same words.
/// </summary>
public sealed class AgreementTests : IDisposable
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly string _folder = Directory.CreateTempSubdirectory("pathsafety-agreement-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string?, bool, string?> Cases() => new()
    {
        { "present", "{}", false, null },
        { "missing", null, false, null },
        { "empty", string.Empty, false, null },
        { "empty-allowed", string.Empty, true, null },
        { "pinned-same", string.Empty, true, EmptyHash },
        { "pinned-upper-case", string.Empty, true, EmptyHash.ToUpperInvariant() },
        { "pinned-changed", "x", false, EmptyHash },
        { "folder", "<folder>", false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_embedded_copy_and_the_shared_check_agree(string name, string? content, bool allowEmpty, string? pin)
    {
        var path = Path.Combine(_folder, name + ".json");
        if (content == "<folder>")
        {
            Directory.CreateDirectory(path);
        }
        else if (content != null)
        {
            File.WriteAllText(path, content);
        }

        var shared = FileCheck.Inspect(path, allowEmpty, pin, out var sharedHash);
        var embedded = ProtectedFiles.Inspect(path, allowEmpty, pin, out var embeddedHash);

        Assert.Equal(shared.ToString(), embedded.ToString());
        Assert.Equal(sharedHash, embeddedHash);
        Assert.Equal(
            FolderVerifier.Describe(shared, path, sharedHash, pin),
            ProtectedFiles.Describe(embedded, path, embeddedHash, pin));
    }

    [Fact]
    public void Both_know_the_same_conditions()
    {
        Assert.Equal(Enum.GetNames<FileCondition>(), Enum.GetNames<ProtectedFileCondition>());
    }

    [Fact]
    public void A_missing_folder_is_worded_the_same()
    {
        var gone = Path.Combine(_folder, "gone");
        var manifest = ManifestReader.Read("{ \"version\": 1, \"files\": [ { \"path\": \"a.json\" } ] }", "m.json");

        Assert.Equal(
            Assert.Single(FolderVerifier.Verify(manifest, gone)).Message,
            Assert.Single(ProtectedFiles.Verify(gone, [new ProtectedFile("a.json", false, null)])).Message);
    }
}
