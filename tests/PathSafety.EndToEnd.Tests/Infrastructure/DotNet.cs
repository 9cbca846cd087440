using System.Diagnostics;
using System.Text;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI the way a user or a CI agent would, with a scrubbed environment.</summary>
public static class DotNet
{
    /// <summary>
    /// CI markers that PathSafety's CI mode reacts to. This suite itself runs in CI with CI=true, so every
    /// child build starts without them; a test sets one on purpose when it tests CI mode.
    /// </summary>
    public static readonly string[] CiVariables =
    [
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "ContinuousIntegrationBuild",
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    public static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs 'dotnet' (or <paramref name="executable"/>, such as an installed tool) and waits for it to exit.</summary>
    public static ProcessResult Run(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? executable = null)
    {
        var start = CreateStartInfo(workingDirectory, arguments, environment, executable);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append(output, $"*** timed out after {Timeout} ***");
        }

        process.WaitForExit();
        var commandLine = (executable ?? "dotnet") + " " + string.Join(" ", start.ArgumentList);
        return new ProcessResult(commandLine, process.HasExited ? process.ExitCode : -1, output.ToString(), stopwatch.Elapsed);
    }

    /// <summary>The start info every child process gets: scrubbed environment, English, no telemetry, no build servers.</summary>
    public static ProcessStartInfo CreateStartInfo(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Scrub(start.Environment);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }

    /// <summary>
    /// Removes from this process what a child build must not inherit (see <see cref="Scrub"/>), for work done in
    /// process that starts its own builds (a workspace loading a project).
    /// </summary>
    public static void ScrubCurrentProcess()
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .ToDictionary(k => k, k => (string?)Environment.GetEnvironmentVariable(k));
        var kept = new Dictionary<string, string?>(environment);
        Scrub(kept);
        foreach (var key in environment.Keys.Where(k => !kept.ContainsKey(k)))
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }

    private static void Scrub(IDictionary<string, string?> environment)
    {
        foreach (var name in CiVariables)
        {
            environment.Remove(name);
        }

        // The test host runs inside 'dotnet test'; MSBuild's own variables from that run must not leak into a child build.
        foreach (var key in environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBUILD", StringComparison.Ordinal)
                || key is "VSTEST_HOST_DEBUG" or "NUGET_PACKAGES")
            {
                environment.Remove(key);
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"> {CommandLine}\nexit code {ExitCode} after {Elapsed.TotalSeconds:F1}s\n{Output}";
}
