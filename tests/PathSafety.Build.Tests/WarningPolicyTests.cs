namespace PathSafety.Build.Tests;

public sealed class WarningPolicyTests
{
    [Fact]
    public void Errors_stay_errors_whatever_the_settings()
    {
        var policy = new WarningPolicy(false, null, "PS1001", "PS1001", false);
        Assert.Equal(ReportLevel.Error, policy.Decide("PS1001", ProtectedFileSeverity.Error));
    }

    [Fact]
    public void Warnings_stay_warnings_by_default()
    {
        Assert.Equal(ReportLevel.Warning, WarningPolicy.Default.Decide("PS1001", ProtectedFileSeverity.Warning));
    }

    [Theory]
    [InlineData(true, "", "", "", false, "Error")]
    [InlineData(false, "", "", "", true, "Error")]
    [InlineData(false, "CS0168; PS1003", "", "", false, "Error")]
    [InlineData(false, "PS1001", "", "", false, "Warning")]
    [InlineData(true, "", "PS1003", "", false, "Warning")]
    [InlineData(false, "", "PS1003", "", true, "Error")]
    [InlineData(false, "", "", "CS0168,ps1003", false, "Suppressed")]
    [InlineData(true, "PS1003", "", "PS1003", true, "Suppressed")]
    public void Project_settings_map_onto_task_warnings(bool treatWarningsAsErrors, string warningsAsErrors, string warningsNotAsErrors,
        string noWarn, bool ci, string expected)
    {
        var policy = new WarningPolicy(treatWarningsAsErrors, warningsAsErrors, warningsNotAsErrors, noWarn, ci);
        Assert.Equal(expected, policy.Decide("PS1003", ProtectedFileSeverity.Warning).ToString());
    }
}
