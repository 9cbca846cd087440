using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Benchmarks;

/// <summary>Samples per measurement name, over the rounds; reported as medians.</summary>
internal sealed class Samples
{
    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

    public void Add(string name, double value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = new List<double>();
        }

        list.Add(value);
    }

    public double Median(string name) => Median(_values[name]);

    public bool Has(string name) => _values.ContainsKey(name);

    public double Min(string name) => _values[name].Min();

    public double Max(string name) => _values[name].Max();

    public IEnumerable<string> NamesStartingWith(string prefix)
        => _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>
/// The measured runs. Each starts from a fresh compilation over the same parsed trees, after a full GC, and records
/// wall clock, this process's CPU time (the verdict's measure: other processes on a shared machine do not count in
/// it) and allocated bytes.
/// </summary>
internal sealed class Measurements(CompilerSetup setup, Samples samples, string? show, bool onlyPathSafety = false)
{
    public const string GetDiagnostics = "compile: GetDiagnostics";
    public const string Emit = "compile: Emit";
    public const string Driver = "compile + driver (no-op operation analyzer)";
    public const string DefaultScope = "compile + PathSafety (default scope)";
    public const string AllScope = "compile + PathSafety (pathsafety.scope = all)";

    /// <summary>Diagnostic counts by ID from the last PathSafety run of each scope, to show the rules had work.</summary>
    public Dictionary<string, SortedDictionary<string, int>> Findings { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Func<Task>> Round(bool record)
        => onlyPathSafety
            ? [() => AnalyzeAsync(DefaultScope, CompilerSetup.PathSafetyAnalyzers, new ConfigOptionsProvider(allInScope: false), record,
                telemetry: true)]
            : AllConfigurations(record);

    private IReadOnlyList<Func<Task>> AllConfigurations(bool record)
        =>
        [
            () => CompileAsync(record),
            () => AnalyzeAsync(Driver, [new NoOpOperationAnalyzer()], new ConfigOptionsProvider(allInScope: false), record, telemetry: false),
            () => AnalyzeAsync(DefaultScope, CompilerSetup.PathSafetyAnalyzers, new ConfigOptionsProvider(allInScope: false), record,
                telemetry: true),
            () => AnalyzeAsync(AllScope, CompilerSetup.PathSafetyAnalyzers, new ConfigOptionsProvider(allInScope: true), record, telemetry: true),
        ];

    private Task CompileAsync(bool record)
    {
        var compilation = setup.NewCompilation(warmUp: !record);
        var start = CostClock.Begin();
        _ = compilation.GetDiagnostics();
        var diagnosed = CostClock.Elapsed(start);
        using (var stream = new MemoryStream())
        {
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("The corpus does not compile.");
            }
        }

        var total = CostClock.Elapsed(start);
        if (record)
        {
            Add(GetDiagnostics, diagnosed);
            Add(Emit, total - diagnosed);
        }

        return Task.CompletedTask;
    }

    private async Task AnalyzeAsync(string name, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider options, bool record,
        bool telemetry)
    {
        var compilation = setup.NewCompilation(warmUp: !record);
        var run = await AnalyzerRun.RunAsync(compilation, analyzers, options, setup.Concurrent, telemetry).ConfigureAwait(false);
        if (!record)
        {
            return;
        }

        Add(name, run.Cost);
        if (!telemetry)
        {
            return;
        }

        foreach (var analyzer in analyzers)
        {
            samples.Add($"analyzer: {name}: {analyzer.GetType().Name}", run.AnalyzerMilliseconds[analyzer]);
        }

        samples.Add($"analyzers total: {name}", run.AnalyzerMilliseconds.Values.Sum());
        foreach (var diagnostic in run.Diagnostics.Where(d => d.Id == show).Take(5))
        {
            Console.Error.WriteLine(diagnostic.ToString() + "\n    "
                + diagnostic.Location.SourceTree!.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim());
        }

        Findings[name] = new SortedDictionary<string, int>(
            run.Diagnostics.Where(d => d.Id.StartsWith("PS", StringComparison.Ordinal)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count()),
            StringComparer.Ordinal);
    }

    private void Add(string name, Cost value)
    {
        samples.Add("wall: " + name, value.WallMilliseconds);
        samples.Add("cpu: " + name, value.CpuMilliseconds);
        samples.Add("alloc: " + name, value.Allocated / 1024.0 / 1024.0);
    }
}
