using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using System.Text.Json;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Verification;

namespace AzSpokeTools.Cli.Commands;

/// <summary><c>azspoke verify --snapshot F [--format table|json]</c>: computed vs captured effective routes.</summary>
public static class VerifyCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format("table", "json");
        var learned = new Option<bool>("--learned-routes")
        {
            Description = "Compare the captured learned-route tables (gateway getLearnedRoutes, Route Server getAdvertisedRoutes) with the ones derived from the topology instead.",
        };
        var security = new Option<bool>("--security-rules")
        {
            Description = "Compare the captured NIC effective security rules (effectiveNetworkSecurityGroups) with the NSG rules and tag expansions the engine evaluates instead.",
        };
        var command = new Command("verify", "Compares computed effective routes with the NIC effective routes captured in the snapshot.") { snapshot, format, learned, security };
        command.SetAction(parse =>
        {
            if (parse.GetValue(security))
            {
                var nics = new VerifyRequest { Snapshot = parse.GetValue(snapshot) }.ExecuteSecurityRules(new CliEngineHost(ctx));
                if (parse.GetValue(format) == "json") ctx.Out.WriteLine(SecurityRuleVerificationJsonWriter.ToText(nics));
                else WriteSecurityTable(ctx.Out, nics);
                return nics.All(r => r.Agrees) ? ExitCodes.Success : ExitCodes.Findings;
            }
            if (parse.GetValue(learned))
            {
                var tables = new VerifyRequest { Snapshot = parse.GetValue(snapshot) }.ExecuteLearnedRoutes(new CliEngineHost(ctx));
                if (parse.GetValue(format) == "json") ctx.Out.Write(LearnedRouteVerificationJsonWriter.Render(tables));
                else WriteLearnedTable(ctx.Out, tables);
                return tables.All(r => r.Agrees) ? ExitCodes.Success : ExitCodes.Findings;
            }
            var results = new VerifyRequest { Snapshot = parse.GetValue(snapshot) }.Execute(new CliEngineHost(ctx));
            if (parse.GetValue(format) == "json") ctx.Out.Write(EffectiveRouteVerificationJsonWriter.Render(results));
            else WriteTable(ctx.Out, results);
            return results.All(r => r.Agrees) ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<NicVerification> results)
    {
        TextTable.Write(output, new[] { "NIC", "Agrees", "Captured", "Matched", "Agreement" },
            results.Select(r => new[] { r.Name, r.Agrees ? "yes" : "no", r.CapturedRoutes.ToString(), r.Matched.ToString(), r.Agreement.ToString("P1") }).ToList());
        foreach (var r in results)
        {
            if (r.Error != null) output.WriteLine(SafeText.Escape($"{r.Name}: {r.Error}"));
            foreach (var d in r.Differences) output.WriteLine(SafeText.Escape($"{r.Name}: {d}"));
        }
        int captured = results.Sum(r => r.CapturedRoutes), matched = results.Sum(r => r.Matched);
        output.WriteLine($"Overall: {matched} of {captured} captured routes reproduced; {results.Count(r => r.Agrees)} of {results.Count} NICs agree.");
    }

    private static void WriteSecurityTable(TextWriter output, IReadOnlyList<NicSecurityVerification> results)
    {
        TextTable.Write(output, new[] { "NIC", "Agrees", "Captured rules", "Matched" },
            results.Select(r => new[] { r.Name, r.Agrees ? "yes" : "no", r.CapturedRules.ToString(), r.Matched.ToString() }).ToList());
        foreach (var r in results)
        {
            if (r.Error != null) output.WriteLine(SafeText.Escape($"{r.Name}: {r.Error}"));
            foreach (var d in r.Differences) output.WriteLine(SafeText.Escape($"{r.Name}: {d}"));
        }
        output.WriteLine($"Overall: {results.Sum(r => r.Matched)} of {results.Sum(r => r.CapturedRules)} captured security rules reproduced; {results.Count(r => r.Agrees)} of {results.Count} NICs agree.");
    }

    private static void WriteLearnedTable(TextWriter output, IReadOnlyList<LearnedRouteTableVerification> results)
    {
        TextTable.Write(output, new[] { "Table", "Kind", "Agrees", "Captured", "Derived", "Matched" },
            results.Select(r => new[] { r.Name, r.Kind.ToString(), r.Agrees ? "yes" : "no", r.CapturedRoutes.ToString(), r.DerivedRoutes.ToString(), r.Matched.ToString() }).ToList());
        foreach (var r in results)
        {
            if (r.Error != null) output.WriteLine($"{r.Name}: {r.Error}");
            foreach (var d in r.Differences) output.WriteLine($"{r.Name}: {d.Kind} {d.AddressPrefix}: captured [{d.Captured}] derived [{d.Computed}]");
            foreach (var t in r.Tolerated) output.WriteLine($"{r.Name}: tolerated: {t}");
        }
        output.WriteLine($"Overall: {results.Count(r => r.Agrees)} of {results.Count} learned-route tables agree with the derivation.");
    }
}
