namespace PathSafety.Analyzers.Symbols;

/// <summary>What the System.Linq.Enumerable operators do to the elements of their first argument.</summary>
internal static class LinqOperators
{
    /// <summary>
    /// An operator whose result holds only elements of its first argument, unchanged: some of them (a filter, a count,
    /// the set difference or intersection with another sequence), reordered, copied or re-typed. A value known for every
    /// source element is known for every result element. The caller checks the method is Enumerable's.
    /// </summary>
    public static bool KeepsSourceElements(string name)
        => name is "Where" or "TakeWhile" or "SkipWhile"
            or "ToList" or "ToArray" or "ToHashSet" or "AsEnumerable" or "Cast" or "OfType"
            or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Order" or "OrderDescending"
            or "Take" or "Skip" or "TakeLast" or "SkipLast" or "Distinct" or "DistinctBy" or "Reverse"
            or "Except" or "ExceptBy" or "Intersect" or "IntersectBy";

    /// <summary>The ones among <see cref="KeepsSourceElements"/> that keep the elements a predicate (their second argument) accepts.</summary>
    public static bool FiltersByPredicate(string name) => name is "Where" or "TakeWhile" or "SkipWhile";
}
