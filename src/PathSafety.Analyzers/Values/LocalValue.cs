using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// The value of a local that is written exactly once ('var path = Path.Combine(dir, "x.json");'), in the
/// sense of <see cref="LocalAssignments"/>: a second write, or a write it does not follow (ref/out, compound,
/// deconstruction, pattern, foreach or using variable), makes the value unknown.
/// </summary>
internal static class LocalValue
{
    public static IOperation? TryGetSingleValue(ILocalReferenceOperation reference)
        => LocalAssignments.TryGetAllAssignedValues(reference, out var values) && values.Count == 1 ? values[0] : null;
}
