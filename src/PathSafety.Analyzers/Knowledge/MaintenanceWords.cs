using System;
using System.Collections.Generic;

namespace PathSafety.Analyzers.Knowledge
{
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
            "Rotate", "Rotation", "Rotator", "Sweep", "Sweeper", "Janitor", "Scavenge", "Scavenger", "Vacuum",
            "Expire", "Expired", "Expiration", "Stale",
            "Migrate", "Migration", "Migrator", "Upgrade", "Upgrader", "Updater",
            "Installer", "Uninstall", "Uninstaller", "Deploy", "Deployment", "Deployer", "Provision", "Provisioning",
            "Decommission",
        };

        /// <summary>
        /// Words that are also everyday verbs or nouns ('UpdateUser', 'PatchOrderRequest', 'JobTitle'): they count only
        /// in namespace and type names, and only when they name the thing, i.e. are the last word or are followed by a
        /// role word ('AutoUpdate', 'BackupService', 'NightlyJob', 'MyApp.Jobs'; not 'UpdateProductCommand').
        /// </summary>
        internal static readonly string[] DefaultEverydayWords =
        {
            "Update", "Install", "Restore", "Backup", "Archive", "Archiver", "Patch", "Job",
        };

        /// <summary>Words after which an everyday word still names what the type or namespace is.</summary>
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
        private readonly Dictionary<string, List<string[]>> _everydayWords;

        private MaintenanceWords(IEnumerable<string> words, IEnumerable<string> everydayWords)
        {
            _words = Index(words);
            _everydayWords = Index(everydayWords);
        }

        public static MaintenanceWords Default { get; } = new MaintenanceWords(DefaultWords, DefaultEverydayWords);

        /// <summary>
        /// Reads 'pathsafety.maintenance_words': a comma-separated list replaces the defaults (everyday-word
        /// restrictions included: every listed word then counts everywhere); when every entry starts with '+',
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
                return new MaintenanceWords(entries, DefaultEverydayWords);
            }

            return new MaintenanceWords(entries, Array.Empty<string>());
        }

        /// <summary>A method, property or other member name: everyday words do not count.</summary>
        public bool MatchesMemberName(string name) => Matches(name, allowEverydayWords: false);

        /// <summary>A type name or one namespace segment.</summary>
        public bool MatchesTypeOrNamespaceName(string name) => Matches(name, allowEverydayWords: true);

        private bool Matches(string name, bool allowEverydayWords)
        {
            if (name.Length == 0 || (_words.Count == 0 && _everydayWords.Count == 0))
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

                if (allowEverydayWords)
                {
                    var length = MatchLength(parts, i, _everydayWords);
                    var next = i + length;
                    if (length > 0 && (next == parts.Count || RoleWords.Contains(parts[next])))
                    {
                        return true;
                    }
                }
            }

            return false;
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
            => (part.Length == word.Length + 1 && part.EndsWith("s", StringComparison.OrdinalIgnoreCase) && part.StartsWith(word, StringComparison.OrdinalIgnoreCase))
               || (part.Length == word.Length + 2 && part.EndsWith("es", StringComparison.OrdinalIgnoreCase) && part.StartsWith(word, StringComparison.OrdinalIgnoreCase));
    }
}
