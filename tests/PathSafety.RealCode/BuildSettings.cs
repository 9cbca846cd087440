using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace PathSafety.RealCode;

/// <summary>
/// What a loose compilation takes from the build files it is given (a whole repository's, or a project set's),
/// approximately and for all of them at once: the SDK's implicit usings where any project enables them (plus the web
/// SDK's where a project uses it), '&lt;Using Include&gt;' items, and nullable analysis where any project enables it.
/// </summary>
internal sealed record BuildSettings(string? GlobalUsings, NullableContextOptions Nullable)
{
    // The lists the .NET SDK's Microsoft.NET.Sdk and Microsoft.NET.Sdk.Web generate into GlobalUsings.g.cs.
    private static readonly string[] SdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static BuildSettings From(IEnumerable<SnapshotFile> buildFiles)
    {
        var implicitUsings = false;
        var web = false;
        var nullable = false;
        var items = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in buildFiles)
        {
            implicitUsings |= Property(file.Text, "ImplicitUsings") is "enable" or "true";
            nullable |= Property(file.Text, "Nullable") is "enable";
            web |= file.Text.Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.OrdinalIgnoreCase);
            foreach (Match item in Regex.Matches(file.Text, """<Using\s+Include="([^"$]+)"([^>]*)>"""))
            {
                var alias = Regex.Match(item.Groups[2].Value, """Alias="([^"]+)" """.TrimEnd());
                var isStatic = Regex.IsMatch(item.Groups[2].Value, """Static="true" """.TrimEnd(), RegexOptions.IgnoreCase);
                items.Add(alias.Success ? $"{alias.Groups[1].Value} = global::{item.Groups[1].Value}"
                    : isStatic ? "static global::" + item.Groups[1].Value
                    : "global::" + item.Groups[1].Value);
            }
        }

        var usings = new SortedSet<string>(items, StringComparer.Ordinal);
        if (implicitUsings)
        {
            usings.UnionWith(SdkUsings.Concat(web ? WebUsings : []).Select(u => "global::" + u));
        }

        var text = new StringBuilder();
        foreach (var line in usings)
        {
            text.Append("global using ").Append(line).AppendLine(";");
        }

        return new BuildSettings(usings.Count == 0 ? null : text.ToString(), nullable ? NullableContextOptions.Enable
            : NullableContextOptions.Disable);
    }

    public string Describe()
        => (GlobalUsings is null ? "no global usings" : $"{GlobalUsings.Count(c => c == '\n')} global usings (implicit and <Using> items)")
            + $", nullable {(Nullable == NullableContextOptions.Enable ? "enabled" : "disabled")}";

    private static string? Property(string project, string name)
    {
        var match = Regex.Match(project, $"<{name}>\\s*([^<]*?)\\s*</{name}>", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }
}
