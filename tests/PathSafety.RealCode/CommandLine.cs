using System.Globalization;

namespace PathSafety.RealCode;

/// <summary>Which scope configurations a verb runs.</summary>
internal enum ScopeChoice
{
    /// <summary>Bench: default scope; precision: the labelled files marked as maintenance code.</summary>
    First,

    /// <summary>Bench: 'pathsafety.scope = all'; precision: default scope.</summary>
    Second,

    Both,
}

/// <summary>
/// bench &lt;git-dir&gt; &lt;commit&gt; [--subdir path] [--rounds N] [--warm-up N] [--floor] [--scope default|all|both] [--no-tests]
/// [--findings file] [--only AnalyzerName] [--concurrent].
/// </summary>
internal sealed record BenchOptions(
    string GitDir, string Commit, string? Subdir = null, int Rounds = 3, bool Floor = false, ScopeChoice Scope = ScopeChoice.Both,
    bool IncludeTests = true, string? FindingsFile = null, string? Only = null, bool Concurrent = false, int WarmUpRounds = 1)
{
    public static BenchOptions Parse(string[] args)
    {
        if (args.Length < 2 || args[0].StartsWith("--", StringComparison.Ordinal) || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("bench needs <snapshot-git-dir> <commit>.");
        }

        var options = new BenchOptions(args[0], args[1]);
        for (var i = 2; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--subdir" => options with { Subdir = CommandLine.Value(args, ++i) },
                "--rounds" => options with { Rounds = CommandLine.Number(args, ++i) },
                "--warm-up" => options with { WarmUpRounds = CommandLine.Number(args, ++i) },
                "--floor" => options with { Floor = true },
                "--scope" => options with { Scope = CommandLine.Scope(CommandLine.Value(args, ++i), "default", "all") },
                "--no-tests" => options with { IncludeTests = false },
                "--findings" => options with { FindingsFile = CommandLine.Value(args, ++i) },
                "--only" => options with { Only = CommandLine.Value(args, ++i) },
                "--concurrent" => options with { Concurrent = true },
                _ => throw new ArgumentException($"Unknown bench argument '{args[i]}'."),
            };
        }

        return options;
    }
}

/// <summary>
/// precision &lt;labels.tsv&gt; [--mirror dir] [--repos repos.tsv] [--scope marked|default|both] [--findings file].
/// repos.tsv: 'owner/name', a tab, the bare git directory; repositories it does not name are looked up in the mirror.
/// </summary>
internal sealed record PrecisionOptions(string Labels, string Mirror = "/work/.mirror", string? Repos = null, ScopeChoice Scope = ScopeChoice.Both,
    string? FindingsFile = null)
{
    public static PrecisionOptions Parse(string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("precision needs <labels.tsv>.");
        }

        var options = new PrecisionOptions(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--mirror" => options with { Mirror = CommandLine.Value(args, ++i) },
                "--repos" => options with { Repos = CommandLine.Value(args, ++i) },
                "--scope" => options with { Scope = CommandLine.Scope(CommandLine.Value(args, ++i), "marked", "default") },
                "--findings" => options with { FindingsFile = CommandLine.Value(args, ++i) },
                _ => throw new ArgumentException($"Unknown precision argument '{args[i]}'."),
            };
        }

        return options;
    }
}

internal static class CommandLine
{
    public const string Usage = """
        Usage:
          bench <snapshot-git-dir> <commit> [--subdir path] [--rounds 3] [--warm-up 1] [--floor] [--scope default|all|both] [--no-tests]
                [--findings out.txt] [--only AnalyzerName] [--concurrent]
          precision <labels.tsv> [--mirror /work/.mirror] [--repos repos.tsv] [--scope marked|default|both] [--findings out.txt]
        """;

    public static string Value(string[] args, int index)
        => index < args.Length ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value.");

    public static int Number(string[] args, int index)
        => int.TryParse(Value(args, index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive number.");

    public static ScopeChoice Scope(string value, string first, string second)
        => value == first ? ScopeChoice.First
            : value == second ? ScopeChoice.Second
            : value == "both" ? ScopeChoice.Both
            : throw new ArgumentException($"--scope is {first}, {second} or both, not '{value}'.");
}
