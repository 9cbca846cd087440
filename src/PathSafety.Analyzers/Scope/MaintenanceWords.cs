using System;
using System.Collections.Generic;

namespace PathSafety.Analyzers.Scope;

/// <summary>
/// The words that make a name maintenance code ('LogCleanup', 'Migrations', 'CacheJanitor'), matched as
/// whole words of the name's PascalCase parts, never as substrings ('Cleanliness' and 'Jobless' do not match).
/// Immutable; one instance per distinct 'pathsafety.maintenance_words' value. See docs/maintenance-code.md.
/// </summary>
internal sealed class MaintenanceWords
{
    /// <summary>Words that mean maintenance wherever they appear: namespace, type and member names.</summary>
    internal static readonly string[] DefaultWords =
    {
        "Cleanup", "Clean", "Cleaner", "Cleaning",
        "Purge", "Purger", "Prune", "Pruner", "Pruning",
        "Housekeeping", "Housekeeper", "Maintenance", "Retention",
        "Rotator", "Sweep", "Sweeper", "Janitor", "Scavenge", "Scavenger", "Vacuum", "Stale",
        "Migrate", "Migration", "Migrator", "Upgrader", "Updater", "AutoUpdate", "SelfUpdate",
        "Installer", "Uninstall", "Uninstaller", "Deploy", "Deployment", "Deployer", "Provision", "Provisioning",
        "Decommission", "Archiver",
    };

    /// <summary>
    /// Words that name maintenance as a type or namespace ('LogRotation', 'ReportJob', 'Acme.Jobs') but mean something
    /// else in member names ('RotateLeft', 'HasExpired', 'UpgradeToWriteLock', 'RunJob'): they count in namespace and
    /// type names as the last word or before a role word ('RotationService'), never in member names.
    /// </summary>
    internal static readonly string[] DefaultNounWords =
    {
        "Job", "Rotate", "Rotation", "Expire", "Expired", "Expiration", "Upgrade",
    };

    /// <summary>
    /// Everyday verbs that are also ordinary nouns ('UpdateUser', 'PatchUserRequest', 'StatusUpdate', 'ZipArchive'):
    /// they count only before a role word ('BackupService', 'UpdateTask') or as a whole namespace segment
    /// ('Acme.Backups'), never in member names.
    /// </summary>
    internal static readonly string[] DefaultEverydayWords =
    {
        "Update", "Install", "Restore", "Backup", "Archive", "Patch",
    };

