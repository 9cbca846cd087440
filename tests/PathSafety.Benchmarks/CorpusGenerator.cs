using System.Text;

namespace PathSafety.Benchmarks;

/// <summary>One generated source file.</summary>
internal sealed record CorpusFile(string Path, string Text);

/// <summary>What the corpus contains, for the report.</summary>
internal sealed record CorpusStats(int Files, int Lines, int OrdinaryClasses, int MaintenanceClasses, int DeleteCalls, int PathCombineCalls);

/// <summary>
/// Generates the benchmark corpus deterministically from a seed: files of about 500 lines of ordinary application
/// code (models, services, parsers, repositories, report writers that read and write files) and, for the given share
/// of classes (20% by default, far more than most code bases have), maintenance code (log rotation, temp cleanup,
/// cache purges, resets, hand-written guards).
/// </summary>
internal static class CorpusGenerator
{
    private const int LinesPerFile = 500;

    private const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using PathSafety;

        """;

    /// <summary>The attributes the package embeds in consumers (PathSafetyEmbedAttributes), as the corpus's own file.</summary>
    private const string Attributes = """
        namespace PathSafety
        {
            [System.AttributeUsage(
                System.AttributeTargets.Assembly | System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Method,
                Inherited = false)]
            internal sealed class MaintenanceCodeAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Method, Inherited = false)]
            internal sealed class PathGuardAttribute : System.Attribute { }
        }

        """;

    public static (List<CorpusFile> Files, CorpusStats Stats) Generate(int seed, int targetLines, int maintenancePercent)
    {
        var random = new Random(seed);
        var files = new List<CorpusFile> { new("Corpus/PathSafetyAttributes.cs", Attributes) };
        var lines = CountLines(Attributes);
        var ordinary = 0;
        var maintenance = 0;
        var classId = 0;
        while (lines < targetLines)
        {
            var module = files.Count;
            var text = new StringBuilder(Header).Append("namespace Corpus.Module").Append(module).Append(";\n\n")
                .Append(MaintenanceTemplates.GuardClass);
            while (CountLines(text) < LinesPerFile)
            {
                var isMaintenance = random.Next(100) < maintenancePercent;
                text.Append(isMaintenance
                    ? MaintenanceTemplates.Next(random, classId++)
                    : OrdinaryTemplates.Next(random, classId++)).Append('\n');
                if (isMaintenance)
                {
                    maintenance++;
                }
                else
                {
                    ordinary++;
                }
            }

            var source = text.ToString();
            files.Add(new CorpusFile($"Corpus/Module{module}.cs", source));
            lines += CountLines(source);
        }

        var all = string.Concat(files.Select(f => f.Text));
        return (files, new CorpusStats(files.Count, lines, ordinary, maintenance, Occurrences(all, ".Delete("), Occurrences(all, "Path.Combine(")));
    }

    private static int CountLines(string text) => text.Count(c => c == '\n');

    private static int CountLines(StringBuilder text)
    {
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += chunk.Span.Count('\n');
        }

        return count;
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
