using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using PathSafety.Build.Tests.Infrastructure;

namespace PathSafety.Build.Tests.Robustness;

/// <summary>
/// The tasks never fail with MSB4018, whatever MSBuild hands them: thousands of generated item sets (hostile item
/// specs, malformed metadata, odd folders and targets), seeded and reproducible. Every problem must be a PS100x
/// finding with a message about the input, never the catch-all for an unexpected exception. Reproduce a failure
/// with PATHSAFETY_FUZZ_SEED; the message names the case number and its inputs.
/// </summary>
public sealed partial class GeneratedBadInputTests
{
    private const int DefaultRunSeed = 20261124;
    private const int Cases = 2000;

    private static readonly string[] Specs =
    [
        "appsettings.json", "config/app.json", "sub\\dir\\x.config", "", " ", "\t", ".", "..", "../x.json", "a/../../b.json",
        "/etc/passwd", "C:\\Windows\\win.ini", "C:", "C:x.json", "\\\\server\\share\\x", "//server/share/x", "a|b", "a*b.json",
        "a?b", "con", "nul.json", "x/", "x\\", "./x.json", "x/./y.json", "x//y.json", "x.json.", "x.json ", " x.json",
        "%2e%2e/x", "$(OutDir)x", "@(Item)", "a;b", "emoji-😀.json", "設定/アプリ.config", "a\nb", "a\rb", "a\"b", "a<b>",
        "~/x.json", "...", "x/..", "appsettings.json/..", "x:y", "\u00a0", "\u200b.json",
    ];

    private static readonly string[] Hashes =
        ["", " ", "zz", "123", new string('a', 64), new string('A', 64), new string('a', 63), new string('g', 64), "sha256:" + new string('0', 64)];

    private static readonly string[] Severities = ["", "Error", "Warning", "warning", "Fatal", " ", "None", "Message", "error;warning"];

    private static readonly string[] Flags = ["", "true", "false", "True", "yes", "1", "maybe", " "];

    private static readonly string[] Targets = ["Build", "PublishList", "PublishDirectory", "", "build", "Publish", " ", "x"];

