using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PathSafety.Build.Tests.Infrastructure;

/// <summary>Builds a <see cref="VerifyProtectedFiles"/> task against a fake engine and runs it.</summary>
internal static class TaskRunner
{
    public const string ProjectFile = "/project/Consumer.csproj";

    public static ITaskItem Item(string spec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(spec);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    public static VerifyProtectedFiles Create(string folder, params ITaskItem[] protectedFiles) => new()
    {
        BuildEngine = new FakeBuildEngine(),
        Folder = folder,
        ProjectFile = ProjectFile,
        ProtectedFiles = protectedFiles,
    };

    /// <summary>Runs the task; the returned engine holds what it logged, and the result must agree with the errors.</summary>
    public static FakeBuildEngine Run(VerifyProtectedFiles task)
    {
        var engine = (FakeBuildEngine)task.BuildEngine;
        var result = task.Execute();
        Assert.Equal(engine.Errors.Count == 0, result);
        return engine;
    }

    public static FakeBuildEngine Run(string folder, params ITaskItem[] protectedFiles) => Run(Create(folder, protectedFiles));
}
