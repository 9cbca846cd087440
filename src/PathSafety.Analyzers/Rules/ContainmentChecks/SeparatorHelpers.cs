using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
internal sealed class SeparatorHelpers
{
    private readonly MemberValues _values;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    private SeparatorHelpers(KnownSymbols known)
    {
        _values = MemberValues.GetOrCreate(known);
    }

    public static SeparatorHelpers GetOrCreate(KnownSymbols known) => known.GetOrCreateTable(static k => new SeparatorHelpers(k));

    public bool ReturnsSeparatorTerminated(IInvocationOperation call, ContainmentGuards guards)
    {
        var method = call.TargetMethod.OriginalDefinition;
        return method.ReturnType.SpecialType == SpecialType.System_String
               && method.Locations.Length > 0
               && method.Locations[0].IsInSource
               && _answers.GetOrAdd(method, m => Summarise(m, guards));
    }

    private bool Summarise(IMethodSymbol method, ContainmentGuards guards)
    {
        var returned = _values.Of(method);
        if (!returned.Complete)
        {
            return false;
        }

        // The helper's own locals ('var full = …; return full + sep;'): every returned expression shares one body.
        var locals = AssignmentTable.Collect(ImmutableArray.Create(returned.Values[0].Root()));
        foreach (var value in returned.Values)
        {
            if (!ContainmentCheckIngredients.EndsWithSeparator(value, guards, locals, followHelpers: false))
            {
                return false;
            }
        }

        return true;
    }
}
