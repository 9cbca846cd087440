using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Breaks seed sources the way editing does: deleted, duplicated, swapped or stray tokens, truncated files,
/// lost lines. Input <c>n</c> of run seed <c>s</c> depends on nothing else, so a failure is reproduced by
/// regenerating that one input (<see cref="Create"/>), whatever the run size.
/// </summary>
internal static class Mutator
{
    /// <summary>Tokens that, dropped anywhere, make the parser and binder produce unusual trees.</summary>
    private static readonly string[] StrayTokens =
    [
        "(", ")", "{", "}", "[", "]", ";", ",", ".", "..", "?", "!", "=", "=>", "\"", "@\"", "$\"", "\"\"\"",
        "null", "default", "await", "ref", "out", "in", "params", "static", "new", "this", "base", "var", "dynamic",
        "\"/\"", "\"C:\\\\\"", "\"*\"", "\"..\"", "true", "0", "#if X", "#endif", "/*", "*/", "//", "\n", "<", ">",
        "File.Delete(", "Directory.Delete(", "Path.Combine(", ".Delete()", "foreach (var x in", "yield return",
    ];

    public static SourceInput Create(int runSeed, int index, SourceInput seed)
    {
        var random = new Random(HashCode(runSeed, index));
        var text = seed.Source;
        var steps = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            text = MutateOnce(random, text, steps);
        }

        var origin = $"mutant #{index} of run seed {runSeed} (from seed {seed.Name}: {string.Join("; ", steps)})";
        return new SourceInput(seed.Name + "_" + index.ToString(CultureInfo.InvariantCulture), text, origin);
    }

    private static string MutateOnce(Random random, string text, List<string> steps)
    {
        var tokens = CSharpSyntaxTree.ParseText(text, AnalyzerHarness.ParseOptions).GetRoot()
            .DescendantTokens(descendIntoTrivia: true)
            .Where(t => t.Span.Length > 0)
            .ToList();
        if (tokens.Count < 2)
        {
            steps.Add("truncate to empty");
            return string.Empty;
        }

        var at = random.Next(tokens.Count);
        var token = tokens[at];
        switch (random.Next(7))
        {
            case 0:
                steps.Add($"delete token '{token.Text}' at {token.SpanStart}");
                return text.Remove(token.SpanStart, token.Span.Length);
            case 1:
                steps.Add($"duplicate token '{token.Text}' at {token.SpanStart}");
                return text.Insert(token.Span.End, " " + token.Text);
            case 2:
                return Swap(text, token, tokens[Math.Min(at + 1, tokens.Count - 1)], steps);
            case 3:
                var length = random.Next(text.Length);
                steps.Add($"truncate at {length}");
                return text.Substring(0, length);
            case 4:
                return RemoveLines(random, text, steps);
            case 5:
                var stray = StrayTokens[random.Next(StrayTokens.Length)];
                steps.Add($"insert '{stray}' at {token.SpanStart}");
                return text.Insert(token.SpanStart, stray + " ");
            default:
                var replacement = StrayTokens[random.Next(StrayTokens.Length)];
                steps.Add($"replace '{token.Text}' at {token.SpanStart} with '{replacement}'");
                return text.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, replacement);
        }
    }

    private static string Swap(string text, SyntaxToken first, SyntaxToken second, List<string> steps)
    {
        if (first.Span.End > second.SpanStart)
        {
            steps.Add($"swap skipped at {first.SpanStart}");
            return text;
        }

        steps.Add($"swap '{first.Text}' and '{second.Text}' at {first.SpanStart}");
        return string.Concat(
            text.AsSpan(0, first.SpanStart),
            second.Text,
            text.AsSpan(first.Span.End, second.SpanStart - first.Span.End),
            first.Text + text.Substring(second.Span.End));
    }

    private static string RemoveLines(Random random, string text, List<string> steps)
    {
        var lines = text.Split('\n').ToList();
        var start = random.Next(lines.Count);
        var count = Math.Min(1 + random.Next(3), lines.Count - start);
        lines.RemoveRange(start, count);
        steps.Add($"remove {count} line(s) from line {start + 1}");
        return string.Join('\n', lines);
    }

    private static int HashCode(int runSeed, int index) => unchecked((runSeed * 486187739) ^ (index * 16777619) ^ 0x5bd1e995);
}
