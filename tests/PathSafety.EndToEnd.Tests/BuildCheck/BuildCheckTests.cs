using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.BuildCheck;

/// <summary>The build check (PS1001-PS1005) through the real package, with real 'dotnet build' and 'dotnet publish'.</summary>
public sealed class BuildCheckTests
{
    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main() => Console.WriteLine(AppContext.BaseDirectory);
        }
        """;

    private const string Library = """
        namespace Consumer;

        public static class Widgets
        {
            public static string Name => "widgets";
        }
        """;

    /// <summary>appsettings.json copied to the output (protected by default) and a declared config/widgets.json.</summary>
    private const string ConfiguredProject = """
          <ItemGroup>
            <Content Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
            <None Update="config/widgets.json" CopyToOutputDirectory="PreserveNewest" />
            <ProtectedFile Include="config/widgets.json" />
          </ItemGroup>
        """;

    private const string DeleteAppSettingsAfterBuild = """
          <Target Name="TidyOutput" AfterTargets="Build">
            <Delete Files="$(OutDir)appsettings.json" />
          </Target>
        """;

    private static ConsumerProject Configured(string extraContent = "") => new ConsumerProject
    {
        ProjectContent = ConfiguredProject + extraContent,
    }
        .WithFile("Program.cs", Program)
        .WithFile("appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }")
        .WithFile("config/widgets.json", "{ \"widgets\": [] }");

    [Fact]
    public void Correct_project_passes_build_rebuild_publish_and_publish_without_build_and_exposes_the_list_to_analyzers()
    {
        // Also protected by default: App.config (as Consumer.dll.config) and a *.config whose name has an apostrophe.
        using var consumer = Configured("""
              <ItemGroup>
                <None Update="it's.config" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            """)
            .WithFile("App.config", "<configuration />\n")
            .WithFile("it's.config", "<configuration />\n");

        consumer.Build().ShouldSucceed().ShouldReportExactly();

        // The analyzers (PS0006) read the protected list from the generated .editorconfig.
        var editorConfig = consumer.ReadFile("obj/Debug/net10.0/Consumer.GeneratedMSBuildEditorConfig.editorconfig")
            .ReplaceLineEndings("\n")
            .Split('\n');
        Assert.Contains("build_property.PathSafetyProtectedFiles = config/widgets.json", editorConfig);
        Assert.Contains("build_property.PathSafetyAutoProtectedFiles = appsettings.json|it's.config|Consumer.dll.config", editorConfig);

        // A second, unchanged build stays green and compiles nothing; the check still runs (it is cheap enough to run every time).
        consumer.Build("-v:d").ShouldSucceed().ShouldReportExactly()
            .ShouldContainOutput("Skipping target \"CoreCompile\" because all output files are up-to-date")
            .ShouldContainOutput("Done building target \"PathSafetyVerifyBuildOutput\"");

        consumer.Publish("-p:PathSafetyWriteManifest=true").ShouldSucceed().ShouldReportExactly();
        var manifest = consumer.ReadFile("bin/Release/net10.0/publish/pathsafety.manifest.json");
        Assert.Contains("{ \"path\": \"appsettings.json\", \"size\": ", manifest, StringComparison.Ordinal);
        Assert.Contains(
            "{ \"path\": \"config/widgets.json\", \"size\": 17, "
                + "\"sha256\": \"62dad5d879b3f6e8c2759a277fd3ea50d7ab6bcd6078ec6a5f88dab9e9beebca\" }",
            manifest,
            StringComparison.Ordinal);
        Assert.Contains("{ \"path\": \"Consumer.dll.config\", \"size\": 18, ", manifest, StringComparison.Ordinal);

        Directory.Delete(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "publish"), recursive: true);
        consumer.Publish("--no-build").ShouldSucceed().ShouldReportExactly();
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "publish", "config", "widgets.json")));
    }

    [Fact]
    public void Declared_file_that_nothing_copies_is_PS1001_a_warning_item_warns_locally_and_fails_in_CI()
    {
        using var consumer = new ConsumerProject
        {
            ProjectContent = """
                  <ItemGroup>
                    <ProtectedFile Include="config/secrets.json" />
                    <ProtectedFile Include="config/optional.json" Severity="Warning" />
                  </ItemGroup>
                """,
        }.WithFile("Program.cs", Program);

        var result = consumer.Build().ShouldFail().ShouldReportExactly("error PS1001 Consumer.csproj:0", "warning PS1001 Consumer.csproj:0");
        var error = result.Diagnostics.Single(d => d.Severity == "error");
        result.Check(error.Message.Contains("'config/secrets.json'", StringComparison.Ordinal)
            && error.Message.Contains("no item copies it to the output", StringComparison.Ordinal), "the message names the file and the cause");

        consumer.ProjectContent = """
              <ItemGroup>
                <ProtectedFile Include="config/optional.json" Severity="Warning" />
              </ItemGroup>
            """;
        consumer.Build().ShouldSucceed().ShouldReportExactly("warning PS1001 Consumer.csproj:0");

        consumer.WithEnvironment("CI", "true");
        consumer.Build().ShouldFail().ShouldReportExactly("error PS1001 Consumer.csproj:0");
    }

    [Fact]
    public void Empty_protected_file_is_PS1003()
    {
        using var consumer = Configured().WithFile("appsettings.json", string.Empty);

        var result = consumer.Build().ShouldFail().ShouldReportExactly("error PS1003 Consumer.csproj:0");

        result.Check(result.Single("PS1003").Message.Contains("'appsettings.json' (protected by default", StringComparison.Ordinal),
            "the message names the file");
    }

    [Fact]
    public void Target_that_deletes_appsettings_after_the_copy_is_PS1001_from_the_project_and_from_Directory_Build_targets_unless_turned_off()
    {
        using var consumer = Configured(DeleteAppSettingsAfterBuild);

        var result = consumer.Build().ShouldFail().ShouldReportExactly("error PS1001 Consumer.csproj:0");
        result.Check(result.Single("PS1001").Message.Contains("copied to the output and then removed by a later step", StringComparison.Ordinal),
            "the message gives the likely cause");

        consumer.Build("-p:PathSafetyVerifyOutputs=false").ShouldSucceed().ShouldReportExactly();

        // Without the default protection only the declared config/widgets.json is checked, and it is there.
        consumer.Build("-p:PathSafetyAutoProtect=false").ShouldSucceed().ShouldReportExactly();

        // Directory.Build.targets is imported after the package's targets; the check still runs after its targets.
        consumer.ProjectContent = ConfiguredProject;
        consumer.WithFile("Directory.Build.targets", "<Project>\n" + DeleteAppSettingsAfterBuild + "</Project>\n");
        consumer.Build().ShouldFail().ShouldReportExactly("error PS1001 Consumer.csproj:0");
    }

    [Fact]
    public void CopyToPublishDirectory_Never_on_a_protected_file_fails_publish_with_PS1002_before_the_copy()
    {
        using var consumer = Configured("""
              <ItemGroup>
                <None Update="config/widgets.json" CopyToPublishDirectory="Never" />
              </ItemGroup>
            """);

        var result = consumer.Publish().ShouldFail().ShouldReportExactly("error PS1002 Consumer.csproj:0");

        result.Check(result.Single("PS1002").Message.Contains("CopyToPublishDirectory is \"Never\"", StringComparison.Ordinal),
            "the message gives the likely cause");
        result.Check(!File.Exists(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "publish", "Consumer.dll")), "nothing was published");
    }

    [Fact]
    public void Single_file_publish_that_bundles_appsettings_passes()
    {
        // PublishSingleFile with IncludeAllContentForSelfExtract moves appsettings.json from ResolvedFileToPublish to
        // _FilesToBundle: published inside the executable, not as a file. This target does what the SDK's
        // _ComputeFilesToBundle does, without the runtime packs a real single-file publish would download.
        using var consumer = Configured("""
              <Target Name="BundleLikeSingleFile" AfterTargets="ComputeResolvedFilesToPublishList">
                <ItemGroup>
                  <_FilesToBundle Include="@(ResolvedFileToPublish)" Condition="'%(ResolvedFileToPublish.RelativePath)' == 'appsettings.json'" />
                  <ResolvedFileToPublish Remove="@(_FilesToBundle)" />
                </ItemGroup>
              </Target>
            """);

        consumer.Publish().ShouldSucceed().ShouldReportExactly();

        var publish = Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "publish");
        Assert.True(File.Exists(Path.Combine(publish, "config", "widgets.json")), "the other files are published");
        Assert.False(File.Exists(Path.Combine(publish, "appsettings.json")), "appsettings.json went to the bundle");
    }

    [Fact]
    public void Multi_targeted_project_is_checked_per_framework()
    {
        using var consumer = new ConsumerProject(targetFramework: "netstandard2.0;net10.0")
        {
            OutputType = "Library",
            UseMachineSources = true,
            ProjectContent = """
                  <PropertyGroup>
                    <LangVersion>latest</LangVersion>
                  </PropertyGroup>
                  <ItemGroup>
                    <Content Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
                  </ItemGroup>
                  <Target Name="TidyOneFramework" AfterTargets="Build" Condition="'$(TargetFramework)' == 'netstandard2.0'">
                    <Delete Files="$(OutDir)appsettings.json" />
                  </Target>
                """,
        }
            .WithFile("Widgets.cs", Library)
            .WithFile("appsettings.json", "{ }");

        var result = consumer.Build().ShouldFail().ShouldReportExactly("error PS1001 Consumer.csproj:0");

        result.Check(result.Single("PS1001").Message.Contains("netstandard2.0", StringComparison.Ordinal),
            "only the framework whose output lost the file fails");
    }

    [Fact]
    public void Parallel_build_of_several_projects_checks_each_one()
    {
        const string libraryProject = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PathSafety" Version="{0}" />
                <Content Include="appsettings.{1}.json" CopyToOutputDirectory="PreserveNewest" />
                <ProtectedFile Include="{2}" />
              </ItemGroup>
            </Project>
            """;
        using var consumer = new ConsumerProject
        {
            ProjectContent = """
                  <ItemGroup>
                    <ProjectReference Include="LibA/LibA.csproj" />
                    <ProjectReference Include="LibB/LibB.csproj" />
                    <ProjectReference Include="LibC/LibC.csproj" />
                  </ItemGroup>
                """,
        }.WithFile("Program.cs", Program);
        foreach (var (name, declared) in new[] { ("LibA", "appsettings.LibA.json"), ("LibB", "appsettings.LibB.json"), ("LibC", "missing.json") })
        {
            consumer.WithFile($"{name}/{name}.csproj",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, libraryProject, consumer.Package.Version, name, declared))
                .WithFile($"{name}/Class1.cs", $"namespace {name};\n\npublic static class Class1\n{{\n}}\n")
                .WithFile($"{name}/appsettings.{name}.json", "{ }");
        }

        consumer.Build("-m:2").ShouldFail().ShouldReportExactly("error PS1001 LibC/LibC.csproj:0");
    }
}
