using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary><c>azspoke path --snapshot F --from X --to Y [--intent FILE] [--format table|json]</c>; exit 1 when not delivered or not compliant.</summary>
public static class PathCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var from = new Option<string>("--from") { Description = "Source: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id", Required = true };
        var to = new Option<string>("--to") { Description = "Destination, as --from", Required = true };
        var intent = new Option<string?>("--intent") { Description = "Intent file (YAML, or JSON when it ends in .json)" };
        var format = CommonOptions.Format("table", "json");
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var maxPaths = new Option<int>("--max-paths") { Description = $"Most equal-cost paths shown in full (default {PathAnalyzer.DefaultMaxPaths}); the others are counted", DefaultValueFactory = _ => PathAnalyzer.DefaultMaxPaths };
        var flow = FlowCliOptions.Create();
        var command = new Command("path", "The hop-by-hop path (and reverse path) between two VNets, subnets, NICs or IPs, actual versus intended; with --port, whether NSGs, security admin rules and firewalls admit the flow.")
        {
            snapshot, from, to, intent, serviceTags, maxPaths, flow.Protocol, flow.Port, flow.SourcePort, flow.AssumeNva, format,
        };
        command.SetAction(parse =>
        {
            var result = new PathRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Source = parse.GetValue(from),
                Destination = parse.GetValue(to),
                Intent = parse.GetValue(intent),
                ServiceTagFile = parse.GetValue(serviceTags),
                MaxPaths = parse.GetValue(maxPaths),
                Protocol = parse.GetValue(flow.Protocol),
                Port = parse.GetValue(flow.Port),
                SourcePort = parse.GetValue(flow.SourcePort),
                AssumeNva = parse.GetValue(flow.AssumeNva),
            }.Execute(new CliEngineHost(ctx));
            if (parse.GetValue(format) == "json") ctx.Out.Write(PathJsonWriter.Render(result));
            else WriteTable(ctx.Out, result);
            // With a flow, a path the flow cannot take (denied or unknown) is a finding too.
            bool admitted = result.Access == null || result.Access.Verdict == AzSpokeTools.Engine.Security.AccessVerdict.Allowed;
            return result.Outcome == PathOutcome.Delivered && result.Compliant != false && admitted ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, PathResult r)
    {
        Write(output, r, "Path");
        for (int i = 0; i < r.Alternatives.Count; i++) Write(output, r.Alternatives[i], $"Equal-cost alternative {i + 2}");
        if (r.MoreAlternatives > 0)
            output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, "... and {0:N0} more equal-cost paths, not shown (raise --max-paths to see more)", r.MoreAlternatives));
        if (r.Reverse != null) Write(output, r.Reverse, "Reverse path");
        if (r.Access != null) WriteAccess(output, r);
        if (r.Symmetric is bool s) output.WriteLine("Symmetric: " + (s ? "yes" : "no (stateful firewalls drop asymmetric flows)"));
        if (r.Intended != null)
            output.WriteLine(SafeText.Escape($"Intended: {string.Join(" or ", r.Intended)} ({r.IntentRule}); compliant: {(r.Compliant == true ? "yes" : "no")}"));
        if (r.Reasons.Count > 0)
        {
            output.WriteLine("Reasons:");
            foreach (var reason in r.Reasons) output.WriteLine(SafeText.Escape("  - " + reason));
        }
    }

    private static void WriteAccess(TextWriter output, PathResult r)
    {
        var a = r.Access!;
        output.WriteLine(SafeText.Escape($"Access ({a.Flow}): {a.Verdict}" + (a.DecidingRule != null ? $"; deciding rule: {a.DecidingRule} [{a.DecidingRule.ResourceId}]" : "")));
        var rows = new List<string[]>();
        for (int i = 0; i < r.Hops.Count; i++)
            foreach (var c in a.ChecksAt(i))
                rows.Add(new[] { (i + 1).ToString(), c.Kind.ToString(), c.Name, c.Direction ?? "", c.Verdict.ToString(), c.Rule?.ToString() ?? "" });
        if (rows.Count > 0) TextTable.Write(output, new[] { "#", "Check", "Name", "Direction", "Verdict", "Rule" }, rows);
        output.WriteLine();
    }

    private static void Write(TextWriter output, PathResult r, string title)
    {
        output.WriteLine(SafeText.Escape($"{title}: {r.Source.Description} -> {r.Destination.Description}"));
        output.WriteLine($"Outcome: {r.Outcome}; kind: {r.Kind}; transits: {(r.Transits.Count == 0 ? "none" : string.Join(", ", r.Transits))}");
        var rows = r.Hops.Select((h, i) => new[]
        {
            (i + 1).ToString(), h.Role.ToString(), h.Location,
            h.Route?.AddressPrefix ?? "", h.Route?.Source ?? "", h.Route?.NextHopType ?? "", h.Route == null ? "" : string.Join(", ", h.Route.NextHopIpAddress),
            h.Route?.Name ?? h.Route?.Origin ?? "",
        }).ToList();
        TextTable.Write(output, new[] { "#", "Role", "Location", "AddressPrefix", "Source", "NextHopType", "NextHopIpAddress", "Route" }, rows);
        output.WriteLine();
    }
}
