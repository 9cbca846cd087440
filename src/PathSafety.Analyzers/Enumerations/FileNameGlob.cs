namespace PathSafety.Analyzers.Enumerations;

/// <summary>
/// File-name globs as the protected list and the enumeration APIs use them: '*' is any run of characters,
/// '?' is one character, everything else is literal and compared case-insensitively (protected names are
/// judged for every platform, and Windows and macOS compare names without case).
/// </summary>
internal static class FileNameGlob
{
    public static bool HasWildcards(string glob) => glob.IndexOf('*') >= 0 || glob.IndexOf('?') >= 0;

    /// <summary>True when the enumeration pattern matches every name ('*', '*.*', '**').</summary>
    public static bool MatchesEverything(string pattern)
    {
        if (pattern.Length == 0)
        {
            return false;
        }

        // .NET applies the Win32 rule on every platform: '*.*' matches names without a dot too.
        return pattern == "*.*" || pattern.Trim('*').Length == 0;
    }

    /// <summary>Does <paramref name="glob"/> match the literal <paramref name="name"/>?</summary>
    public static bool IsMatch(string glob, string name) => Intersects(glob, name, SecondSide.Literal);

    /// <summary>Is there a name both globs match?</summary>
    public static bool CanIntersect(string first, string second) => Intersects(first, second, SecondSide.Glob);

    /// <summary>
    /// Can the enumeration <paramref name="pattern"/> yield a name that <paramref name="name"/> (itself a glob,
    /// 'appsettings.*.json') stands for? Its literal text must come from the name's literal text ('*', '*.json',
    /// '*settings*' reach 'appsettings.*.json'), or, when the pattern spells out text the name leaves open, the
    /// pattern must also commit to a start or an ending ('*.Production.json', 'appsettings.Prod*'). '*.dblock.*' does not, although
    /// 'appsettings.x.dblock.json' matches both globs: it selects another feature's files, and real folders do not
    /// hold names made to match both. A pattern without wildcards is a name, and reaches whatever the glob matches.
    /// </summary>
    public static bool CanYield(string pattern, string name)
    {
        if (MatchesEverything(pattern))
        {
            return true;
        }

        if (!pattern.StartsWith("*", System.StringComparison.Ordinal) || !pattern.EndsWith("*", System.StringComparison.Ordinal))
        {
            return Intersects(pattern, name, SecondSide.Glob);
        }

        return Intersects(pattern, name, SecondSide.GlobOfLiterals);
    }

    /// <summary>
    /// Does every name <paramref name="inner"/> matches also match <paramref name="outer"/>? Exact for a plain
    /// inner name; for an inner glob only the shapes name tests produce are decided ('prefix*', '*suffix',
    /// '*part*', '*'), anything else answers false (not known to cover).
    /// </summary>
    public static bool Covers(string outer, string inner)
    {
        if (!HasWildcards(inner))
        {
            return IsMatch(outer, inner);
        }

        if (MatchesEverything(outer) || string.Equals(outer, inner, System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var core = outer.Trim('*');
        if (core.Length == 0 || HasWildcards(core))
        {
            return false;
        }

        var leadingStar = outer.StartsWith("*", System.StringComparison.Ordinal);
        var trailingStar = outer.EndsWith("*", System.StringComparison.Ordinal);
        var innerPrefix = inner.Substring(0, inner.IndexOfAny(Wildcards));
        var innerSuffix = inner.Substring(inner.LastIndexOfAny(Wildcards) + 1);
        return (leadingStar, trailingStar) switch
        {
            (false, true) => innerPrefix.StartsWith(core, System.StringComparison.OrdinalIgnoreCase),
            (true, false) => innerSuffix.EndsWith(core, System.StringComparison.OrdinalIgnoreCase),
            (true, true) => Contains(innerPrefix, core) || Contains(innerSuffix, core),
            _ => false,
        };
    }

    private static readonly char[] Wildcards = { '*', '?' };

    private enum SecondSide
    {
        /// <summary>A name: '*' and '?' are ordinary characters.</summary>
        Literal,

        /// <summary>A glob whose wildcards match any characters, including those the first glob spells out.</summary>
        Glob,

        /// <summary>A glob whose wildcards match nothing the first glob spells out: only its wildcards, or nothing.</summary>
        GlobOfLiterals,
    }

    private static bool Contains(string text, string part) => text.IndexOf(part, System.StringComparison.OrdinalIgnoreCase) >= 0;

    // Two globs intersect when some string is accepted by both: a reachability table over
    // (position in first, position in second). Every step advances at least one side, so one pass in
    // index order fills it; '*' may stay put while the other side consumes a character.
    private static bool Intersects(string first, string second, SecondSide side)
    {
        var n = first.Length;
        var m = second.Length;
        var reach = new bool[n + 1, m + 1];
        reach[0, 0] = true;
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                if (!reach[i, j])
                {
                    continue;
                }

                if (i == n && j == m)
                {
                    return true;
                }

                var a = i < n ? first[i] : '\0';
                var b = j < m ? second[j] : '\0';
                var aStar = i < n && a == '*';
                var bStar = j < m && side != SecondSide.Literal && b == '*';

                if (aStar)
                {
                    reach[i + 1, j] = true;
                }

                if (bStar)
                {
                    reach[i, j + 1] = true;
                }

                if (i < n && j < m)
                {
                    if (aStar && !bStar)
                    {
                        reach[i, j + 1] = true;
                    }
                    else if (bStar && !aStar && side == SecondSide.Glob)
                    {
                        reach[i + 1, j] = true;
                    }
                    else if (!aStar && !bStar && CharsCompatible(a, b, side))
                    {
                        reach[i + 1, j + 1] = true;
                    }
                }
            }
        }

        return false;
    }

    private static bool CharsCompatible(char a, char b, SecondSide side)
        => a == '?' || (side == SecondSide.Glob && b == '?') || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
