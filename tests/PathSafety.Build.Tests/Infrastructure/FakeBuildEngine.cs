using System.Collections;
using Microsoft.Build.Framework;

namespace PathSafety.Build.Tests.Infrastructure;

/// <summary>Records what a task logs, as MSBuild would receive it.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "/project/Consumer.csproj";

    /// <summary>Every error and warning as "error PS1001" / "warning PS1003", sorted.</summary>
    public IReadOnlyList<string> Codes =>
        Errors.Select(e => "error " + e.Code).Concat(Warnings.Select(w => "warning " + w.Code)).Order(StringComparer.Ordinal).ToList();

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
