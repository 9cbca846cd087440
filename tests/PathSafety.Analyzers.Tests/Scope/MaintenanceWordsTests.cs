using PathSafety.Analyzers.Scope;

namespace PathSafety.Analyzers.Tests.Scope;

public class MaintenanceWordsTests
{
    [Theory]
    [InlineData("IOCleanupJob2", "IO|Cleanup|Job|2")]
    [InlineData("log_rotation", "log|rotation")]
    [InlineData("HTTPServer", "HTTP|Server")]
    [InlineData("cleanup", "cleanup")]
    [InlineData("PurgeOldFiles", "Purge|Old|Files")]
    [InlineData("", "")]
    public void Names_split_into_PascalCase_words(string name, string words)
    {
        Assert.Equal(words, string.Join("|", MaintenanceWords.SplitPascalCase(name)));
    }

    [Theory]
    [InlineData("LogCleanup", true)]
    [InlineData("Migrations", true)]
    [InlineData("CacheJanitors", true)]
    [InlineData("BackupService", true)]
    [InlineData("SelfUpdater", true)]
    [InlineData("LogRotation", true)]
    [InlineData("ReportJob", true)]
    [InlineData("ExpiredSessionsTask", false)]
    [InlineData("SessionExpirationService", true)]
    [InlineData("UpdateProductCommand", false)]
    [InlineData("OrderStatusUpdate", false)]
    [InlineData("ZipArchive", false)]
    [InlineData("PatchUserRequest", false)]
    [InlineData("JobTitle", false)]
    [InlineData("TreeRotateLeft", false)]
    [InlineData("CleanArchitecture", false)]
    [InlineData("CleanCodeCleanup", true)]
    [InlineData("Cleanliness", false)]
    [InlineData("Staleness", false)]
    public void Type_names(string name, bool matches)
    {
        Assert.Equal(matches, MaintenanceWords.Default.MatchesTypeName(name));
    }

    [Theory]
    [InlineData("Backups", true)]
    [InlineData("Jobs", true)]
    [InlineData("Updates", true)]
    [InlineData("AutoUpdate", true)]
    [InlineData("Housekeeping", true)]
    [InlineData("UpdateProduct", false)]
    [InlineData("StatusUpdates", false)]
    [InlineData("Archive", true)]
    [InlineData("CleanArchitecture", false)]
    public void Namespace_segments(string name, bool matches)
    {
        Assert.Equal(matches, MaintenanceWords.Default.MatchesNamespaceSegment(name));
    }

    [Theory]
    [InlineData("PurgeOldLogs", true)]
    [InlineData("RemoveStaleEntries", true)]
    [InlineData("UpdateUser", false)]
    [InlineData("Backup", false)]
    [InlineData("RunJob", false)]
    [InlineData("RotateLeft", false)]
    [InlineData("HasExpired", false)]
    [InlineData("TryUpgradeToWriterLock", false)]
    [InlineData("get_RetentionDays", true)]
    public void Member_names_ignore_everyday_words(string name, bool matches)
    {
        Assert.Equal(matches, MaintenanceWords.Default.MatchesMemberName(name));
    }

    [Fact]
    public void Option_adds_with_plus_and_replaces_without()
    {
        var added = MaintenanceWords.Parse("+Reindex, +CompactLog");
        Assert.True(added.MatchesMemberName("ReindexAll"));
        Assert.True(added.MatchesMemberName("CompactLogFiles"));
        Assert.False(added.MatchesMemberName("CompactFiles"));
        Assert.True(added.MatchesMemberName("Purge"));
        Assert.True(added.MatchesTypeName("BackupJob"));

        var replaced = MaintenanceWords.Parse("Reindex, Backup");
        Assert.True(replaced.MatchesMemberName("Backup"));
        Assert.False(replaced.MatchesMemberName("Purge"));

        var none = MaintenanceWords.Parse(string.Empty);
        Assert.False(none.MatchesTypeName("LogCleanup"));
    }
}
