using System.Globalization;

namespace PathSafety.Benchmarks;

/// <summary>Markdown tables of medians and the budget verdict.</summary>
internal static class Report
{
    private const double Budget = 0.02;

    private static readonly string[] Configurations =
        [Measurements.GetDiagnostics, Measurements.Emit, Measurements.Driver, Measurements.DefaultScope, Measurements.AllScope];

    public static void Print(Samples samples, Dictionary<string, SortedDictionary<string, int>> findings)
    {
        if (!samples.Has("cpu: " + Measurements.GetDiagnostics))
        {
            PrintPathSafetyOnly(samples, findings);
            return;
        }

        double Cpu(string name) => samples.Median("cpu: " + name);
        var compile = Cpu(Measurements.GetDiagnostics) + Cpu(Measurements.Emit);

        Console.WriteLine("## Cost per configuration (medians of the rounds)");
        Console.WriteLine();
        Console.WriteLine("| Configuration | CPU ms | CPU ms min-max | Wall ms | Allocated MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var name in Configurations)
        {
            Console.WriteLine($"| {name} | {F(Cpu(name))} | {F(samples.Min("cpu: " + name))}-{F(samples.Max("cpu: " + name))} "
                + $"| {F(samples.Median("wall: " + name))} | {F(samples.Median("alloc: " + name))} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Compilation alone (GetDiagnostics + Emit): {F(compile)} ms CPU.");
        Console.WriteLine();
        Console.WriteLine("## Each analyzer's own time (Roslyn analyzer telemetry, median ms)");
        Console.WriteLine();
        Console.WriteLine("| Analyzer | default scope | pathsafety.scope = all |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var analyzer in CompilerSetup.PathSafetyAnalyzers.Select(a => a.GetType().Name))
        {
            var defaultScope = samples.Median($"analyzer: {Measurements.DefaultScope}: {analyzer}");
            var allScope = samples.Median($"analyzer: {Measurements.AllScope}: {analyzer}");
            Console.WriteLine($"| {analyzer} | {F(defaultScope)} | {F(allScope)} |");
        }

        var ownDefault = samples.Median("analyzers total: " + Measurements.DefaultScope);
        var ownAll = samples.Median("analyzers total: " + Measurements.AllScope);
        Console.WriteLine($"| **all PathSafety analyzers** | **{F(ownDefault)}** | **{F(ownAll)}** |");
        Console.WriteLine();

        Console.WriteLine("## Findings on the corpus (last round)");
        Console.WriteLine();
        foreach (var (configuration, counts) in findings.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"- {configuration}: {Describe(counts)}");
        }

        Console.WriteLine();
        Console.WriteLine("## Budget: PathSafety adds at most 2% to compilation time");
        Console.WriteLine();
        Console.WriteLine("| Measure (share of compilation alone) | default scope | pathsafety.scope = all |");
        Console.WriteLine("| --- | ---: | ---: |");
        Row("Analyzers' own time (telemetry)", ownDefault / compile, ownAll / compile);
        var driver = Cpu(Measurements.Driver);
        Row(
            "CPU added to a build that already runs operation analyzers (vs. no-op analyzer)",
            (Cpu(Measurements.DefaultScope) - driver) / compile,
            (Cpu(Measurements.AllScope) - driver) / compile);
        Row(
            "CPU added to a build that runs no analyzer at all (vs. GetDiagnostics)",
            (Cpu(Measurements.DefaultScope) - Cpu(Measurements.GetDiagnostics)) / compile,
            (Cpu(Measurements.AllScope) - Cpu(Measurements.GetDiagnostics)) / compile);
    }

    /// <summary>'--only pathsafety': no baseline was measured, so only the analyzers' own times and findings.</summary>
    private static void PrintPathSafetyOnly(Samples samples, Dictionary<string, SortedDictionary<string, int>> findings)
    {
        Console.WriteLine("## Each analyzer's own time, default scope only (Roslyn analyzer telemetry, median ms)");
        Console.WriteLine();
        Console.WriteLine("| Analyzer | default scope |");
        Console.WriteLine("| --- | ---: |");
        foreach (var analyzer in CompilerSetup.PathSafetyAnalyzers.Select(a => a.GetType().Name))
        {
            Console.WriteLine($"| {analyzer} | {F(samples.Median($"analyzer: {Measurements.DefaultScope}: {analyzer}"))} |");
        }

        Console.WriteLine($"| **all PathSafety analyzers** | **{F(samples.Median("analyzers total: " + Measurements.DefaultScope))}** |");
        Console.WriteLine();
        foreach (var (configuration, counts) in findings)
        {
            Console.WriteLine($"- Findings, {configuration}: {Describe(counts)}");
        }
    }

    private static string Describe(SortedDictionary<string, int> counts)
        => counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} x{c.Value}"));

    private static void Row(string measure, double defaultScope, double allScope)
        => Console.WriteLine($"| {measure} | {Percent(defaultScope)} | {Percent(allScope)} |");

    private static string Percent(double ratio) => $"{ratio * 100:0.00}% ({(ratio <= Budget ? "within" : "over")})";

    private static string F(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
