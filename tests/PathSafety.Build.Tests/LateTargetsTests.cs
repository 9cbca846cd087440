using System.Reflection;
using System.Xml.Linq;

namespace PathSafety.Build.Tests;

/// <summary>
/// The three verification phases in PathSafety.BuildCheck.Late.targets are separate targets (MSBuild runs a target once
/// per build), so their calls must not drift apart: what they share is passed identically.
/// </summary>
public sealed class LateTargetsTests
{
    /// <summary>Attributes a phase may set its own way; every other attribute must be the same in each call.</summary>
    private static readonly string[] PhaseAttributes = ["Target", "Folder", "WrittenFiles", "PublishFiles", "BundledFiles", "WriteManifest"];

    private static string RepositoryRoot =>
        typeof(LateTargetsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static List<XElement> Calls()
    {
        var targets = XDocument.Load(Path.Combine(RepositoryRoot, "build", "PathSafety.BuildCheck.Late.targets"));
        return targets.Descendants().Where(e => e.Name.LocalName == "VerifyProtectedFiles").ToList();
    }

    [Fact]
    public void Each_phase_calls_the_task_once_with_its_own_target()
    {
        Assert.Equal(["Build", "PublishList", "PublishDirectory"], Calls().Select(c => (string?)c.Attribute("Target")));
    }

    [Fact]
    public void The_phases_pass_the_shared_attributes_identically()
    {
        var calls = Calls();
        var shared = calls[0].Attributes().Where(a => !PhaseAttributes.Contains(a.Name.LocalName)).ToDictionary(a => a.Name.LocalName, a => a.Value);
        Assert.Contains("ProtectedFiles", shared.Keys);
        foreach (var call in calls.Skip(1))
        {
            var others = call.Attributes().Where(a => !PhaseAttributes.Contains(a.Name.LocalName)).ToDictionary(a => a.Name.LocalName, a => a.Value);
            Assert.Equal(shared.OrderBy(p => p.Key), others.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void The_task_parameters_the_phases_pass_exist()
    {
        var parameters = typeof(VerifyProtectedFiles).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var attribute in Calls().SelectMany(c => c.Attributes()))
        {
            Assert.Contains(attribute.Name.LocalName, parameters);
        }
    }
}
