using System.Text.RegularExpressions;
using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.BuildCheck;

/// <summary>The publish example in docs/build-check.md, taken from the page, does what it says in a Web project.</summary>
public sealed partial class PublishExampleTests
{
    [Fact]
    public void Documented_item_keeps_the_development_settings_out_of_a_Web_publish()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "build-check.md"));
        var example = DevelopmentSettingsItem().Match(page);
        Assert.True(example.Success, "docs/build-check.md has no item for appsettings.Development.json with CopyToPublishDirectory=\"Never\"");

        using var consumer = new ConsumerProject("Web")
        {
            Sdk = "Microsoft.NET.Sdk.Web",
            ProjectContent = "<ItemGroup>\n" + example.Value + "\n</ItemGroup>",
        };
        consumer
            .WithFile("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n")
            .WithFile("appsettings.json", "{ \"Logging\": {} }\n")
            .WithFile("appsettings.Development.json", "{ \"Logging\": {} }\n");

        var publishFolder = Path.Combine(consumer.Directory, "published");
        var result = consumer.Publish("-o", publishFolder).ShouldSucceed().ShouldReportExactly();
        result.Check(File.Exists(Path.Combine(publishFolder, "appsettings.json")), "expected appsettings.json to be published");
        result.Check(
            !File.Exists(Path.Combine(publishFolder, "appsettings.Development.json")),
            "the documented item '" + example.Value + "' did not keep appsettings.Development.json out of the publish folder");
    }

    [GeneratedRegex("<[A-Za-z]+ Update=\"appsettings\\.Development\\.json\"[^>]*CopyToPublishDirectory=\"Never\"[^>]*/>")]
    private static partial Regex DevelopmentSettingsItem();
}
