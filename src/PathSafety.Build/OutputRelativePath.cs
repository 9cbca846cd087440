using System;
using System.Collections.Generic;
using System.Text;

namespace PathSafety.Build;

/// <summary>
/// A validated path relative to an output folder, normalised to '/' separators. The rules are the union of
/// Windows and Unix restrictions: a project that declares a name must build on either.
/// </summary>
internal sealed class OutputRelativePath
{
    private const int MaxSegmentLength = 255;

    // Characters Windows refuses in a file name; refused everywhere so a declaration means the same on every OS.
    private const string InvalidCharacters = "<>:\"|?*";

    private static readonly HashSet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private OutputRelativePath(string value)
    {
        Value = value;
    }

    /// <summary>The normalised path: '/' separators, no '.', no empty segments.</summary>
    public string Value { get; }

    public string ToNativePath() => Value.Replace('/', System.IO.Path.DirectorySeparatorChar);

    public override string ToString() => Value;

    /// <summary>Validates <paramref name="raw"/>; on failure <paramref name="problem"/> says why, in words for a user.</summary>
    public static bool TryParse(string? raw, out OutputRelativePath? path, out string problem)
    {
        path = null;
        if (raw is null || raw.Trim().Length == 0)
        {
            problem = BuildMessages.PathEmpty;
            return false;
        }

        if (IsRooted(raw))
        {
            problem = BuildMessages.PathAbsolute;
            return false;
        }

        if (raw.IndexOf('*') >= 0 || raw.IndexOf('?') >= 0)
        {
            problem = BuildMessages.PathWildcard;
            return false;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c < ' ' || InvalidCharacters.IndexOf(c) >= 0)
            {
                problem = BuildMessages.Text(BuildMessages.PathInvalidCharacter, Describe(c));
                return false;
            }
        }

        var trimmed = raw.Replace('\\', '/');
        if (trimmed.EndsWith("/", StringComparison.Ordinal))
        {
            problem = BuildMessages.PathNamesFolder;
            return false;
        }

        var segments = new List<string>();
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    problem = BuildMessages.PathLeavesFolder;
                    return false;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            if (!TryValidateSegment(segment, out problem))
            {
                return false;
            }

            segments.Add(segment);
        }

        if (segments.Count == 0)
        {
            problem = BuildMessages.PathNamesOutputFolder;
            return false;
        }

        path = new OutputRelativePath(string.Join("/", segments));
        problem = string.Empty;
        return true;
    }

    private static bool TryValidateSegment(string segment, out string problem)
    {
        if (segment.Length > MaxSegmentLength)
        {
            problem = BuildMessages.Text(BuildMessages.SegmentTooLong, MaxSegmentLength);
            return false;
        }

        var last = segment[segment.Length - 1];
        if (last == '.' || last == ' ')
        {
            // Windows silently drops a trailing dot or space, so the name would not be the one declared.
            problem = BuildMessages.Text(BuildMessages.SegmentTrailingDot, segment);
            return false;
        }

        var dot = segment.IndexOf('.');
        var stem = dot < 0 ? segment : segment.Substring(0, dot);
        if (ReservedNames.Contains(stem))
        {
            problem = BuildMessages.Text(BuildMessages.SegmentReservedName, segment);
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static bool IsRooted(string raw)
    {
        var first = raw[0];
        if (first == '/' || first == '\\')
        {
            return true;
        }

        return raw.Length >= 2 && raw[1] == ':' && ((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'));
    }

    private static string Describe(char c)
    {
        var builder = new StringBuilder();
        if (c >= ' ')
        {
            builder.Append('\'').Append(c).Append("' ");
        }

        builder.Append("(U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        return builder.ToString();
    }
}
