using System.Collections.Immutable;

namespace PathSafety.RealCode;

/// <summary>Counts for one rule: a labelled row expecting it is TP or FN, a finding of it on a row not expecting it is FP.</summary>
internal sealed record RuleScore(string Rule, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>A labelled row the analyzers got wrong: a rule found but not expected (FP) or expected but not found (FN).</summary>
internal sealed record Miss(LabelRow Row, string Rule, bool FalsePositive, ImmutableArray<Finding> Found);

/// <summary>
/// Findings matched to labelled rows by (repository, path, line, rule). Findings on unlabelled lines of labelled files
/// are kept for a reviewer to label; those in other files are only counted (the findings file has them all).
/// </summary>
internal sealed record Scoring(ImmutableArray<RuleScore> PerRule, ImmutableArray<Miss> Misses,
    ImmutableArray<(string Repo, Finding Finding)> Unlabelled, int ElsewhereCount)
{
    public static readonly ImmutableArray<string> Rules = ["PS0001", "PS0002", "PS0003", "PS0004", "PS0005", "PS0006", "PS0007"];

    public RuleScore Overall
        => new("PS0001-PS0007", PerRule.Sum(r => r.TruePositives), PerRule.Sum(r => r.FalsePositives), PerRule.Sum(r => r.FalseNegatives));

    public static Scoring Score(ImmutableArray<LabelRow> rows, IReadOnlyDictionary<string, ImmutableArray<Finding>> findingsByRepo)
    {
        var byLine = findingsByRepo
            .SelectMany(r => r.Value.Select(f => (r.Key, f)))
            .ToLookup(x => (x.Key, x.f.Path, x.f.Line), x => x.f);
        var counts = Rules.ToDictionary(r => r, _ => new int[3]);
        var misses = ImmutableArray.CreateBuilder<Miss>();
        foreach (var row in rows)
        {
            var found = byLine[(row.Repo, row.Path, row.Line)].ToImmutableArray();
            foreach (var rule in Rules)
            {
                var expected = row.Expected.Contains(rule);
                var reported = found.Any(f => f.Id == rule);
                var slot = (expected, reported) switch { (true, true) => 0, (false, true) => 1, (true, false) => 2, _ => -1 };
                if (slot < 0)
                {
                    continue;
                }

                counts[rule][slot]++;
                if (slot > 0)
                {
                    misses.Add(new Miss(row, rule, FalsePositive: slot == 1, found));
                }
            }
        }

        var labelledLines = rows.Select(r => (r.Repo, r.Path, r.Line)).ToHashSet();
        var labelledFiles = rows.Select(r => (r.Repo, r.Path)).ToHashSet();
        var unlabelled = findingsByRepo
            .SelectMany(r => r.Value.Where(f => !labelledLines.Contains((r.Key, f.Path, f.Line))).Select(f => (r.Key, f)))
            .ToList();
        return new Scoring(
            Rules.Select(r => new RuleScore(r, counts[r][0], counts[r][1], counts[r][2])).ToImmutableArray(),
            misses.ToImmutable(),
            unlabelled.Where(x => labelledFiles.Contains((x.Key, x.f.Path))).OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x
                => x.f).ToImmutableArray(),
            unlabelled.Count(x => !labelledFiles.Contains((x.Key, x.f.Path))));
    }

    /// <summary>
    /// A ban list for comparison: every labelled row whose call is a delete counts as flagged, whatever the rule; a
    /// row is a positive when it expects any rule.
    /// </summary>
    public static RuleScore DeleteBanBaseline(ImmutableArray<LabelRow> rows)
    {
        bool Flagged(LabelRow row) => row.Call.Contains("Delete", StringComparison.Ordinal);
        return new RuleScore(
            "flag every File.Delete/Directory.Delete",
            rows.Count(r => Flagged(r) && !r.Expected.IsEmpty),
            rows.Count(r => Flagged(r) && r.Expected.IsEmpty),
            rows.Count(r => !Flagged(r) && !r.Expected.IsEmpty));
    }
}
