using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>PS0001 and the maintenance-code scope through the real package, with the attribute source it adds.</summary>
public sealed class RelativePathTests
{
    // The same relative path in three places: only the folder .editorconfig marks and the marked type are in scope.
    // (Writes, not deletes, so the delete rules stay out of this test.)
    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main()
            {
                File.WriteAllText("export.tmp", "");
                Tools.Exporter.Run();
                new Marked().Run();
            }
        }
        """;

    private const string Exporter = """
        namespace Consumer.Tools;

        public static class Exporter
        {
            public static void Run()
            {
                File.WriteAllText("export.tmp", "");
                File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "export.tmp"), "");
            }
        }
        """;

    private const string Marked = """
        namespace Consumer;

        [PathSafety.MaintenanceCode]
        internal sealed class Marked
        {
            public void Run()
            {
                Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "cache"));
                Directory.CreateDirectory("cache");
            }
        }
        """;

    private const string EditorConfig = """
        root = true

        [Tools/**.cs]
        pathsafety.maintenance_code = true
        """;

    [Fact]
    public void Editorconfig_folder_and_package_attribute_bring_code_into_scope_and_nothing_else()
    {
        using var consumer = new ConsumerProject()
            .WithFile("Program.cs", Program)
            .WithFile("Tools/Exporter.cs", Exporter)
            .WithFile("Marked.cs", Marked)
            .WithFile(".editorconfig", EditorConfig);

        var result = consumer.Build().ShouldSucceed().ShouldReportExactly("warning PS0001 Tools/Exporter.cs:7", "warning PS0001 Marked.cs:9");
        Assert.Contains(result.Diagnostics, d => d.File == "Tools/Exporter.cs"
            && d.Message.StartsWith("File.WriteAllText receives the path \"export.tmp\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Projects_sharing_internals_both_get_the_attributes_without_CS0436()
    {
        const string Library = """
            namespace Library;

            [PathSafety.MaintenanceCode]
            internal static class LogCleanup
            {
                [PathSafety.PathGuard]
                internal static string Check(string path) => path;

                internal static void Run() => File.AppendAllText("library.log", "");
            }
            """;
        const string UsesLibrary = """
            namespace Consumer;

            public static class Program
            {
                [PathSafety.MaintenanceCode]
                public static void Main() => File.Delete(Library.LogCleanup.Check(Path.Combine(AppContext.BaseDirectory, "app.log")));
            }
            """;

        using var consumer = new ConsumerProject()
            .WithFile("Program.cs", UsesLibrary)
            .WithFile("Library/LogCleanup.cs", Library);
        consumer.WithFile("Library/Library.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PathSafety" Version="{consumer.Package.Version}" />
                <InternalsVisibleTo Include="{consumer.Name}" />
              </ItemGroup>
            </Project>
            """);
        consumer.ProjectContent = """
              <PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup>
              <ItemGroup>
                <Compile Remove="Library/**" />
                <ProjectReference Include="Library/Library.csproj" />
              </ItemGroup>
            """;

        consumer.Build()
            .ShouldFail()
            .ShouldReportExactly("error PS0001 Library/LogCleanup.cs:9");

        consumer.WithFile("Library/LogCleanup.cs",
            Library.Replace("File.AppendAllText(\"library.log\"", "File.AppendAllText(Path.Combine(AppContext.BaseDirectory, \"library.log\")",
                StringComparison.Ordinal));
        consumer.Build().ShouldSucceed().ShouldReportExactly();
    }

    [Fact]
    public void Dotnet_format_applies_the_fix()
    {
        const string Cleanup = """
            namespace Consumer;

            public static class LogCleanup
            {
                private const string LogDir = "logs";

                public static void Main()
                {
                    File.Delete("app.log");
                    Directory.Delete(LogDir, recursive: true);
                }
            }
            """;
        using var consumer = new ConsumerProject().WithFile("LogCleanup.cs", Cleanup);

        var format = consumer.RunRaw("format", "analyzers", consumer.ProjectFile, "--diagnostics", "PS0001", "--severity", "warn");
        format.Check(format.ExitCode == 0, "expected 'dotnet format' to succeed");

        var fixedSource = consumer.ReadFile("LogCleanup.cs");
        format.Check(fixedSource.Contains("File.Delete(Path.Combine(AppContext.BaseDirectory, \"app.log\"));", StringComparison.Ordinal),
            "expected the literal to be anchored:\n" + fixedSource);
        format.Check(fixedSource.Contains("Directory.Delete(Path.Combine(AppContext.BaseDirectory, LogDir), recursive: true);",
            StringComparison.Ordinal), "expected the constant to be anchored at the use:\n" + fixedSource);
        format.Check(fixedSource.Contains("private const string LogDir = \"logs\";", StringComparison.Ordinal), "the constant itself must stay:\n"
            + fixedSource);

        consumer.Build("--no-incremental").ShouldSucceed().ShouldReportExactly();
    }

    [Fact]
    public void Switching_the_attributes_off_removes_them()
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program).WithFile("Tools/Exporter.cs", Exporter).WithFile("Marked.cs",
            Marked);

        var result = consumer.Build("-p:PathSafetyEmbedAttributes=false").ShouldFail().ShouldLoadAnalyzers();
        result.Check(
            result.Diagnostics.Count > 0 && result.Diagnostics.All(d => d.Id is "CS0234" or "CS0246" && d.File == "Marked.cs" && d.Line == 3),
            "expected only the attribute to be missing");
    }
}
