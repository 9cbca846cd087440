namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>Code written against System.IO.Abstractions' IFileSystem, the testable style of many maintenance tools.</summary>
public class FileSystemAbstractionsTests
{
    [Fact]
    public async Task Narrow_purge_through_IFileSystem_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO.Abstractions;

            sealed class LogPruner
            {
                private readonly IFileSystem _fs;
                public LogPruner(IFileSystem fs) => _fs = fs;

                public void Prune(string logDir)
                {
                    foreach (var f in _fs.Directory.EnumerateFiles(logDir, "*.log"))
                        _fs.File.Delete(f);
                }
            }
            """);
    }

    [Fact]
    public async Task Recursive_delete_of_a_parameter_through_IFileSystem_is_PS0003()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO.Abstractions;

            sealed class WorkspaceCleaner
            {
                private readonly IFileSystem _fs;
                public WorkspaceCleaner(IFileSystem fs) => _fs = fs;

                public void Clear(string workspace)
                {
                    if (_fs.Directory.Exists(workspace))
                        {|PS0003:_fs.Directory.Delete(workspace, true)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Relative_path_through_IFileSystem_in_a_cleanup_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO.Abstractions;

            sealed class CacheCleaner
            {
                private readonly IFileSystem _fs;
                public CacheCleaner(IFileSystem fs) => _fs = fs;

                public bool HasStamp() => _fs.File.Exists({|PS0001:"cache/.stamp"|});
            }
            """);
    }

    [Fact]
    public async Task Service_deleting_what_its_caller_passes_through_IFileSystem_is_in_scope()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO.Abstractions;

            sealed class AvatarStore
            {
                private readonly IFileSystem _fs;
                public AvatarStore(IFileSystem fs) => _fs = fs;

                public void Remove(string path) => {|PS0002:_fs.File.Delete(path)|};
                public void RemoveAll(string dir) => {|PS0003:_fs.Directory.Delete(dir, true)|};
            }
            """);
    }
}
