using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

/// <summary>The build-output check: PS1001, PS1003, PS1004, severities and how errors are logged.</summary>
public sealed class VerifyProtectedFilesTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Present_files_pass()
    {
        using var output = new TempFolder();
        output.Write("appsettings.json");
        output.Write("config/widgets.json");

        var engine = Run(output.Path, Item("appsettings.json"), Item(@"config\widgets.json"));

        Assert.Empty(engine.Codes);
    }

    [Fact]
    public void No_protected_files_is_a_pass()
    {
        using var output = new TempFolder();
        Assert.Empty(Run(output.Path).Codes);
    }

    [Fact]
    public void Missing_file_is_PS1001_logged_with_code_help_link_and_project_file()
    {
        using var output = new TempFolder();

        var engine = Run(output.Path, Item("config/widgets.json"));

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PS1001", error.Code);
        Assert.Equal("PS1001", error.HelpKeyword);
        Assert.Equal("https://github.com/PathSafety/PathSafety/blob/main/docs/build/PS1001.md", error.HelpLink);
        Assert.Equal(ProjectFile, error.File);
        Assert.Contains("'config/widgets.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains(output.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("no item copies it to the output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_that_the_build_copied_was_removed_by_a_later_step()
    {
        using var output = new TempFolder();
        var task = Create(output.Path, Item("appsettings.json"));
        task.CopiedFiles = [Item("/project/appsettings.json", ("TargetPath", "appsettings.json"))];

        var error = Assert.Single(Run(task).Errors);

        Assert.Equal("PS1001", error.Code);
        Assert.Contains("copied to the output and then removed by a later step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_in_FileWrites_was_removed_by_a_later_step()
    {
        using var output = new TempFolder();
        var task = Create(output.Path + Path.DirectorySeparatorChar, Item("config/widgets.json"));
        task.WrittenFiles = [Item(output.Combine("config/widgets.json")), Item("relative/ignored.json"), Item("/elsewhere/config/widgets.json")];

        var error = Assert.Single(Run(task).Errors);

        Assert.Contains("then removed by a later step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_folder_and_FileWrites_are_taken_from_the_project_folder()
    {
        using var project = new TempFolder();
        project.Write("bin/Debug/appsettings.json");
        var task = Create("bin/Debug/", Item("appsettings.json"), Item("config/widgets.json"));
        task.ProjectFile = project.Combine("Consumer.csproj");
        task.WrittenFiles = [Item("bin/Debug/config/widgets.json")];

        var error = Assert.Single(Run(task).Errors);

        Assert.Contains("'config/widgets.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains(project.Combine("bin/Debug/"), error.Message, StringComparison.Ordinal);
        Assert.Contains("then removed by a later step", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "CopyToOutputDirectory is not set")]
    [InlineData("Never", "CopyToOutputDirectory is 'Never'")]
    public void Missing_file_whose_item_is_not_copied_names_the_item(string copyToOutput, string cause)
    {
        using var output = new TempFolder();
        var task = Create(output.Path, Item("settings/appsettings.json"));
        task.ProjectItems = [Item(@"settings\appsettings.json", ("TargetPath", @"settings\appsettings.json"),
            ("CopyToOutputDirectory", copyToOutput))];

        var error = Assert.Single(Run(task).Errors);

        // TaskItem writes separators the platform's way, as MSBuild does.
        Assert.Contains("the project item 'settings" + Path.DirectorySeparatorChar + "appsettings.json' is not copied to the output (" + cause + ")",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_protected_file_says_why_it_is_protected()
    {
        using var output = new TempFolder();

        var error = Assert.Single(Run(output.Path, Item("appsettings.json", ("PathSafetyAutoProtectedFrom", "appsettings.json"))).Errors);

        Assert.Contains("protected by default as a configuration file, from 'appsettings.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_PS1003_unless_AllowEmpty()
    {
        using var output = new TempFolder();
        output.Write("appsettings.json", string.Empty);
        output.Write("empty-on-purpose.json", string.Empty);

        var engine = Run(output.Path, Item("appsettings.json"), Item("empty-on-purpose.json", ("AllowEmpty", "true")));

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PS1003", error.Code);
        Assert.Contains("'appsettings.json' is empty", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/PS1003.md", error.HelpLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Pinned_hash_mismatch_is_PS1004_and_a_match_passes()
    {
        using var output = new TempFolder();
        output.Write("pinned.json", "{}");
        output.Write("empty.json", string.Empty);
        const string hashOfBraces = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

        var engine = Run(output.Path,
            Item("pinned.json", ("Sha256", hashOfBraces.ToUpperInvariant())),
            Item("empty.json", ("AllowEmpty", "true"), ("Sha256", hashOfBraces)));

        var error = Assert.Single(engine.Errors);
        Assert.Equal("PS1004", error.Code);
        Assert.Contains(EmptySha256, error.Message, StringComparison.Ordinal);
        Assert.Contains("not the pinned " + hashOfBraces, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_warning_logs_warnings_and_the_task_succeeds()
    {
        using var output = new TempFolder();
        output.Write("empty.json", string.Empty);

        var engine = Run(output.Path, Item("missing.json", ("Severity", "Warning")), Item("empty.json", ("Severity", "Warning")));

        Assert.Equal(["warning PS1001", "warning PS1003"], engine.Codes);
        Assert.All(engine.Warnings, w => Assert.Equal(ProjectFile, w.File));
        Assert.All(engine.Warnings, w => Assert.EndsWith("/" + w.Code + ".md", w.HelpLink, StringComparison.Ordinal));
    }

    [Fact]
    public void TreatWarningsAsErrors_raises_item_warnings_and_NoWarn_silences_them()
    {
        using var output = new TempFolder();
        var raised = Create(output.Path, Item("missing.json", ("Severity", "Warning")));
        raised.TreatWarningsAsErrors = true;
        Assert.Equal(["error PS1001"], Run(raised).Codes);

        var silenced = Create(output.Path, Item("missing.json", ("Severity", "Warning")));
        silenced.NoWarn = "CS1591;PS1001";
        var engine = Run(silenced);
        Assert.Empty(engine.Codes);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("PS1001 (suppressed by NoWarn)", StringComparison.Ordinal));
    }

    [Fact]
    public void CI_escalation_and_WarningsAsErrors_raise_item_warnings_and_WarningsNotAsErrors_keeps_them_outside_CI()
    {
        using var output = new TempFolder();
        var ci = Create(output.Path, Item("missing.json", ("Severity", "Warning")));
        ci.EscalateWarnings = true;
        Assert.Equal(["error PS1001"], Run(ci).Codes);

        var listed = Create(output.Path, Item("missing.json", ("Severity", "Warning")));
        listed.WarningsAsErrors = "PS1001";
        Assert.Equal(["error PS1001"], Run(listed).Codes);

        var exempt = Create(output.Path, Item("missing.json", ("Severity", "Warning")));
        exempt.TreatWarningsAsErrors = true;
        exempt.WarningsNotAsErrors = "PS1001";
        Assert.Equal(["warning PS1001"], Run(exempt).Codes);

        // In CI MSBuild raises the code through MSBuildWarningsAsErrors whatever WarningsNotAsErrors says; so does the task.
        var ci2 = Create(output.Path, Item("missing.json", ("Severity", "Warning")));
        ci2.EscalateWarnings = true;
        ci2.WarningsNotAsErrors = "PS1001";
        Assert.Equal(["error PS1001"], Run(ci2).Codes);
    }

    [Fact]
    public void Explicit_declaration_replaces_the_default_one_for_the_same_file()
    {
        using var output = new TempFolder();

        var engine = Run(output.Path,
            Item("appsettings.json", ("PathSafetyAutoProtectedFrom", "appsettings.json")),
            Item("./appsettings.json", ("Severity", "Warning")),
            Item("appsettings.json"));

        var warning = Assert.Single(engine.Warnings);
        Assert.Empty(engine.Errors);
        Assert.DoesNotContain("protected by default", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_file_is_reported_once()
    {
        using var output = new TempFolder();

        var engine = Run(output.Path, Item("a.json"), Item("b.json"), Item("a.json"), Item(@".\b.json"));

        Assert.Equal(["error PS1001", "error PS1001"], engine.Codes);
    }
}