    /// <summary>Words after which a noun or everyday word still names what the type or namespace is.</summary>
    private static readonly HashSet<string> RoleWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Service", "Services", "Job", "Jobs", "Worker", "Workers", "Task", "Tasks", "Runner", "Tool", "Tools",
        "Script", "Scripts", "Host", "Agent", "Daemon", "Manager", "Scheduler", "Schedule", "Command", "Commands",
        "Step", "Steps", "Program",
    };

    /// <summary>Set phrases in which a maintenance word means something else ('CleanArchitecture' is a template).</summary>
    private static readonly string[][] NotMaintenancePhrases =
    {
        new[] { "Clean", "Architecture" },
        new[] { "Clean", "Code" },
    };

    private readonly Dictionary<string, List<string[]>> _words;
    private readonly Dictionary<string, List<string[]>> _nounWords;
    private readonly Dictionary<string, List<string[]>> _everydayWords;

    private MaintenanceWords(IEnumerable<string> words, IEnumerable<string> nounWords, IEnumerable<string> everydayWords)
    {
        _words = Index(words);
        _nounWords = Index(nounWords);
        _everydayWords = Index(everydayWords);
    }

    private enum NameKind
    {
        Member,
        Type,
        NamespaceSegment,
    }

    public static MaintenanceWords Default { get; } = new MaintenanceWords(DefaultWords, DefaultNounWords, DefaultEverydayWords);

    /// <summary>
    /// Reads 'pathsafety.maintenance_words': a comma-separated list replaces the defaults (the restrictions on
    /// everyday words included: every listed word then counts everywhere); when every entry starts with '+',
    /// the entries are added to the defaults. An empty value turns name matching off.
    /// </summary>
    public static MaintenanceWords Parse(string? option)
    {
        if (option is null)
        {
            return Default;
        }

        var entries = new List<string>();
        var allAdditions = true;
        foreach (var raw in option.Split(','))
        {
            var entry = raw.Trim();
            if (entry.StartsWith("+", StringComparison.Ordinal))
            {
                entry = entry.Substring(1).Trim();
            }
            else if (entry.Length > 0)
            {
                allAdditions = false;
            }

            if (entry.Length > 0)
            {
                entries.Add(entry);
            }
        }

        if (entries.Count > 0 && allAdditions)
        {
            entries.AddRange(DefaultWords);
            return new MaintenanceWords(entries, DefaultNounWords, DefaultEverydayWords);
        }

        return new MaintenanceWords(entries, Array.Empty<string>(), Array.Empty<string>());
    }

    /// <summary>A method, property or other member name: only the maintenance words count.</summary>
    public bool MatchesMemberName(string name) => Matches(name, NameKind.Member);

    public bool MatchesTypeName(string name) => Matches(name, NameKind.Type);

    /// <summary>One segment of a namespace ('Housekeeping' in 'Acme.Housekeeping.Logs').</summary>
    public bool MatchesNamespaceSegment(string name) => Matches(name, NameKind.NamespaceSegment);

    private bool Matches(string name, NameKind kind)
    {
        if (name.Length == 0 || (_words.Count == 0 && _nounWords.Count == 0 && _everydayWords.Count == 0))
        {
            return false;
        }

        var parts = SplitPascalCase(name);
        for (var i = 0; i < parts.Count; i++)
        {
            var skip = MatchLength(parts, i, NotMaintenancePhrases);
            if (skip > 0)
            {
                i += skip - 1;
                continue;
            }

            if (MatchLength(parts, i, _words) > 0)
            {
                return true;
            }

            if (kind != NameKind.Member && (NamesTheThing(parts, i, MatchLength(parts, i, _nounWords), lastWordCounts: true)
                || NamesTheThing(parts, i, MatchLength(parts, i, _everydayWords), lastWordCounts: kind == NameKind.NamespaceSegment && i == 0)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A matched word (of <paramref name="length"/> parts) followed by a role word, or ending the name when that counts.</summary>
    private static bool NamesTheThing(List<string> parts, int start, int length, bool lastWordCounts)
    {
        if (length == 0)
        {
            return false;
        }

        var next = start + length;
        return next == parts.Count ? lastWordCounts : RoleWords.Contains(parts[next]);
    }

    /// <summary>
    /// Splits 'IOCleanupJob2' into 'IO', 'Cleanup', 'Job', '2'; underscores, dots and other non-letters separate
    /// words too, so 'log_cleanup' and lower-case namespace segments work.
    /// </summary>
    internal static List<string> SplitPascalCase(string name)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, ref start, i, parts);
                continue;
            }

            if (start >= 0 && IsBoundary(name, i))
            {
                Flush(name, ref start, i, parts);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(name, ref start, name.Length, parts);
        return parts;
    }

    private static bool IsBoundary(string name, int i)
    {
        var previous = name[i - 1];
        var current = name[i];
        if (char.IsDigit(previous) != char.IsDigit(current))
        {
            return true;
        }

        if (char.IsLower(previous) && char.IsUpper(current))
        {
            return true;
        }

        // The last capital of an acronym starts the next word: 'IOCleanup' -> 'IO', 'Cleanup'.
        return char.IsUpper(previous) && char.IsUpper(current) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }

    private static void Flush(string name, ref int start, int end, List<string> parts)
    {
        if (start >= 0 && end > start)
        {
            parts.Add(name.Substring(start, end - start));
        }

        start = -1;
    }

    private static Dictionary<string, List<string[]>> Index(IEnumerable<string> words)
    {
        var index = new Dictionary<string, List<string[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var phrase = SplitPascalCase(word).ToArray();
            if (phrase.Length == 0)
            {
                continue;
            }

            if (!index.TryGetValue(phrase[0], out var list))
            {
                list = new List<string[]>();
                index.Add(phrase[0], list);
            }

            list.Add(phrase);
        }

        return index;
    }

    private static int MatchLength(List<string> parts, int start, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (PhraseMatches(parts, start, phrase))
            {
                return phrase.Length;
            }
        }

        return 0;
    }

    private static int MatchLength(List<string> parts, int start, Dictionary<string, List<string[]>> index)
    {
        if (index.Count == 0)
        {
            return 0;
        }

        // The first word may be plural too when the phrase is a single word ('Migrations', 'Jobs').
        var first = parts[start];
        if (!index.TryGetValue(first, out var candidates)
            && !(first.Length > 2 && index.TryGetValue(first.Substring(0, first.Length - 1), out candidates))
            && !(first.Length > 3 && index.TryGetValue(first.Substring(0, first.Length - 2), out candidates)))
        {
            return 0;
        }

        var best = 0;
        foreach (var phrase in candidates)
        {
            if (phrase.Length > best && PhraseMatches(parts, start, phrase))
            {
                best = phrase.Length;
            }
        }

        return best;
    }

    /// <summary>Whole words, case-insensitive; the phrase's last word may carry a plural 's' or 'es'.</summary>
    private static bool PhraseMatches(List<string> parts, int start, string[] phrase)
    {
        if (start + phrase.Length > parts.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            var part = parts[start + j];
            var equal = string.Equals(part, phrase[j], StringComparison.OrdinalIgnoreCase)
                || (j == phrase.Length - 1 && IsPluralOf(part, phrase[j]));
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPluralOf(string part, string word)
        => (part.Length == word.Length + 1
               && part.EndsWith("s", StringComparison.OrdinalIgnoreCase)
               && part.StartsWith(word, StringComparison.OrdinalIgnoreCase))
           || (part.Length == word.Length + 2
               && part.EndsWith("es", StringComparison.OrdinalIgnoreCase)
               && part.StartsWith(word, StringComparison.OrdinalIgnoreCase));
}