    [Fact]
    public void Generated_bad_inputs_never_escape_as_exceptions_and_are_reported_as_PathSafety_findings()
    {
        var runSeed = int.TryParse(Environment.GetEnvironmentVariable("PATHSAFETY_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var s) ? s : DefaultRunSeed;
        using var output = new TempFolder();
        output.Write("appsettings.json");
        output.Write("config/app.json");
        output.Write("empty.json", string.Empty);
        Directory.CreateDirectory(output.Combine("folder.json"));

        var failures = new List<string>();
        var reported = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < Cases && failures.Count < 10; index++)
        {
            var random = new Random(unchecked((runSeed * 486187739) ^ index));
            var description = new StringBuilder($"case #{index} of run seed {runSeed}:");
            var items = Enumerable.Range(0, random.Next(1, 7)).Select(_ => RandomItem(random, description)).ToArray();
            var collected = Collect(items, random, output.Path, description, failures);
            Verify(collected ?? items, random, output, description, failures, reported);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // The generator must really produce bad declarations, and good ones the task then checks.
        Assert.True(reported.GetValueOrDefault("PS1005") > Cases / 4, "PS1005: " + reported.GetValueOrDefault("PS1005"));
        Assert.True(reported.GetValueOrDefault("PS1001") > Cases / 20, "PS1001: " + reported.GetValueOrDefault("PS1001"));
    }

    private static ITaskItem[]? Collect(ITaskItem[] items, Random random, string projectDirectory, StringBuilder description, List<string> failures)
    {
        var engine = new FakeBuildEngine();
        var task = new CollectProtectedFiles
        {
            BuildEngine = engine,
            DeclaredFiles = items,
            ProjectItems = [.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomCopy(random, description))],
            AutoProtect = random.Next(2) == 0,
            ProjectDirectory = random.Next(4) == 0 ? "" : projectDirectory,
            OutputDirectory = random.Next(4) == 0 ? "bin/" : projectDirectory,
        };
        try
        {
            var result = task.Execute();
            if (!result || engine.Errors.Count > 0 || engine.Warnings.Count > 0
                || engine.Messages.Any(m => m.Message?.Contains("could not collect", StringComparison.Ordinal) == true))
            {
                failures.Add($"CollectProtectedFiles failed or reported on {description}\n"
                    + string.Join("\n", engine.Messages.Select(m => m.Message)));
            }

            return task.ProtectedFiles;
        }
        catch (Exception exception)
        {
            failures.Add($"CollectProtectedFiles threw on {description}\n{exception}");
            return null;
        }
    }

    private static void Verify(ITaskItem[] items, Random random, TempFolder output, StringBuilder description, List<string> failures,
        Dictionary<string, int> reported)
    {
        var folder = random.Next(10) switch
        {
            0 => "",
            1 => "bin/Debug/net8.0/",
            2 => output.Combine("does-not-exist"),
            3 => output.Combine("appsettings.json"),
            _ => output.Path,
        };

        // The manifest is written only into the scratch folder: the task must not be made to write elsewhere here.
        var writeManifest = folder == output.Path && random.Next(5) == 0;
        var target = Targets[random.Next(Targets.Length)];
        description.Append($" folder='{folder}' target='{target}' manifest={writeManifest}");
        var engine = new FakeBuildEngine();
        var task = new VerifyProtectedFiles
        {
            BuildEngine = engine,
            ProtectedFiles = items,
            Folder = folder,
            Target = target,
            ProjectFile = TaskRunner.ProjectFile,
            CopiedFiles = [.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomCopy(random, description))],
            ProjectItems = [.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomCopy(random, description))],
            PublishFiles = random.Next(2) == 0 ? null : [.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomPublished(random, description))],
            EscalateWarnings = random.Next(2) == 0,
            NoWarn = random.Next(3) == 0 ? "PS1003;;x" : "",
            WriteManifest = writeManifest,
        };
        try
        {
            var result = task.Execute();
            foreach (var code in engine.Errors.Select(e => e.Code).Concat(engine.Warnings.Select(w => w.Code)))
            {
                reported[code ?? "(none)"] = reported.GetValueOrDefault(code ?? "(none)") + 1;
            }

            var problems = engine.Errors.Select(e => (e.Code, e.Message, e.HelpLink))
                .Concat(engine.Warnings.Select(w => (w.Code, w.Message, w.HelpLink)))
                .Where(f => f.Code is null || !FindingCode().IsMatch(f.Code) || string.IsNullOrWhiteSpace(f.Message)
                    || string.IsNullOrEmpty(f.HelpLink) || f.Message.Contains("could not verify", StringComparison.Ordinal))
                .Select(f => $"{f.Code}: {f.Message}")
                .ToList();
            if (result != (engine.Errors.Count == 0))
            {
                problems.Add($"Execute returned {result} with {engine.Errors.Count} errors");
            }

            if (problems.Count > 0)
            {
                failures.Add($"VerifyProtectedFiles on {description}\n" + string.Join("\n", problems));
            }
        }
        catch (Exception exception)
        {
            failures.Add($"VerifyProtectedFiles threw on {description}\n{exception}");
        }
    }

    private static ITaskItem RandomItem(Random random, StringBuilder description)
    {
        var spec = RandomSpec(random);
        var metadata = new List<(string, string)>();
        foreach (var (name, values) in new[] { ("Sha256", Hashes), ("Severity", Severities), ("AllowEmpty", Flags), ("Publish", Flags),
            ("PathSafetyAutoProtectedFrom", [spec, "", "x.json"]) })
        {
            if (random.Next(3) == 0)
            {
                metadata.Add((name, values[random.Next(values.Length)]));
            }
        }

        description.Append($" item '{spec}' [{string.Join(", ", metadata.Select(m => m.Item1 + "=" + m.Item2))}]");
        return TaskRunner.Item(spec, [.. metadata]);
    }

    private static ITaskItem RandomCopy(Random random, StringBuilder description)
    {
        var spec = RandomSpec(random);
        var targetPath = RandomSpec(random);
        var copy = new[] { "PreserveNewest", "Always", "Never", "", "Always;Never", "sometimes" }[random.Next(6)];
        description.Append($" copy '{spec}'->'{targetPath}' ({copy})");
        return TaskRunner.Item(spec, ("TargetPath", targetPath), ("CopyToOutputDirectory", copy),
            ("CopyToPublishDirectory", Flags[random.Next(Flags.Length)]));
    }

    private static ITaskItem RandomPublished(Random random, StringBuilder description)
    {
        var relative = RandomSpec(random);
        description.Append($" published '{relative}'");
        return TaskRunner.Item("obj/x", ("RelativePath", relative));
    }

    private static string RandomSpec(Random random) => random.Next(12) switch
    {
        0 => new string('a', random.Next(250, 5000)) + ".json",
        1 => Specs[random.Next(Specs.Length)] + "/" + Specs[random.Next(Specs.Length)],
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next(1, 0x3000))),
        _ => Specs[random.Next(Specs.Length)],
    };

    [GeneratedRegex("^PS100[1-5]$")]
    private static partial Regex FindingCode();
}
