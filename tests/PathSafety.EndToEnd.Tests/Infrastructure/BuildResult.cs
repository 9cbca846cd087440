using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>One diagnostic as a user sees it: ID, file (relative to the consumer folder), line, severity.</summary>
public sealed record BuildDiagnostic(string Id, string File, int Line, string Severity, string Message)
{
    public override string ToString() => $"{Severity} {Id} at {File}:{Line}: {Message}";
}

/// <summary>The outcome of one consumer build, with assertions that keep the whole log in their failure message.</summary>
public sealed partial class BuildResult
{
    /// <summary>Diagnostics that mean the analyzers did not load or crashed.</summary>
    private static readonly string[] LoadFailureIds = ["CS8032", "CS8033", "CS9057", "AD0001"];

    public BuildResult(ProcessResult process, string consumerDirectory)
    {
        Process = process;
        Diagnostics = Parse(process.Output, consumerDirectory);
    }

    public ProcessResult Process { get; }

    public int ExitCode => Process.ExitCode;

    public string Output => Process.Output;

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public BuildResult ShouldSucceed()
    {
        Check(ExitCode == 0, "expected the command to succeed");
        return this;
    }

    public BuildResult ShouldFail()
    {
        Check(ExitCode != 0, "expected the command to fail");
        return this;
    }

    /// <summary>
    /// The build reported exactly these warnings and errors (order-insensitive; each expected item is
    /// "SEVERITY ID FILE:LINE", e.g. "warning PS0005 Program.cs:7"; a line of 0 means "no line", for build checks),
    /// and the analyzers loaded without a crash.
    /// </summary>
    public BuildResult ShouldReportExactly(params string[] expected)
    {
        ShouldLoadAnalyzers();
        var actual = Diagnostics.Select(d => $"{d.Severity} {d.Id} {d.File}:{d.Line}").Order(StringComparer.Ordinal).ToList();
        var wanted = expected.Order(StringComparer.Ordinal).ToList();
        Check(actual.SequenceEqual(wanted), "expected diagnostics:\n  " + string.Join("\n  ", wanted) + "\nactual:\n  "
            + string.Join("\n  ", actual));
        return this;
    }

    public BuildResult ShouldLoadAnalyzers()
    {
        var failures = Diagnostics.Where(d => LoadFailureIds.Contains(d.Id)).ToList();
        Check(failures.Count == 0, "the analyzers did not load or crashed: " + string.Join("; ", failures));
        return this;
    }

    public BuildDiagnostic Single(string id)
    {
        var matches = Diagnostics.Where(d => d.Id == id).ToList();
        Check(matches.Count == 1, $"expected exactly one {id}, found {matches.Count}");
        return matches[0];
    }

    public BuildResult ShouldContainOutput(string text)
    {
        Check(Output.Contains(text, StringComparison.Ordinal), $"expected the output to contain '{text}'");
        return this;
    }

    public void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message + "\n\n--- build log ---\n" + Process);
        }
    }

    private static List<BuildDiagnostic> Parse(string output, string consumerDirectory)
    {
        var result = new List<BuildDiagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            var match = CanonicalError().Match(line);
            if (!match.Success)
            {
                continue;
            }

            // Multi-targeted builds and restore+build can repeat one diagnostic; count it once per location.
            var file = Relative(match.Groups["file"].Value.Trim(), consumerDirectory);
            var lineNumber = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : 0;
            var diagnostic = new BuildDiagnostic(match.Groups["id"].Value, file, lineNumber, match.Groups["severity"].Value,
                match.Groups["message"].Value.Trim());
            if (seen.Add(diagnostic.ToString() + "|" + match.Groups["project"].Value))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    private static string Relative(string file, string consumerDirectory)
    {
        if (file.Length == 0 || !Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(consumerDirectory, file);
        return relative.Replace('\\', '/');
    }

    // MSBuild's canonical format: 'file(line,col): warning ID: message [project]' or 'file : error ID: message [project]'.
    [GeneratedRegex(
        @"^(?<file>.*?)(?:\((?<line>\d+)(?:,\d+)*(?:-\d+)?\))?\s*:\s*(?<severity>warning|error)\s+(?<id>[A-Za-z]+\d+)\s*:\s*"
            + @"(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?$")]
    private static partial Regex CanonicalError();
}
