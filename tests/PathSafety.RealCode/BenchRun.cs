using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Benchmarks;

namespace PathSafety.RealCode;

/// <summary>
/// The measured configurations of 'bench', each on a fresh compilation over the same parsed trees: binding alone
/// (GetDiagnostics, no analyzer), PathSafety with default scope, with 'pathsafety.scope = all', and the no-op operation
/// analyzer as the floor. Analyzer times come from Roslyn's telemetry; CPU time of this process is kept beside them.
/// </summary>
internal sealed class BenchRun(CompilerSetup setup, BenchOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, Samples samples)
{
    public const string Binding = "binding";
    public const string DefaultScope = "default scope";
    public const string AllScope = "pathsafety.scope = all";
    public const string Floor = "no-op operation analyzer";

    /// <summary>Findings of the last round, per scope configuration.</summary>
    public SortedDictionary<string, ImmutableArray<Finding>> Findings { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> AnalyzerConfigurations
    {
        get
        {
            if (options.Scope != ScopeChoice.Second)
            {
                yield return DefaultScope;
            }

            if (options.Scope != ScopeChoice.First)
            {
                yield return AllScope;
            }

            if (options.Floor)
            {
                yield return Floor;
            }
        }
    }

    public IReadOnlyList<Func<Task>> Round(bool record)
        => [() => BindAsync(record), .. AnalyzerConfigurations.Select(name => (Func<Task>)(() => AnalyzeAsync(name, record)))];

    private Task BindAsync(bool record)
    {
        var compilation = setup.NewCompilation();
        var start = CostClock.Begin();
        _ = compilation.GetDiagnostics();
        var cost = CostClock.Elapsed(start);
        if (record)
        {
            samples.Add("cpu: " + Binding, cost.CpuMilliseconds);
            samples.Add("wall: " + Binding, cost.WallMilliseconds);
        }

        return Task.CompletedTask;
    }

    private async Task AnalyzeAsync(string name, bool record)
    {
        var measured = name == Floor ? [new NoOpOperationAnalyzer()] : analyzers;
        var provider = new ConfigOptionsProvider(allInScope: name == AllScope);
        var compilation = setup.NewCompilation();

        // The references are bound (the referenced assemblies' symbols built), and the source declarations merged into
        // one namespace tree, once per compilation, by whichever asks first: the compiler, which needs both to bind
        // anything, or an analyzer resolving a type at compilation start (a type is looked up in the source assembly
        // first). Done here, outside the telemetry, so that the compiler's share of the work is not charged to one
        // analyzer; the binding configuration pays it inside GetDiagnostics.
        _ = compilation.Assembly;
        _ = compilation.SourceModule.GlobalNamespace;
        var run = await AnalyzerRun.RunAsync(compilation, measured, provider, setup.Concurrent, telemetry: true).ConfigureAwait(false);
        if (!record)
        {
            return;
        }

        samples.Add("cpu: " + name, run.Cost.CpuMilliseconds);
        samples.Add("wall: " + name, run.Cost.WallMilliseconds);
        foreach (var (analyzer, time) in run.AnalyzerMilliseconds)
        {
            samples.Add($"analyzer: {name}: {analyzer.GetType().Name}", time);
        }

        samples.Add("analyzers total: " + name, run.AnalyzerMilliseconds.Values.Sum());

        // Each round on stderr: the medians hide how far the rounds spread, and a full collection inside a run is
        // charged to whichever analyzer callback was running.
        Console.Error.WriteLine($"  {name}: analyzers {run.AnalyzerMilliseconds.Values.Sum():F0} ms ("
                                + string.Join(", ", run.AnalyzerMilliseconds.Select(p => $"{p.Key.GetType().Name} {p.Value:F0}"))
                                + $"), CPU {run.Cost.CpuMilliseconds:F0} ms, full collections {run.FullCollections}");
        if (name != Floor)
        {
            Findings[name] = Finding.From(run.Diagnostics);
        }
    }
}
