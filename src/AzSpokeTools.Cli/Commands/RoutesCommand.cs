using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using System.Text.Json;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Cli.Commands;

/// <summary><c>azspoke routes --snapshot F (--subnet VNET/SUBNET | --nic NIC) [--format table|json]</c>.</summary>
public static class RoutesCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var subnet = new Option<string?>("--subnet") { Description = "VNET/SUBNET or a subnet resource id" };
        var nic = new Option<string?>("--nic") { Description = "A network interface name or resource id" };
        var format = CommonOptions.Format("table", "json");
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var command = new Command("routes", "Effective routes of a subnet or NIC, shaped like Azure's effective-routes API, without a running VM.")
        {
            snapshot, subnet, nic, format, serviceTags,
        };
        command.SetAction(parse =>
        {
            var request = new EffectiveRouteRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Subnet = parse.GetValue(subnet),
                NetworkInterface = parse.GetValue(nic),
                ServiceTagFile = parse.GetValue(serviceTags),
            };
            var table = request.Execute(new CliEngineHost(ctx));
            if (parse.GetValue(format) == "json") ctx.Out.Write(EffectiveRouteListJsonWriter.Render(table));
            else WriteTable(ctx.Out, table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, EffectiveRouteTable table)
    {
        output.WriteLine(SafeText.Escape($"Effective routes of {table.Subnet.DisplayName} ({table.Scope})"));
        var rows = table.Routes.Select(r => new[]
        {
            r.Source.ToString(), r.State.ToString(), string.Join(", ", r.AddressPrefix), r.NextHopType.ToString(),
            string.Join(", ", r.NextHopIpAddress), r.Name ?? "", r.State == RouteState.Invalid ? r.InvalidReason ?? "" : r.Origin ?? "",
        }).ToList();
        TextTable.Write(output, new[] { "Source", "State", "AddressPrefix", "NextHopType", "NextHopIpAddress", "Name", "Origin / why invalid" }, rows);
        foreach (var a in table.Assumptions) output.WriteLine(SafeText.Escape("Assumed: " + a));
        foreach (var u in table.Unknowns) output.WriteLine(SafeText.Escape("Unknown: " + u));
    }
}
