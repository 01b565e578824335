using System.CommandLine;

namespace AzSpokeTools.Cli;

/// <summary>The mesh selection options shared by <c>readiness</c> and <c>plan</c> (README.md#the-command-line).</summary>
internal sealed class MeshSelectionOptions
{
    public Option<string[]> Vnet { get; } = new("--vnet") { Description = "VNet names, name patterns (spoke-*) or ids; repeatable", AllowMultipleArgumentsPerToken = true };
    public Option<string[]> Tag { get; } = new("--tag") { Description = "Tags KEY=VALUE a VNet must all carry; repeatable", AllowMultipleArgumentsPerToken = true };
    public Option<string?> Group { get; } = new("--group") { Description = "An existing AVNM network group (name or id)" };
    public Option<string[]> Region { get; } = new("--region") { Description = "Keep only VNets in these regions; repeatable", AllowMultipleArgumentsPerToken = true };
    public Option<bool> HighScale { get; } = new("--high-scale") { Description = "High-scale connected group (cap 3,000 by default)" };
    public Option<bool> HighScalePrivateEndpoints { get; } = new("--high-scale-private-endpoints") { Description = "High-scale private endpoints (20,000 per connected group)" };
    public Option<bool> Global { get; } = new("--global") { Description = "Global mesh (default: global when the members span several regions)" };
    public Option<bool> Regional { get; } = new("--regional") { Description = "Regional mesh only" };
    public Option<int?> GroupLimit { get; } = new("--group-limit") { Description = "Connected-group cap (default 250)" };
    public Option<int?> HighScaleLimit { get; } = new("--high-scale-limit") { Description = "High-scale connected-group cap (default 3,000; 5,000 by scaling request)" };
    public Option<string?> NetworkManager { get; } = new("--network-manager") { Description = "Existing network manager (name or id), or the id of one to create" };

    /// <summary>The selection options, in order.</summary>
    public IEnumerable<Option> All => new Option[] { Vnet, Tag, Group, Region, HighScale, HighScalePrivateEndpoints, Global, Regional, GroupLimit, HighScaleLimit, NetworkManager };

    public void AddTo(Command command)
    {
        foreach (var o in All) command.Options.Add(o);
    }

    /// <summary>Copies the snapshot and the selection options into a readiness or migration request.</summary>
    public T Fill<T>(T request, ParseResult parse, Option<string> snapshot) where T : AzSpokeTools.Engine.Requests.MeshSelectionRequest
    {
        request.Snapshot = parse.GetValue(snapshot);
        request.VirtualNetwork = parse.GetValue(Vnet) ?? Array.Empty<string>();
        request.Tag = parse.GetValue(Tag) ?? Array.Empty<string>();
        request.NetworkGroup = parse.GetValue(Group);
        request.Region = parse.GetValue(Region) ?? Array.Empty<string>();
        request.HighScale = parse.GetValue(HighScale);
        request.HighScalePrivateEndpoints = parse.GetValue(HighScalePrivateEndpoints);
        request.Global = GlobalValue(parse);
        request.ConnectedGroupLimit = parse.GetValue(GroupLimit);
        request.HighScaleConnectedGroupLimit = parse.GetValue(HighScaleLimit);
        request.NetworkManager = parse.GetValue(NetworkManager);
        return request;
    }

    public bool? GlobalValue(ParseResult parse)
    {
        bool g = parse.GetValue(Global), r = parse.GetValue(Regional);
        if (g && r) throw new CliInputException("--global and --regional exclude each other.");
        return g ? true : r ? false : null;
    }
}
