using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PathSafety.Runtime.Tests.Hosting;

/// <summary>AddProtectedFilesCheck with a real generic host.</summary>
public sealed class StartupCheckTests
{
    private sealed class Probe : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static (IHost Host, Probe Probe, RecordingLogger Log) Build(string folder)
    {
        var log = new RecordingLogger();
        var probe = new Probe();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(log);
        // Registered before the check, and still started after it: the check goes first.
        builder.Services.AddSingleton<IHostedService>(probe);
        builder.Services.AddProtectedFilesCheck(folder);
        return (builder.Build(), probe, log);
    }

    [Fact]
    public async Task Without_a_list_the_host_starts()
    {
        var folder = Directory.CreateTempSubdirectory("pathsafety-host-").FullName;
        var (host, probe, _) = Build(folder);
        using (host)
        {
            await host.StartAsync();
            Assert.True(probe.Started);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_missing_folder_stops_the_start_with_the_message_logged_as_Critical()
    {
        // Files from the generated list are tested end to end; a folder that is gone fails whatever the list holds.
        var gone = Path.Combine(Path.GetTempPath(), "pathsafety-host-gone-" + Guid.NewGuid().ToString("N"));
        var (host, probe, log) = Build(gone);
        using (host)
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

            Assert.Contains("'" + gone + "' does not exist", exception.Message, StringComparison.Ordinal);
            Assert.False(probe.Started);
            Assert.Contains(
                log.Events,
                e => e.Level == LogLevel.Critical && e.Id.Name == "ProtectedFileLost" && e.Message.Contains(gone, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_host_builder_form_registers_the_same_check()
    {
        var gone = Path.Combine(Path.GetTempPath(), "pathsafety-host-gone-" + Guid.NewGuid().ToString("N"));
        using var host = new HostBuilder().UseProtectedFilesCheck(gone).Build();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("'" + gone + "' does not exist", exception.Message, StringComparison.Ordinal);
    }
}
