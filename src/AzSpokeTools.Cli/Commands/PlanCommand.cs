using AzSpokeTools.Engine.Reports;
using System.CommandLine;
using AzSpokeTools.Azure.Apply;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke plan --snapshot F [selection as readiness] --out DIR [--iac arm,bicep,terraform,powershell] [--format table|json]</c>:
/// writes plan.json and the IaC files into DIR; exit 0 when the plan can be applied, 1 when readiness errors block it or
/// the what-if shows pairs losing connectivity, 2 bad input.
/// </summary>
public static class PlanCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var selection = new MeshSelectionOptions();
        var output = new Option<string>("--out") { Description = "Directory to write plan.json and the IaC files to (created if missing)", Required = true };
        var iac = new Option<string[]>("--iac") { Description = "IaC formats: arm, bicep, terraform, powershell (comma-separated or repeated; default all)", AllowMultipleArgumentsPerToken = true };
        var format = CommonOptions.Format("table", "json");
        var manager = new Option<string?>("--network-manager") { Description = "Existing network manager (name or id), or the id of one to create" };
        var dynamic = new Option<bool>("--dynamic-membership") { Description = "Azure Policy membership by the selection's tag instead of static members" };
        var owner = new Option<string>("--owner") { Description = "Ownership marker value (tag azspoke-owner)", DefaultValueFactory = _ => "azspoke" };
        var noWhatIf = new Option<bool>("--no-what-if") { Description = "Skip the before/after path matrix" };
        var apply = new Option<bool>("--apply") { Description = "Create or update the AVNM resources and commit waves 1..--wave in Azure (refused while readiness errors remain)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --apply: read Azure and print every write it would send, send none" };
        var wave = new Option<int>("--wave") { Description = "With --apply: apply waves 1..N (default 1, the pilot)", DefaultValueFactory = _ => 1 };
        var environment = new Option<string?>("--environment") { Description = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud" };
        var armEndpoint = new Option<string?>("--arm-endpoint") { Description = "Explicit ARM endpoint URL (https)" };
        var accessToken = new Option<string?>("--access-token") { Description = "Bearer token for ARM (default: DefaultAzureCredential)" };
        var command = new Command("plan", "The migration plan from hairpin to AVNM mesh: group, configuration, waves, IaC, before/after path matrix, rollback.");
        command.Options.Add(snapshot);
        selection.AddTo(command);
        foreach (var o in new Option[] { output, iac, format, manager, dynamic, owner, noWhatIf, apply, dryRun, wave, environment, armEndpoint, accessToken }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var formats = PlanOutputs.Parse(parse.GetValue(iac));
            var dir = PrepareDirectory(parse.GetValue(output)!);
            var request = selection.Fill(new MeshMigrationRequest(), parse, snapshot);
            request.NetworkManager = parse.GetValue(manager);
            request.DynamicMembership = parse.GetValue(dynamic);
            request.Owner = parse.GetValue(owner) ?? "azspoke";
            request.WhatIf = !parse.GetValue(noWhatIf);
            var plan = request.Execute(new CliEngineHost(ctx));
            var files = PlanOutputs.Render(plan, formats);
            foreach (var (name, content) in files)
                AtomicFileWriter.Write(Path.Combine(dir, name), s => { var bytes = new System.Text.UTF8Encoding(false).GetBytes(content); s.Write(bytes, 0, bytes.Length); });
            if (parse.GetValue(format) == "json") ctx.Out.Write(files[0].Value);
            else WriteSummary(ctx.Out, plan, dir, files.Select(f => f.Key));
            bool blocked = plan.Blockers.Count > 0 || (plan.WhatIf?.LosingConnectivity.Any() ?? false);
            if (!parse.GetValue(apply))
            {
                if (parse.GetValue(dryRun)) throw new CliInputException("--dry-run needs --apply.");
                return blocked ? ExitCodes.Findings : ExitCodes.Success;
            }
            if (plan.Blockers.Count > 0)
            {
                ctx.Err.WriteLine(SafeText.Escape("error: --apply refused: readiness errors remain (" + string.Join("; ", plan.Blockers) + ")"));
                return ExitCodes.Findings;
            }
            var applyPlan = MeshApplyPlan.Create(plan, parse.GetValue(wave));
            var connection = new ExportOptions { Environment = parse.GetValue(environment), AccessToken = parse.GetValue(accessToken) };
            if (parse.GetValue(armEndpoint) is string endpoint)
            {
                if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)) throw new CliInputException("--arm-endpoint '" + endpoint + "' is not an absolute URL.");
                connection.ArmEndpoint = uri;
            }
            try { connection.Validate(); }
            catch (ArgumentException ex) { throw new CliInputException(ex.Message); }
            return Apply(ctx, applyPlan, connection, !parse.GetValue(dryRun));
        });
        return command;
    }

    /// <summary>Sends the apply requests; every write is printed before it is sent (or, with --dry-run, instead).</summary>
    private static int Apply(CliContext ctx, MeshApplyPlan applyPlan, ExportOptions connection, bool send)
    {
        var host = new ApplyHost(ctx, send);
        var result = MeshApplyRunner.Run(applyPlan, new ArmApplySender(connection), host);
        ctx.Out.WriteLine($"{(send ? "Apply" : "Dry run")} of waves 1..{applyPlan.ThroughWave} of {applyPlan.Plan.Waves.Count}:");
        TextTable.Write(ctx.Out, new[] { "Step", "Method", "Path", "State", "HTTP" },
            result.Requests.Select(r => new[] { r.Request.Step.ToString(), r.Request.Method, r.Request.Path, r.State.ToString(), r.Status == 0 ? "" : r.Status.ToString() }).ToList());
        foreach (var region in result.Regions)
            ctx.Out.WriteLine(SafeText.Escape($"{region.Region}: {region.Status}" + (region.Error != null ? $" ({region.Error})" : "") + $"; rollback: {region.RollbackCommand}"));
        if (result.Refusal != null) { ctx.Err.WriteLine(SafeText.Escape("error: " + result.Refusal)); return ExitCodes.Findings; }
        if (result.Failure != null) { ctx.Err.WriteLine(SafeText.Escape("error: " + result.Failure)); return ExitCodes.AzureFailure; }
        if (send && applyPlan.ThroughWave < applyPlan.Plan.Waves.Count)
            ctx.Out.WriteLine($"Next: validate wave {applyPlan.ThroughWave} (plan.json waves[{applyPlan.ThroughWave - 1}].validation), then run with --wave {applyPlan.ThroughWave + 1}.");
        return ExitCodes.Success;
    }

    /// <summary>Approves every write with --apply (printing it first); with --dry-run prints it and approves none.</summary>
    private sealed class ApplyHost(CliContext ctx, bool send) : IEngineHost
    {
        public void Warning(string message) => ctx.Err.WriteLine(SafeText.Escape("warning: " + message));
        public void Verbose(string message) => ctx.Err.WriteLine(SafeText.Escape("apply: " + message));
        public void Progress(string activity, string status, int percent) { }

        public bool ShouldProcess(string target, string action)
        {
            ctx.Err.WriteLine(SafeText.Escape((send ? "apply: " : "what if: ") + target + ": " + action));
            return send;
        }
    }

    private static string PrepareDirectory(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CliInputException("--out: a directory is required.");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliInputException($"--out: '{path}' is not a valid path ({ex.Message}).");
        }
        if (File.Exists(full)) throw new CliInputException($"--out: '{path}' is a file; give a directory.");
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        if (!Directory.Exists(full))
        {
            if (parent == null || !Directory.Exists(parent)) throw new CliInputException($"--out: the parent directory of '{path}' does not exist.");
            Directory.CreateDirectory(full);
        }
        return full;
    }

    internal static void WriteSummary(TextWriter o, MigrationPlan plan, string dir, IEnumerable<string> files)
    {
        o.WriteLine(SafeText.Escape($"Migration plan for {plan.Selection.Members.Count} VNets ({plan.Selection.Description})"));
        o.WriteLine($"Readiness: {(plan.Readiness.Ready ? "ready" : "NOT READY")}; findings: " +
                    (plan.Readiness.Findings.Count == 0 ? "none" : string.Join(", ", plan.Readiness.Findings.GroupBy(f => f.RuleId).Select(g => $"{g.Key}={g.Count()}"))));
        foreach (var b in plan.Blockers) o.WriteLine(SafeText.Escape("  blocker: " + b));
        o.WriteLine(SafeText.Escape($"Network manager: {plan.NetworkManager.Id} ({(plan.NetworkManager.Exists ? "existing" : "new")})"));
        o.WriteLine(SafeText.Escape($"Network group:   {plan.NetworkGroup.Name} ({plan.NetworkGroup.Mode})"));
        var c = plan.Configuration;
        o.WriteLine(SafeText.Escape($"Configuration:   {c.Name} Mesh isGlobal={c.IsGlobal} overlap={c.ConnectedGroupAddressOverlap} privateEndpoints={c.ConnectedGroupPrivateEndpointsScale}"));
        o.WriteLine("Waves:");
        TextTable.Write(o, new[] { "Wave", "Name", "Members", "Cumulative", "Regions", "Limits", "Expected pairs" },
            plan.Waves.Select(w => new[]
            {
                w.Number.ToString(), w.Name, w.Members.Count.ToString(), w.CumulativeMembers.ToString(), string.Join(",", w.Regions),
                w.WithinLimits ? "ok" : "EXCEEDED: " + w.LimitNote,
                string.Join(", ", w.Validation.ExpectedPairKinds.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")),
            }).ToList());
        o.WriteLine("Commits (full set per region):");
        foreach (var rc in plan.Commits)
            o.WriteLine(SafeText.Escape($"  {rc.Region}: {rc.ConfigurationIds.Count} configuration(s), {rc.ExistingConfigurationIds.Count} already committed" + (rc.StatusCaptured ? "" : " (status not captured: read live before committing)")));
        if (plan.RouteTableChanges.Count > 0)
        {
            o.WriteLine("Route tables:");
            foreach (var g in plan.RouteTableChanges.GroupBy(r => r.Action))
                o.WriteLine($"  {g.Key}: {g.Count()} route(s), {g.Sum(r => r.Pairs.Count)} pair(s)");
        }
        foreach (var t in plan.GatewayToggles)
            o.WriteLine(SafeText.Escape($"Gateway {t.Gateway.Name}: {t.Property}={(t.Current?.ToString() ?? "absent")} left in place during the migration"));
        if (plan.WhatIf is MigrationWhatIf wi)
        {
            o.WriteLine($"What-if ({wi.Pairs.Count} ordered pairs, {wi.ElapsedMs} ms):");
            foreach (var kv in wi.Transitions) o.WriteLine(SafeText.Escape($"  {kv.Key}: {kv.Value}"));
            o.WriteLine($"  losing connectivity: {wi.LosingConnectivity.Count()}; losing inspection: {wi.LosingInspection.Count()}");
            foreach (var p in wi.LosingInspection.Take(20)) o.WriteLine(SafeText.Escape($"    inspection lost: {p.From.Name} -> {p.To.Name} ({p.Before} -> {p.After})"));
            if (wi.LosingInspection.Count() > 20) o.WriteLine("    ... (all pairs in plan.json and whatif-pairs.csv)");
        }
        o.WriteLine($"Wrote {string.Join(", ", files)} to {dir}");
    }
}
