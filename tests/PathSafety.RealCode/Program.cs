using System.Globalization;
using PathSafety.RealCode;

// PathSafety on real repositories (issues 18 and 19): 'bench' measures the analyzers' share of binding time on a
// snapshot, 'precision' scores the findings against labelled call sites. Prints Markdown; asserts nothing.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var commandLine = $"dotnet run -c Release --project tests/PathSafety.RealCode -- {string.Join(' ', args)}";
try
{
    return args.FirstOrDefault() switch
    {
        "bench" => await BenchCommand.RunAsync(BenchOptions.Parse(args[1..]), commandLine),
        "precision" => await PrecisionCommand.RunAsync(PrecisionOptions.Parse(args[1..]), commandLine),
        _ => throw new ArgumentException("Name a verb."),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
