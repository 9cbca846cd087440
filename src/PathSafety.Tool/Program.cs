using System;
using PathSafety.Build;
using System.IO;

namespace PathSafety.Tool;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command; never throws (an unexpected failure is exit code 2 with one line, no stack trace).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                (args.Length == 0 ? error : output).WriteLine(ToolMessages.Usage);
                return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Sound;
            }

            if (args[0] is "--version")
            {
                output.WriteLine(Build.ManifestWriter.PackageVersion);
                return ExitCodes.Sound;
            }

            if (args[0] != "verify")
            {
                error.WriteLine(BuildMessages.Text(ToolMessages.UnknownCommand, args[0]));
                error.WriteLine(ToolMessages.Usage);
                return ExitCodes.BadInput;
            }

            if (!VerifyOptions.TryParse(args.AsSpan(1), out var options, out var problem))
            {
                error.WriteLine(BuildMessages.Text(ToolMessages.Error, problem));
                error.WriteLine(ToolMessages.Usage);
                return ExitCodes.BadInput;
            }

            return VerifyCommand.Run(options!, output, error);
        }
        catch (Exception exception)
        {
            error.WriteLine(BuildMessages.Text(ToolMessages.Unexpected, exception.GetType().Name, exception.Message));
            return ExitCodes.BadInput;
        }
    }
}

/// <summary>What the tool's exit code means, for deployment scripts.</summary>
public static class ExitCodes
{
    /// <summary>Every protected file is present and sound.</summary>
    public const int Sound = 0;

    /// <summary>At least one protected file (or the folder) is missing, empty or changed.</summary>
    public const int Problems = 1;

    /// <summary>The manifest or the command line cannot be used; nothing was verified.</summary>
    public const int BadInput = 2;
}
