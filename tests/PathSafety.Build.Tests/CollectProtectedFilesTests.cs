using Microsoft.Build.Framework;
using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

public sealed class CollectProtectedFilesTests
{
    private static CollectProtectedFiles Collect(ITaskItem[] declared, ITaskItem[] projectItems, ITaskItem[]? appConfig = null,
        bool autoProtect = true)
    {
        var task = new CollectProtectedFiles
        {
            BuildEngine = new FakeBuildEngine(),
            DeclaredFiles = declared,
            ProjectItems = projectItems,
            AppConfigFiles = appConfig ?? [],
            AutoProtect = autoProtect,
            OutputDirectory = "/out/",
        };
        Assert.True(task.Execute());
        Assert.Empty(((FakeBuildEngine)task.BuildEngine).Codes);
        return task;
    }

    private static ITaskItem Copied(string source, string targetPath, string copyToOutput = "PreserveNewest", string copyToPublish = "") =>
        Item(source, ("TargetPath", targetPath), ("CopyToOutputDirectory", copyToOutput), ("CopyToPublishDirectory", copyToPublish));

    [Theory]
    [InlineData("appsettings.json", "appsettings.json")]
    [InlineData("AppSettings.JSON", "AppSettings.JSON")]
    [InlineData("appsettings.Production.json", "appsettings.Production.json")]
    [InlineData("web.config", "web.config")]
    [InlineData("nlog.config", "config/nlog.config")]
    [InlineData("shared/prod.json", "appsettings.Production.json")]
    [InlineData("appsettings.json", "conf/settings.json")]
    [InlineData("O'Brien.config", "O'Brien.config")]
    public void Configuration_files_copied_to_the_output_are_protected_by_default_under_their_output_name(string source, string targetPath)
    {
        var task = Collect([], [Copied(source, targetPath)]);

        var file = Assert.Single(task.ProtectedFiles);
        Assert.Equal(targetPath, file.ItemSpec);
        Assert.Equal(source, file.GetMetadata("PathSafetyAutoProtectedFrom"));
        Assert.Equal("true", file.GetMetadata("Publish"));
        Assert.Equal(targetPath, task.AutoProtectedList);
        Assert.Equal(string.Empty, task.DeclaredList);
        Assert.Equal(source, Assert.Single(task.UpToDateCheckInputs).ItemSpec);
        Assert.Equal(Path.Combine("/out/", targetPath), Assert.Single(task.UpToDateCheckOutputs).ItemSpec);
    }

    [Theory]
    [InlineData("appsettings.json", "Never")]
    [InlineData("appsettings.json", "")]
    [InlineData("settings.json", "PreserveNewest")]
    [InlineData("appsettings.txt", "Always")]
    [InlineData("appsettings..json", "Always")]
    [InlineData(".config", "Always")]
    [InlineData("app.config.bak", "Always")]
    public void Files_not_copied_or_not_configuration_are_not_protected_by_default(string source, string copyToOutput)
    {
        var task = Collect([], [Copied(source, source, copyToOutput)]);

        Assert.Empty(task.ProtectedFiles);
        Assert.Equal(string.Empty, task.AutoProtectedList);
        Assert.Empty(task.UpToDateCheckOutputs);
    }

    [Fact]
    public void CopyToPublishDirectory_Never_protects_the_build_output_only()
    {
        var task = Collect([], [Copied("appsettings.Development.json", "appsettings.Development.json", "PreserveNewest", "Never")]);

        Assert.Equal("false", Assert.Single(task.ProtectedFiles).GetMetadata("Publish"));
    }

    [Fact]
    public void App_config_is_protected_under_its_output_name()
    {
        var task = Collect([], [], [Item("App.config", ("TargetPath", "MyApp.dll.config"))]);

        var file = Assert.Single(task.ProtectedFiles);
        Assert.Equal("MyApp.dll.config", file.ItemSpec);
        Assert.Equal("App.config", file.GetMetadata("PathSafetyAutoProtectedFrom"));
    }

