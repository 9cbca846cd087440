using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PathSafety.RealCode;

/// <summary>
/// One labelled call site (format in corpus/README.md): which rules a careful reviewer expects on the line (none:
/// 'safe') and why.
/// </summary>
internal sealed record LabelRow(string Repo, string Commit, string Path, int Line, string Call, ImmutableSortedSet<string> Expected, string Reason)
{
    public const string Header = "repo\tcommit\tpath\tline\tcall\texpected\treason";

    public static ImmutableArray<LabelRow> Read(string file)
    {
        var rows = ImmutableArray.CreateBuilder<LabelRow>();
        var number = 0;
        foreach (var text in File.ReadLines(file))
        {
            number++;
            if (text.Trim().Length == 0 || text.StartsWith('#') || text.StartsWith("repo\t", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(Parse(text, $"{file}:{number}"));
        }

        return rows.ToImmutable();
    }

    private static LabelRow Parse(string text, string where)
    {
        var fields = text.Split('\t');
        if (fields.Length != 7)
        {
            throw new FormatException($"{where}: {fields.Length} tab-separated fields, expected 7 ({Header.Replace('\t', ' ')}).");
        }

        if (!Regex.IsMatch(fields[1], "^[0-9a-f]{40}$"))
        {
            throw new FormatException($"{where}: commit '{fields[1]}' is not 40 lower-case hex digits.");
        }

        if (!int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var line) || line < 1)
        {
            throw new FormatException($"{where}: line '{fields[3]}' is not a 1-based line number.");
        }

        var expected = fields[5].Trim() == "safe"
            ? ImmutableSortedSet<string>.Empty
            : fields[5].Split(',', StringSplitOptions.TrimEntries).ToImmutableSortedSet(StringComparer.Ordinal);
        if (expected.FirstOrDefault(id => !Scoring.Rules.Contains(id)) is { } unknown)
        {
            throw new FormatException($"{where}: expected '{unknown}' is neither 'safe' nor one of {string.Join(", ", Scoring.Rules)}.");
        }

        return new LabelRow(fields[0].Trim(), fields[1], fields[2].Trim().Replace('\\', '/'), line, fields[4].Trim(), expected, fields[6].Trim());
    }

    public string Where => $"{Repo} {Path}:{Line}";

    public string ExpectedText => Expected.IsEmpty ? "safe" : string.Join(",", Expected);
}
