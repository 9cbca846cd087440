using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// Which string helpers of the compilation return a value that ends with a directory separator
/// ('static string WithSlash(string p) => p.EndsWith('/') ? p : p + '/';',
/// 'return Path.TrimEndingDirectorySeparator(Path.GetFullPath(x)) + Path.DirectorySeparatorChar;'): a root built by
/// one is known to end with a separator at the check. Summarised on demand (only when a prefix check's root is such a
/// call), once per method and compilation; every returned expression must visibly end with a separator, judged
/// without following a further helper (so cycles cannot arise). Metadata methods and overridable ones are never read.
/// </summary>
internal static class SeparatorHelpers
{
    public static bool ReturnsSeparatorTerminated(IInvocationOperation call, KnownSymbols known)
        => known.GetOrCreateTable(static k => new Table(k)).Facts.Of(call);

    private static bool Summarise(MemberValueSet returned, KnownSymbols known)
    {
        // The helper's own locals ('var full = …; return full + sep;'): every returned expression shares one body.
        var locals = AssignmentTable.Collect(ImmutableArray.Create(returned.Values[0].Root()));
        foreach (var value in returned.Values)
        {
            if (!ContainmentCheckIngredients.EndsWithSeparator(value, known, locals, followHelpers: false))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Table
    {
        public Table(KnownSymbols known)
        {
            Facts = new StringHelperFacts<bool>(known, returned => Summarise(returned, known), unknown: false);
        }

        public StringHelperFacts<bool> Facts { get; }
    }
}
