using System;
using System.Collections.Generic;

namespace PathSafety.Build;

internal enum ReportLevel
{
    /// <summary>Logged as a low-importance message (the code is in NoWarn).</summary>
    Suppressed,
    Warning,
    Error,
}

/// <summary>
/// Decides how a finding from a <c>Severity="Warning"</c> item is reported. MSBuild maps neither
/// TreatWarningsAsErrors nor WarningsNotAsErrors onto task warnings, so the task applies the project's
/// settings the way the compiler does: NoWarn wins, then WarningsAsErrors, then WarningsNotAsErrors, then
/// TreatWarningsAsErrors. CI mode comes before WarningsNotAsErrors because it also lists the codes in
/// MSBuildWarningsAsErrors, which MSBuild applies whatever WarningsNotAsErrors says; the task agrees with it.
/// </summary>
internal sealed class WarningPolicy
{
    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;
    private readonly bool _treatWarningsAsErrors;
    private readonly bool _escalateInCI;

    public WarningPolicy(bool treatWarningsAsErrors, string? warningsAsErrors, string? warningsNotAsErrors, string? noWarn, bool escalateInCI)
    {
        _treatWarningsAsErrors = treatWarningsAsErrors;
        _escalateInCI = escalateInCI;
        _warningsAsErrors = ParseCodes(warningsAsErrors);
        _warningsNotAsErrors = ParseCodes(warningsNotAsErrors);
        _noWarn = ParseCodes(noWarn);
    }

    public static WarningPolicy Default { get; } = new WarningPolicy(false, null, null, null, false);

    public ReportLevel Decide(string code, ProtectedFileSeverity requested)
    {
        // An error is what the declaration asked for; only warnings are configurable.
        if (requested == ProtectedFileSeverity.Error)
        {
            return ReportLevel.Error;
        }

        if (_noWarn.Contains(code))
        {
            return ReportLevel.Suppressed;
        }

        if (_warningsAsErrors.Contains(code) || _escalateInCI)
        {
            return ReportLevel.Error;
        }

        if (_warningsNotAsErrors.Contains(code))
        {
            return ReportLevel.Warning;
        }

        return _treatWarningsAsErrors ? ReportLevel.Error : ReportLevel.Warning;
    }

    /// <summary>MSBuild lists codes separated by ';' and ',' with spaces around them.</summary>
    private static HashSet<string> ParseCodes(string? list)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(list))
        {
            return codes;
        }

        foreach (var part in list!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var code = part.Trim();
            if (code.Length > 0)
            {
                codes.Add(code);
            }
        }

        return codes;
    }
}
