namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Stand-ins with the real namespaces and shapes of the framework types the corpus uses (hosting, ASP.NET Core,
/// xunit, NUnit, MSTest, System.IO.Abstractions), so scope and API matching by symbol see what they see in a real
/// project, without pulling those packages into the tests.
/// </summary>
internal static class FrameworkStubs
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostedService { Task StartAsync(CancellationToken token); Task StopAsync(CancellationToken token); }
            public abstract class BackgroundService : IHostedService
            {
                protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
                public virtual Task StartAsync(CancellationToken token) => Task.CompletedTask;
                public virtual Task StopAsync(CancellationToken token) => Task.CompletedTask;
            }
            public interface IHostEnvironment { string ContentRootPath { get; } string EnvironmentName { get; } }
            public interface IHostApplicationLifetime { CancellationToken ApplicationStopping { get; } }
            public interface IHost { void Run(); IServiceProvider Services { get; } }
            public static class Host { public static IHostBuilder CreateDefaultBuilder(string[] args) => null!; }
            public interface IHostBuilder { IHost Build(); }
        }

        namespace Microsoft.AspNetCore.Hosting
        {
            public interface IWebHostEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment { string WebRootPath { get; } }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication
            {
                public static WebApplicationBuilder CreateBuilder(string[] args) => null!;
                public Microsoft.AspNetCore.Hosting.IWebHostEnvironment Environment => null!;
                public Microsoft.Extensions.Hosting.IHostApplicationLifetime Lifetime => null!;
                public void MapGet(string pattern, Delegate handler) { }
                public void Run() { }
            }
            public sealed class WebApplicationBuilder
            {
                public Microsoft.AspNetCore.Hosting.IWebHostEnvironment Environment => null!;
                public WebApplication Build() => null!;
            }
        }

        namespace Microsoft.AspNetCore.Mvc
        {
            public abstract class ControllerBase { }
            public class ApiControllerAttribute : Attribute { }
            public class HttpDeleteAttribute : Attribute { public HttpDeleteAttribute(string template = "") { } }
            public class HttpPostAttribute : Attribute { public HttpPostAttribute(string template = "") { } }
            public interface IActionResult { }
        }

        namespace Xunit
        {
            public class FactAttribute : Attribute { }
            public class TheoryAttribute : FactAttribute { }
            public interface IAsyncLifetime { Task InitializeAsync(); Task DisposeAsync(); }
            public interface IClassFixture<T> { }
            public static class Assert { public static void True(bool condition) { } public static void False(bool condition) { } }
        }

        namespace NUnit.Framework
        {
            public class TestFixtureAttribute : Attribute { }
            public class TestAttribute : Attribute { }
            public class SetUpAttribute : Attribute { }
            public class TearDownAttribute : Attribute { }
            public class OneTimeTearDownAttribute : Attribute { }
        }

        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestClassAttribute : Attribute { }
            public class TestMethodAttribute : Attribute { }
            public class TestInitializeAttribute : Attribute { }
            public class TestCleanupAttribute : Attribute { }
        }

        namespace System.IO.Abstractions
        {
            public interface IFileSystem { IFile File { get; } IDirectory Directory { get; } IPath Path { get; } }
            public interface IPath { string Combine(string a, string b); string GetTempPath(); }
            public interface IFile { void Delete(string path); bool Exists(string path); string ReadAllText(string path); }
            public interface IDirectory
            {
                void Delete(string path);
                void Delete(string path, bool recursive);
                bool Exists(string path);
                string[] GetFiles(string path, string searchPattern);
                IEnumerable<string> EnumerateFiles(string path, string searchPattern);
            }
            public interface IFileSystemInfo { void Delete(); string FullName { get; } }
            public interface IFileInfo : IFileSystemInfo { }
            public interface IDirectoryInfo : IFileSystemInfo { void Delete(bool recursive); }
        }
        """;
}
