using Microsoft.Build.Framework;
using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

/// <summary>The publish checks: against the list about to be published, and on disk after the copy (PS1002).</summary>
public sealed class PublishVerificationTests
{
    private static VerifyProtectedFiles PublishList(string folder, ITaskItem[] publishFiles, params ITaskItem[] protectedFiles)
    {
        var task = Create(folder, protectedFiles);
        task.Target = "PublishList";
        task.PublishFiles = publishFiles;
        return task;
    }

    [Fact]
    public void Listed_files_pass_before_anything_is_copied()
    {
        using var publish = new TempFolder();
        var task = PublishList(publish.Path,
            [Item("/p/appsettings.json", ("RelativePath", "appsettings.json")), Item("/p/w.json", ("RelativePath", @"config\w.json"))],
            Item("appsettings.json"), Item("config/w.json"));

        Assert.Empty(Run(task).Codes);
    }

    [Fact]
    public void CopyToPublishDirectory_Never_is_PS1002_naming_the_item()
    {
        using var publish = new TempFolder();
        var task = PublishList(publish.Path, [], Item("appsettings.json"));
        task.ProjectItems = [Item("appsettings.json", ("TargetPath", "appsettings.json"), ("CopyToOutputDirectory", "PreserveNewest"),
            ("CopyToPublishDirectory", "Never"))];

        var error = Assert.Single(Run(task).Errors);

        Assert.Equal("PS1002", error.Code);
        Assert.EndsWith("/PS1002.md", error.HelpLink, StringComparison.Ordinal);
        Assert.Contains("missing from the files to publish to '" + publish.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("CopyToPublishDirectory is \"Never\" on the project item 'appsettings.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_copied_to_the_build_output_but_not_published_says_so()
    {
        using var publish = new TempFolder();
        var task = PublishList(publish.Path, [], Item("appsettings.json"));
        task.CopiedFiles = [Item("/p/appsettings.json", ("TargetPath", "appsettings.json"))];

        var error = Assert.Single(Run(task).Errors);

        Assert.Contains("not among the files to publish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_false_is_required_in_the_build_output_only()
    {
        using var publish = new TempFolder();
        var task = PublishList(publish.Path, [], Item("dev-only.json", ("Publish", "false")));
        Assert.Empty(Run(task).Codes);

        using var output = new TempFolder();
        Assert.Equal(["error PS1001"], Run(output.Path, Item("dev-only.json", ("Publish", "false"))).Codes);
    }

    [Fact]
    public void On_disk_after_the_copy_a_removed_file_is_PS1002_and_an_empty_one_PS1003()
    {
        using var publish = new TempFolder();
        publish.Write("empty.json", string.Empty);
        var task = Create(publish.Path, Item("appsettings.json"), Item("empty.json"), Item("never-listed.json"));
        task.Target = "PublishDirectory";
        task.PublishFiles = [Item("/p/appsettings.json", ("RelativePath", "appsettings.json")),
            Item("/p/empty.json", ("RelativePath", "empty.json"))];

        var engine = Run(task);

        // never-listed.json was reported by the list check already; once is enough.
        Assert.Equal(["error PS1002", "error PS1003"], engine.Codes);
        Assert.Contains("was in the list of files to publish and was removed after the copy", engine.Errors.Single(e => e.Code == "PS1002").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_inside_the_single_file_bundle_is_published_in_the_list_and_on_disk()
    {
        // PublishSingleFile moves bundled files out of ResolvedFileToPublish into _FilesToBundle.
        using var publish = new TempFolder();
        ITaskItem[] bundled = [Item("/p/appsettings.json", ("RelativePath", "appsettings.json"))];
        var list = PublishList(publish.Path, [], Item("appsettings.json"), Item("config/w.json"));
        list.BundledFiles = bundled;
        Assert.Equal(["error PS1002"], Run(list).Codes);

        var folder = Create(publish.Path, Item("appsettings.json"));
        folder.Target = "PublishDirectory";
        folder.PublishFiles = [];
        folder.BundledFiles = bundled;
        Assert.Empty(Run(folder).Codes);
    }

    [Fact]
    public void On_disk_without_a_publish_list_every_missing_file_is_reported()
    {
        using var publish = new TempFolder();
        var task = Create(publish.Path, Item("appsettings.json"));
        task.Target = "PublishDirectory";

        var error = Assert.Single(Run(task).Errors);

        Assert.Equal("PS1002", error.Code);
        Assert.Contains("missing from the publish folder", error.Message, StringComparison.Ordinal);
    }
}
