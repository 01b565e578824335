using System.CommandLine;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Cli.Commands;

/// <summary><c>azspoke generate --spokes N [--hubs H] [--subnets S] [--seed N] [--private-endpoints P] --out F</c>: write a synthetic estate snapshot.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext ctx)
    {
        var spokes = new Option<int>("--spokes") { Description = $"Number of spoke VNets (1..{SyntheticEstateOptions.MaxSpokes}).", Required = true };
        var hubs = new Option<int>("--hubs") { Description = $"Number of hub VNets (1..{SyntheticEstateOptions.MaxHubs}).", DefaultValueFactory = _ => 2 };
        var subnets = new Option<int>("--subnets") { Description = $"Subnets per spoke (1..{SyntheticEstateOptions.MaxSubnetsPerSpoke}).", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the pattern mix; the same arguments give a byte-identical file.", DefaultValueFactory = _ => 1 };
        var privateEndpoints = new Option<int>("--private-endpoints") { Description = "Private endpoints in every spoke (default 0: one in about 2% of spokes)." };
        var nsgs = new Option<bool>("--network-security-groups") { Description = "Put an NSG on every spoke subnet (HTTPS allowed, SSH/RDP denied from 10.0.0.0/8, PostgreSQL out denied), so --port evaluates rules." };
        var output = new Option<string>("--out") { Description = "File to write the snapshot to.", Required = true };
        var command = new Command("generate", "Write a deterministic synthetic estate snapshot (hubs with firewalls and ExpressRoute gateways, spokes, AVNM mesh groups).");
        command.Options.Add(spokes);
        command.Options.Add(hubs);
        command.Options.Add(subnets);
        command.Options.Add(seed);
        command.Options.Add(privateEndpoints);
        command.Options.Add(nsgs);
        command.Options.Add(output);
        command.SetAction(parse => Run(ctx, new SyntheticEstateOptions
        {
            Spokes = parse.GetValue(spokes),
            Hubs = parse.GetValue(hubs),
            SubnetsPerSpoke = parse.GetValue(subnets),
            Seed = parse.GetValue(seed),
            PrivateEndpointsPerSpoke = parse.GetValue(privateEndpoints),
            NetworkSecurityGroups = parse.GetValue(nsgs),
        }, parse.GetValue(output)!));
        return command;
    }

    private static int Run(CliContext ctx, SyntheticEstateOptions options, string output)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            string option = ex.ParamName switch
            {
                nameof(SyntheticEstateOptions.Spokes) => "--spokes",
                nameof(SyntheticEstateOptions.Hubs) => "--hubs",
                nameof(SyntheticEstateOptions.SubnetsPerSpoke) => "--subnets",
                _ => "generate",
            };
            throw new CliInputException($"{option}: {FirstLine(ex.Message)}");
        }
        SyntheticEstateSummary? summary = null;
        AtomicFileWriter.Write(output, stream => summary = SyntheticEstate.Write(options, stream));
        ctx.Err.WriteLine($"wrote {output}: {summary!.VirtualNetworks} VNets, {summary.Subnets} subnets, {summary.PeeringObjects / 2} peerings, " +
                          $"{summary.MeshGroups} mesh groups ({summary.MeshMembers} members), {summary.PrivateEndpoints} private endpoints");
        return ExitCodes.Success;
    }

    // ArgumentOutOfRangeException appends "Parameter name ..." and "Actual value ..." lines; keep the sentence.
    private static string FirstLine(string message)
    {
        int cut = message.IndexOfAny(new[] { '\r', '\n' });
        string first = cut < 0 ? message : message.Substring(0, cut);
        int param = first.IndexOf(" (Parameter", StringComparison.Ordinal);
        return param < 0 ? first : first.Substring(0, param);
    }
}
