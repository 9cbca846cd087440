using System.Collections.Immutable;
using System.Globalization;

namespace PathSafety.RealCode;

/// <summary>Markdown for one scope mode of 'precision': scores per rule, the ban-list baseline, every miss, unlabelled findings.</summary>
internal static class PrecisionReport
{
    public static void Print(string mode, ImmutableArray<LabelRow> rows, Scoring scoring)
    {
        Console.WriteLine($"## {mode}");
        Console.WriteLine();
        Console.WriteLine("| Rule | TP | FP | FN | Precision | Recall |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var score in scoring.PerRule.Append(scoring.Overall).Append(Scoring.DeleteBanBaseline(rows)))
        {
            Console.WriteLine($"| {score.Rule} | {score.TruePositives} | {score.FalsePositives} | {score.FalseNegatives} | "
                + $"{Ratio(score.Precision)} | {Ratio(score.Recall)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"### Misses ({scoring.Misses.Length})");
        Console.WriteLine();
        foreach (var miss in scoring.Misses.OrderBy(m => m.Row.Repo, StringComparer.Ordinal).ThenBy(m => m.Row.Path, StringComparer.Ordinal).ThenBy(m
            => m.Row.Line))
        {
            var kind = miss.FalsePositive ? "FP" : "FN";
            var found = miss.Found.IsEmpty ? "nothing" : string.Join(", ", miss.Found.Select(f => f.Id).Distinct());
            Console.WriteLine($"- {kind} {miss.Rule}: {miss.Row.Where} `{miss.Row.Call}`: expected {miss.Row.ExpectedText}, found {found}. "
                + $"{miss.Row.Reason}");
        }

        Console.WriteLine();
        Console.WriteLine($"### Unlabelled findings in labelled files ({scoring.Unlabelled.Length}, not counted; {scoring.ElsewhereCount} more "
            + $"in other files, all in --findings)");
        Console.WriteLine();
        foreach (var (repo, finding) in scoring.Unlabelled)
        {
            Console.WriteLine($"- {repo} {finding}");
        }

        Console.WriteLine();
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
