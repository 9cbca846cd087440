using System.Globalization;

namespace PathSafety.Benchmarks;

/// <summary>
/// Command line: --rounds N, --lines N, --seed N, --maintenance-percent N, --concurrent, --show ID (prints a few
/// findings of that rule), --only pathsafety (runs only the default-scope PathSafety configuration: for a profiler,
/// whose trace should hold nothing else; the budget table needs every configuration).
/// </summary>
internal sealed record BenchmarkOptions(int Rounds, int Lines, int Seed, int MaintenancePercent, bool Concurrent, string? Show = null,
    bool OnlyPathSafety = false)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Rounds: 5, Lines: 200_000, Seed: 7, MaintenancePercent: 20, Concurrent: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = Number(args, ++i) },
                "--lines" => options with { Lines = Number(args, ++i) },
                "--seed" => options with { Seed = Number(args, ++i) },
                "--maintenance-percent" => options with { MaintenancePercent = Math.Min(Number(args, ++i, allowZero: true), 100) },
                "--concurrent" => options with { Concurrent = true },
                "--show" when i + 1 < args.Length => options with { Show = args[++i] },
                "--only" when i + 1 < args.Length && args[i + 1] == "pathsafety" => options with { OnlyPathSafety = args[++i] == "pathsafety" },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --rounds N, --lines N, --seed N, "
                    + "--maintenance-percent N, --concurrent, --show ID, --only pathsafety."),
            };
        }

        return options;
    }

    private static int Number(string[] args, int index, bool allowZero = false)
        => index < args.Length && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive number.");
}
