using System.Globalization;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>Markdown for 'bench': cost per configuration, each analyzer's own time, shares of binding time, findings.</summary>
internal static class BenchReport
{
    public static void Print(BenchRun run, Samples samples, IReadOnlyList<string> analyzerNames, string repository)
    {
        var binding = samples.Median("cpu: " + BenchRun.Binding);
        var configurations = run.AnalyzerConfigurations.ToList();

        Console.WriteLine("## Cost per configuration (CPU ms of this process, medians of the rounds)");
        Console.WriteLine();
        Console.WriteLine("| Configuration | CPU ms | CPU ms min-max | Wall ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var name in configurations.Prepend(BenchRun.Binding))
        {
            var label = name == BenchRun.Binding ? "binding alone (GetDiagnostics, no analyzer)" : "binding + driver + " + name;
            Console.WriteLine($"| {label} | {F(samples.Median("cpu: " + name))} | "
                + $"{F(samples.Min("cpu: " + name))}-{F(samples.Max("cpu: " + name))} | {F(samples.Median("wall: " + name))} |");
        }

        Console.WriteLine();
        Console.WriteLine("## Each analyzer's own time (Roslyn analyzer telemetry, median ms; share of binding time)");
        Console.WriteLine();
        Console.WriteLine($"| Analyzer | {string.Join(" | ", configurations)} |");
        Console.WriteLine($"| --- |{string.Concat(configurations.Select(_ => " ---: |"))}");
        foreach (var analyzer in analyzerNames.Append(nameof(NoOpOperationAnalyzer)))
        {
            var cells = configurations.Select(c => samples.Has($"analyzer: {c}: {analyzer}")
                ? Share(samples.Median($"analyzer: {c}: {analyzer}"), binding) : "").ToList();
            if (cells.Any(c => c.Length > 0))
            {
                Console.WriteLine($"| {analyzer} | {string.Join(" | ", cells)} |");
            }
        }

        var totals = configurations.Select(c => "**" + Share(samples.Median("analyzers total: " + c), binding) + "**");
        Console.WriteLine($"| **total** | {string.Join(" | ", totals)} |");
        Console.WriteLine();
        Console.WriteLine("Summary row (repository, binding CPU ms, then each configuration's analyzer total and share of binding):");
        Console.WriteLine();
        Console.WriteLine($"| {repository} | {F(binding)} | "
            + $"{string.Join(" | ", configurations.Select(c => Share(samples.Median("analyzers total: " + c), binding)))} |");
        Console.WriteLine();

        Console.WriteLine("## Findings (last round)");
        Console.WriteLine();
        foreach (var (configuration, findings) in run.Findings)
        {
            Console.WriteLine($"- {configuration}: {findings.Length} ({Finding.CountsById(findings)})");
        }

        Console.WriteLine();
    }

    private static string Share(double milliseconds, double binding)
        => $"{F(milliseconds)} ({(milliseconds / binding * 100).ToString("0.00", CultureInfo.InvariantCulture)}%)";

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
