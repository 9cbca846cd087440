namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Test code: fixtures create a scratch folder and delete it in Dispose/TearDown, and tests of cleanup code are
/// named after it (<c>LogCleanupTests</c>, <c>Cleanup_removes_old_files</c>). Test classes are not maintenance code:
/// the name of the code under test does not make the test a cleanup job.
/// </summary>
public class TestFixtureCleanupTests
{
    [Fact]
    public async Task Xunit_class_testing_a_cleanup_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using Xunit;

            public sealed class LogCleanupTests : IDisposable
            {
                private readonly string _dir;

                public LogCleanupTests()
                {
                    _dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(_dir);
                }

                public void Dispose()
                {
                    if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
                }

                [Fact]
                public void Cleanup_deletes_old_logs()
                {
                    var old = Path.Combine(_dir, "a.log");
                    File.WriteAllText(old, "x");
                    File.WriteAllText("cleanup-run.txt", "relative on purpose: the test runner's folder");
                    foreach (var f in Directory.GetFiles(_dir)) File.Delete(f);
                    Assert.False(File.Exists(old));
                }
            }
            """);
    }

    [Fact]
    public async Task Xunit_theory_in_a_class_named_after_a_purge_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using Xunit;

            public class CachePurgeTests
            {
                [Theory]
                public void Purge_removes_the_folder(string folder)
                {
                    Directory.Delete(folder, true);
                    Assert.False(Directory.Exists(folder));
                }
            }
            """);
    }

    [Fact]
    public async Task NUnit_teardown_named_Cleanup_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using NUnit.Framework;

            [TestFixture]
            public class ArchiverTests
            {
                private string _work = "";

                [SetUp]
                public void Setup()
                {
                    _work = Path.Combine(Path.GetTempPath(), "archiver-tests", TestId());
                    Directory.CreateDirectory(_work);
                }

                [TearDown]
                public void Cleanup()
                {
                    if (Directory.Exists(_work)) Directory.Delete(_work, true);
                }

                [Test]
                public void Archives_are_written() => File.WriteAllText(Path.Combine(_work, "a.zip"), "");

                private static string TestId() => Guid.NewGuid().ToString("N");
            }
            """);
    }

    [Fact]
    public async Task MSTest_cleanup_method_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class MigrationTests
            {
                private string _db = "";

                [TestInitialize]
                public void Init() => _db = Path.GetTempFileName();

                [TestCleanup]
                public void Cleanup() => File.Delete(_db);

                [TestMethod]
                public void Migrate_runs() => File.ReadAllText("fixtures/v1.sql");
            }
            """);
    }

    [Fact]
    public async Task Async_lifetime_fixture_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Xunit;

            public sealed class UploadsFixture : IAsyncLifetime
            {
                public string Root { get; } = Path.Combine(Path.GetTempPath(), $"uploads-{Guid.NewGuid():N}");

                public Task InitializeAsync() { Directory.CreateDirectory(Root); return Task.CompletedTask; }

                public Task DisposeAsync() { Directory.Delete(Root, true); return Task.CompletedTask; }
            }

            public class UploadCleanupTests : IClassFixture<UploadsFixture>
            {
                private readonly UploadsFixture _fixture;
                public UploadCleanupTests(UploadsFixture fixture) => _fixture = fixture;

                [Fact]
                public void Sweeper_removes_partial_uploads()
                {
                    foreach (var f in Directory.GetFiles(_fixture.Root)) File.Delete(f);
                }
            }
            """);
    }

    [Fact]
    public async Task Rooted_segment_in_test_code_is_still_PS0005()
    {
        // PS0005 is not scope-limited: a rooted segment drops the base in tests too.
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using Xunit;

            public class PathTests
            {
                [Fact]
                public void Combines() => Assert.True(File.Exists(Path.Combine(Path.GetTempPath(), {|PS0005:"/data.json"|})));
            }
            """);
    }

    [Fact]
    public async Task Configuration_test_deleting_its_own_appsettings_copy_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using Xunit;

            public class ReloadTests
            {
                [Fact]
                public void Reload_picks_up_a_deleted_file()
                {
                    var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(dir);
                    var settings = Path.Combine(dir, "appsettings.json");
                    File.WriteAllText(settings, "{}");
                    File.Delete(settings);
                    Assert.False(File.Exists(settings));
                    Directory.Delete(dir, true);
                }
            }
            """);
    }
}
