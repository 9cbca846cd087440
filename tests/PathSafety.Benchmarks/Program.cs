using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using PathSafety.Benchmarks;

// Analyzer cost benchmark: compilation alone vs compilation with every PathSafety analyzer, on a generated
// corpus of at least 200,000 lines. Prints Markdown for docs/performance.md. Measures; never asserts.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);

var generation = Stopwatch.StartNew();
var (files, stats) = CorpusGenerator.Generate(options.Seed, options.Lines, options.MaintenancePercent);
generation.Stop();
var parsing = Stopwatch.StartNew();
var setup = CompilerSetup.Create(files, options.Concurrent);
parsing.Stop();

var compilerVersion = typeof(Compilation).Assembly.GetName().Version;
Console.WriteLine("# PathSafety analyzer benchmark");
Console.WriteLine();
Console.WriteLine($"- Command: `dotnet run -c Release --project tests/PathSafety.Benchmarks -- {string.Join(' ', args)}`");
Console.WriteLine($"- Machine: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, "
    + $"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, Roslyn {compilerVersion}");
Console.WriteLine($"- References: {setup.ReferenceSource}");
Console.WriteLine($"- Corpus (seed {options.Seed}, {options.MaintenancePercent}% maintenance classes): {stats.Files} files, "
    + $"{stats.Lines:N0} lines, {stats.OrdinaryClasses} ordinary and {stats.MaintenanceClasses} maintenance classes, "
    + $"{stats.DeleteCalls} delete calls, {stats.PathCombineCalls} Path.Combine calls; "
    + $"generated in {generation.ElapsedMilliseconds} ms, parsed in {parsing.ElapsedMilliseconds} ms");
Console.WriteLine($"- Analyzers: {string.Join(", ", CompilerSetup.PathSafetyAnalyzers.Select(a => a.GetType().Name))}");
var mode = options.Concurrent
    ? "concurrent build and analysis"
    : "single-threaded build and analysis (stable numbers on a shared machine)";
Console.WriteLine($"- Rounds: {options.Rounds} measured after a warm-up on 10 files; {mode}");
Console.WriteLine();

var errors = setup.NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine($"The generated corpus has {errors.Count} compile errors; the numbers would not mean anything:");
    errors.Take(10).ToList().ForEach(e => Console.Error.WriteLine(e));
    return 1;
}

var samples = new Samples();
var measurements = new Measurements(setup, samples, options.Show, options.OnlyPathSafety);
for (var round = 0; round <= options.Rounds; round++)
{
    var steps = measurements.Round(record: round > 0);

    // Rotating the order spreads slow drift (thermal, other processes) over every configuration.
    for (var i = 0; i < steps.Count; i++)
    {
        await steps[(i + round) % steps.Count]();
    }

    Console.Error.WriteLine(round == 0 ? "warm-up done" : $"round {round} of {options.Rounds} done at {DateTime.UtcNow:HH:mm:ss} UTC");
}

Report.Print(samples, measurements.Findings);
return 0;
