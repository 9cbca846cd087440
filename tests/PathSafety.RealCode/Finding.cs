using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PathSafety.RealCode;

/// <summary>One PathSafety diagnostic where a reviewer would look for it: repository path, 1-based line, rule ID.</summary>
internal sealed record Finding(string Path, int Line, string Id, string Message) : IComparable<Finding>
{
    public static ImmutableArray<Finding> From(IEnumerable<Diagnostic> diagnostics)
        => diagnostics
            .Where(d => d.Id.StartsWith("PS", StringComparison.Ordinal) && d.Location.IsInSource)
            .Select(d => new Finding(
                LooseCompilation.RepositoryPath(d.Location.SourceTree!.FilePath),
                d.Location.GetLineSpan().StartLinePosition.Line + 1,
                d.Id,
                d.GetMessage(CultureInfo.InvariantCulture)))
            .Order()
            .ToImmutableArray();

    /// <summary>'PS0002 x3, PS0005 x1', or 'none'.</summary>
    public static string CountsById(IEnumerable<Finding> findings)
    {
        var counts = findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}").ToList();
        return counts.Count == 0 ? "none" : string.Join(", ", counts);
    }

    /// <summary>'path:line: ID message': one per line, sorted, so two runs' lists diff cleanly.</summary>
    public override string ToString() => $"{Path}:{Line}: {Id} {Message}";

    public int CompareTo(Finding? other)
        => other is null ? 1
            : string.CompareOrdinal(Path, other.Path) is var byPath and not 0 ? byPath
            : Line.CompareTo(other.Line) is var byLine and not 0 ? byLine
            : string.CompareOrdinal(Id, other.Id) is var byId and not 0 ? byId
            : string.CompareOrdinal(Message, other.Message);
}