    [Fact]
    public void AutoProtect_false_keeps_declared_files_only()
    {
        var task = Collect([Item("config/widgets.json")], [Copied("appsettings.json", "appsettings.json")],
            [Item("App.config", ("TargetPath", "a.dll.config"))], autoProtect: false);

        Assert.Equal("config/widgets.json", Assert.Single(task.ProtectedFiles).ItemSpec);
        Assert.Equal(string.Empty, task.AutoProtectedList);
    }

    [Fact]
    public void Declared_files_are_passed_on_with_their_metadata_and_listed_normalised_when_valid()
    {
        var task = Collect(
            [Item(@"config\widgets.json", ("Severity", "Warning")), Item("./config/widgets.json"), Item("/etc/abs.json"), Item("../up.json"),
                Item("it's.json")],
            [Copied("appsettings.json", "appsettings.json")]);

        Assert.Equal(6, task.ProtectedFiles.Length);
        Assert.Equal("Warning", task.ProtectedFiles[0].GetMetadata("Severity"));
        Assert.Equal("config/widgets.json|it's.json", task.DeclaredList);
        Assert.Equal("appsettings.json", task.AutoProtectedList);
        Assert.Equal(
            [Path.Combine("/out/", "config/widgets.json"), Path.Combine("/out/", "it's.json"), Path.Combine("/out/", "appsettings.json")],
            task.UpToDateCheckOutputs.Select(i => i.ItemSpec));
    }

    [Fact]
    public void Declared_file_that_exists_in_the_project_folder_is_an_up_to_date_input()
    {
        using var project = new TempFolder();
        project.Write("config/widgets.json");
        var task = new CollectProtectedFiles
        {
            BuildEngine = new FakeBuildEngine(),
            DeclaredFiles = [Item("config/widgets.json"), Item("generated.json")],
            ProjectDirectory = project.Path,
        };

        Assert.True(task.Execute());

        Assert.Equal("config/widgets.json", Assert.Single(task.UpToDateCheckInputs).ItemSpec);
        Assert.Empty(task.UpToDateCheckOutputs);
    }

    [Fact]
    public void Special_characters_in_names_survive_MSBuild_escaping()
    {
        var task = Collect([], [Copied("100%;@$(x).config", "100%;@$(x).config")]);

        // A ';' cannot travel to the analyzers; the file is still verified.
        Assert.Equal("100%;@$(x).config", Assert.Single(task.ProtectedFiles).ItemSpec);
        Assert.Equal(string.Empty, task.AutoProtectedList);

        var plain = Collect([], [Copied("100%@$(x).config", "100%@$(x).config")]);
        Assert.Equal("100%@$(x).config", Assert.Single(plain.ProtectedFiles).ItemSpec);
        Assert.Equal("100%@$(x).config", plain.AutoProtectedList);
    }

    [Fact]
    public void A_name_with_a_hash_is_verified_but_kept_out_of_the_analyzers_list()
    {
        // The compiler's .editorconfig reader would cut the value at '#'.
        var task = Collect([Item("config/#1.json"), Item("config/a.json")], [Copied("web#1.config", "web#1.config")]);

        Assert.Equal(["config/#1.json", "config/a.json", "web#1.config"], task.ProtectedFiles.Select(i => i.ItemSpec));
        Assert.Equal("config/a.json", task.DeclaredList);
        Assert.Equal(string.Empty, task.AutoProtectedList);
    }

    [Fact]
    public void Null_inputs_are_tolerated()
    {
        var task = new CollectProtectedFiles { BuildEngine = new FakeBuildEngine(), DeclaredFiles = [null!], ProjectItems = null!,
            AppConfigFiles = [null!] };

        Assert.True(task.Execute());
        Assert.Empty(task.ProtectedFiles);
    }
}
