using System.CommandLine;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Cli.Commands;

/// <summary><c>azspoke sample --list | --name NAME --out F</c>: list the bundled samples or write one to a file.</summary>
public static class SampleCommand
{
    public static Command Create(CliContext ctx)
    {
        var list = new Option<bool>("--list") { Description = "List the names of the bundled sample snapshots." };
        var name = new Option<string?>("--name") { Description = "Name of the bundled sample to write (see --list)." };
        var output = new Option<string?>("--out") { Description = "File to write the sample snapshot to." };
        var command = new Command("sample", "List the bundled sample snapshots, or write one to a file.");
        command.Options.Add(list);
        command.Options.Add(name);
        command.Options.Add(output);
        command.SetAction(parse => Run(ctx, parse.GetValue(list), parse.GetValue(name), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext ctx, bool list, string? name, string? output)
    {
        if (list)
        {
            if (name != null || output != null) throw new CliInputException("sample: give either --list, or --name NAME --out FILE, not both.");
            foreach (string sample in SampleCatalog.Names) ctx.Out.WriteLine(sample);
            return ExitCodes.Success;
        }
        if (string.IsNullOrWhiteSpace(name)) throw new CliInputException("sample: give --list, or --name NAME --out FILE.");
        if (string.IsNullOrWhiteSpace(output)) throw new CliInputException("sample: --out FILE is required with --name.");
        if (!SampleCatalog.TryOpen(name, out Stream source))
            throw new CliInputException($"sample: unknown sample '{name}'. Valid names: {string.Join(", ", SampleCatalog.Names)}.");
        using (source)
        {
            AtomicFileWriter.Write(output, target => source.CopyTo(target));
        }
        ctx.Err.WriteLine($"wrote sample '{name}' to {output}");
        return ExitCodes.Success;
    }
}
