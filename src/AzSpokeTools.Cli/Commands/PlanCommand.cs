using System.CommandLine;
using System.Globalization;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke plan --snapshot F [selection as readiness] --out DIR [--iac arm,bicep,terraform,powershell] [--format table|json]</c>
/// with the wave options (<c>--pilot-size</c>, <c>--wave-size</c>, <c>--wave NAME=PATTERN</c>), <c>--decommission</c> and
/// <c>--apply</c>: writes plan.json and the IaC files into DIR; exit 0 when the plan can be applied, 1 when readiness errors block
/// it or the what-if shows pairs losing connectivity, 2 bad input, 3 an Azure failure while applying.
/// </summary>
public static class PlanCommand
{
    /// <summary>The options of <c>plan</c> beyond the snapshot and the selection (the parity test compares them with the cmdlet's parameters).</summary>
    internal sealed class Options
    {
        public readonly Option<string> Out = new("--out") { Description = "Directory to write plan.json and the IaC files to (created if missing)", Required = true };
        public readonly Option<string[]> Iac = new("--iac") { Description = "IaC formats: arm, bicep, terraform, powershell (comma-separated or repeated; default all)", AllowMultipleArgumentsPerToken = true };
        public readonly Option<string> Format = CommonOptions.Format("table", "json");
        public readonly Option<bool> Dynamic = new("--dynamic-membership") { Description = "End state with Azure Policy membership by the selection's tag (the waves still go through static members)" };
        public readonly Option<string> Owner = new("--owner") { Description = "Ownership marker value (azspoke-owner=VALUE)", DefaultValueFactory = _ => "azspoke" };
        public readonly Option<bool> NoWhatIf = new("--no-what-if") { Description = "Skip the per-wave before/after path matrices" };
        public readonly Option<int> PilotSize = new("--pilot-size") { Description = "Pilot wave size (default 50, capped by the selection)", DefaultValueFactory = _ => MigrationOptions.DefaultPilotSize };
        public readonly Option<int?> WaveSize = new("--wave-size") { Description = "After the pilot, waves of this many VNets (default: light production, then the rest)" };
        public readonly Option<string[]> Wave = new("--wave") { Description = "Explicit wave NAME=PATTERN (repeatable, in order; the rest form a last wave); with --apply a number: apply waves 1..N (default 1)", AllowMultipleArgumentsPerToken = true };
        public readonly Option<bool> Decommission = new("--decommission") { Description = "Add the decommission phase after the soak; with --apply, apply that phase" };
        public readonly Option<int> SoakDays = new("--soak-days") { Description = "Days between the final wave and the decommission phase (default 14)", DefaultValueFactory = _ => MigrationOptions.DefaultSoakDays };
        public readonly Option<bool> Apply = new("--apply") { Description = "Create or update the AVNM resources and commit waves 1..--wave in Azure (refused while readiness errors remain)" };
        public readonly Option<bool> DryRun = new("--dry-run") { Description = "With --apply: read Azure and print every write it would send, send none" };
        public readonly Option<string?> Environment = new("--environment") { Description = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud" };
        public readonly Option<string?> ArmEndpoint = new("--arm-endpoint") { Description = "Explicit ARM endpoint URL (https)" };
        public readonly Option<string?> AccessToken = new("--access-token") { Description = "Bearer token for ARM (default: DefaultAzureCredential)" };
        public readonly Option<int?> Threads = new("--threads") { Description = "Threads each what-if matrix evaluates sources on (default: every core); the what-if is the same whatever the number" };

        /// <summary>--protocol --port --source-port --assume-nva: the flow the what-if evaluates before and after (flows the hub firewall denies that the mesh would allow).</summary>
        public readonly FlowCliOptions Flow = FlowCliOptions.Create();

        public IEnumerable<Option> All => new Option[] { Out, Iac, Format, Dynamic, Owner, NoWhatIf, Flow.Protocol, Flow.Port, Flow.SourcePort, Flow.AssumeNva, PilotSize, WaveSize, Wave, Decommission, SoakDays, Threads, Apply, DryRun, Environment, ArmEndpoint, AccessToken };
    }

    public static Command Create(CliContext ctx) => Create(ctx, out _, out _);

    internal static Command Create(CliContext ctx, out MeshSelectionOptions selectionOptions, out Options planOptions)
    {
        var snapshot = CommonOptions.Snapshot();
        var selection = selectionOptions = new MeshSelectionOptions();
        var o = planOptions = new Options();
        var command = new Command("plan", "The migration plan from hairpin to AVNM mesh: adoption of existing AVNM state, waves that hold, per-wave what-if, IaC, rollback, soak and decommission.");
        command.Options.Add(snapshot);
        selection.AddTo(command);
        foreach (var option in o.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var (throughWave, definitions) = SplitWaves(parse.GetValue(o.Wave));
            bool apply = parse.GetValue(o.Apply), decommission = parse.GetValue(o.Decommission);
            if (!apply && parse.GetValue(o.DryRun)) throw new CliInputException("--dry-run needs --apply.");
            if (!apply && throughWave != null) throw new CliInputException("--wave N (a number) needs --apply; define waves as --wave NAME=PATTERN.");
            if (apply && decommission && throughWave != null) throw new CliInputException("--apply --decommission applies the decommission phase; leave out --wave N.");
            var output = new CliDirectorySink(CheckDirectory(parse.GetValue(o.Out)!));
            var request = selection.Fill(new MeshMigrationRequest(), parse, snapshot);
            request.DynamicMembership = parse.GetValue(o.Dynamic);
            request.Owner = parse.GetValue(o.Owner) ?? "azspoke";
            request.WhatIf = !parse.GetValue(o.NoWhatIf);
            request.Protocol = parse.GetValue(o.Flow.Protocol);
            request.Port = parse.GetValue(o.Flow.Port);
            request.SourcePort = parse.GetValue(o.Flow.SourcePort);
            request.AssumeNva = parse.GetValue(o.Flow.AssumeNva);
            request.PilotSize = parse.GetValue(o.PilotSize);
            request.WaveSize = parse.GetValue(o.WaveSize);
            request.Wave = definitions;
            request.Decommission = decommission;
            request.SoakDays = parse.GetValue(o.SoakDays);
            request.Threads = parse.GetValue(o.Threads);
            request.InfrastructureAsCode = parse.GetValue(o.Iac) ?? Array.Empty<string>();
            request.Output = output;
            // --out is the user's request to write the file set: the CLI's host approves it (approving Azure writes needs --apply).
            var plan = request.Execute(new CliEngineHost(ctx, apply: true));
            if (parse.GetValue(o.Format) == "json") ctx.Out.Write(PlanJsonWriter.Render(plan));
            else WriteSummary(ctx.Out, plan, output.Location, output.Written);
            bool blocked = plan.Blockers.Count > 0 || (plan.WhatIf?.LosingConnectivity.Any() ?? false);
            if (!apply) return blocked ? ExitCodes.Findings : ExitCodes.Success;
            var send = !parse.GetValue(o.DryRun);
            var result = new MeshApplyRequest
            {
                Plan = plan,
                Wave = throughWave ?? 1,
                Decommission = decommission,
                Connect = () => LiveConnection.Create(parse.GetValue(o.Environment), parse.GetValue(o.ArmEndpoint), parse.GetValue(o.AccessToken)).CreateSender(),
            }.Execute(new ApplyHost(ctx, send));
            return Report(ctx, result, send);
        });
        return command;
    }

    /// <summary>--wave values: a number is the wave to apply through; NAME=PATTERN defines a wave.</summary>
    private static (int? ThroughWave, string[] Definitions) SplitWaves(string[]? values)
    {
        int? through = null;
        var definitions = new List<string>();
        foreach (var v in values ?? Array.Empty<string>())
        {
            if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (through != null) throw new CliInputException("--wave: give one wave number to apply through.");
                if (n < 1) throw new CliInputException("--wave: waves are numbered from 1.");
                through = n;
            }
            else if (v.IndexOf('=') > 0) definitions.Add(v);
            else throw new CliInputException($"--wave '{v}': give a wave number to apply through, or NAME=PATTERN to define a wave.");
        }
        return (through, definitions.ToArray());
    }

    /// <summary>Prints what apply did: every request with its state (each write was printed before it was sent, or, with --dry-run, instead).</summary>
    private static int Report(CliContext ctx, MeshApplyResult result, bool send)
    {
        if (result.RefusalKind == ApplyRefusal.NotReady)
        {
            ctx.Err.WriteLine(SafeText.Escape("error: --apply refused: " + result.Refusal));
            return ExitCodes.Findings;
        }
        var applyPlan = result.Applied!;
        var what = applyPlan.IsDecommission ? "the decommission phase" : $"waves 1..{applyPlan.ThroughWave} of {applyPlan.Plan.Waves.Count}";
        ctx.Out.WriteLine($"{(send ? "Apply" : "Dry run")} of {what}:");
        TextTable.Write(ctx.Out, new[] { "Step", "Method", "Path", "State", "HTTP" },
            result.Requests.Select(r => new[] { r.Request.Step.ToString(), r.Request.Method, r.Request.Path, r.State.ToString(), r.Status == 0 ? "" : r.Status.ToString() }).ToList());
        foreach (var region in result.Regions)
            ctx.Out.WriteLine(SafeText.Escape($"{region.Region}: {region.Status}" + (region.Error != null ? $" ({region.Error})" : "") + $"; rollback: {region.RollbackCommand}"));
        if (result.Refusal != null) { ctx.Err.WriteLine(SafeText.Escape("error: " + result.Refusal)); return ExitCodes.Findings; }
        if (result.Failure != null) { ctx.Err.WriteLine(SafeText.Escape("error: " + result.Failure)); return ExitCodes.AzureFailure; }
        if (send && !applyPlan.IsDecommission)
            ctx.Out.WriteLine(applyPlan.ThroughWave < applyPlan.Plan.Waves.Count
                ? $"Next: export a snapshot, check it with azspoke verify-wave --wave {applyPlan.ThroughWave}, then run with --wave {applyPlan.ThroughWave + 1}."
                : $"Next: export a snapshot and check it with azspoke verify-wave --wave {applyPlan.ThroughWave}; after the soak, plan with --decommission.");
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

    private static string CheckDirectory(string path)
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
        // Created with the first file (CliDirectorySink): a plan that fails writes nothing, not even the directory.
        if (!Directory.Exists(full) && (parent == null || !Directory.Exists(parent)))
            throw new CliInputException($"--out: the parent directory of '{path}' does not exist.");
        return full;
    }

    internal static void WriteSummary(TextWriter o, MigrationPlan plan, string dir, IEnumerable<string> files)
    {
        o.WriteLine(SafeText.Escape($"Migration plan for {plan.Selection.Members.Count} VNets ({plan.Selection.Description})"));
        o.WriteLine($"Readiness: {(plan.Readiness.Ready ? "ready" : "NOT READY")}; findings: " +
                    (plan.Readiness.Findings.Count == 0 ? "none" : string.Join(", ", plan.Readiness.Findings.GroupBy(f => f.RuleId).Select(g => $"{g.Key}={g.Count()}"))));
        foreach (var b in plan.Blockers) o.WriteLine(SafeText.Escape("  blocker: " + b));
        o.WriteLine(SafeText.Escape($"Existing AVNM state: {plan.Adoption.Decision}: {plan.Adoption.Reason}"));
        if (plan.Adoption.Fix != null) o.WriteLine(SafeText.Escape("  fix: " + plan.Adoption.Fix));
        o.WriteLine(SafeText.Escape($"Network manager: {plan.NetworkManager.Id} ({(plan.NetworkManager.Exists ? "existing" : "new")})"));
        var c = plan.Configuration;
        o.WriteLine(SafeText.Escape($"Configuration:   {c.Name} Mesh isGlobal={c.IsGlobal} overlap={c.ConnectedGroupAddressOverlap} privateEndpoints={c.ConnectedGroupPrivateEndpointsScale}" + (c.Temporary ? " (temporary)" : "")));
        o.WriteLine(SafeText.Escape($"Waves hold by:   {plan.WaveMembership}"));
        foreach (var p in plan.Preparation) o.WriteLine(SafeText.Escape($"Before wave 1:   {p.Name}: {p.Description}"));
        o.WriteLine("Waves:");
        TextTable.Write(o, new[] { "Wave", "Name", "Members", "Cumulative", "Commits", "Limits", "What-if" },
            plan.Waves.Select(w =>
            {
                var wi = plan.WhatIf?.Waves.FirstOrDefault(x => x.Wave == w.Number);
                return new[]
                {
                    w.Number.ToString(), w.Name + (w.IsHandover ? " (handover)" : ""), w.Members.Count.ToString(), w.CumulativeMembers.ToString(),
                    string.Join(" ", w.Commits.Select(rc => $"{rc.Region}={rc.ConfigurationIds.Count}")),
                    w.WithinLimits ? "ok" : "EXCEEDED: " + w.LimitNote,
                    wi == null ? "-" : $"{wi.Pairs.Count} pairs, {wi.Transitions.Sum(t => t.Value)} change, lose connectivity {wi.LosingConnectivity.Count()}, inspection {wi.LosingInspection.Count()}, asymmetric {wi.AsymmetricAfter.Count()}",
                };
            }).ToList());
        var inactive = plan.Waves.SelectMany(w => w.Commits).SelectMany(rc => rc.InactiveConfigurationIds.Select(i => (rc.Region, Id: i))).Distinct().ToList();
        foreach (var (region, id) in inactive)
            o.WriteLine(SafeText.Escape($"  {IacTextName(id)} is listed in {region} but not deployed there ({plan.Waves[0].Commits.FirstOrDefault(rc => rc.Region == region)?.ExistingStatus}): left out of every commit"));
        if (plan.RouteTableChanges.Count > 0)
        {
            o.WriteLine("Route tables:");
            foreach (var g in plan.RouteTableChanges.GroupBy(r => r.Action))
                o.WriteLine(SafeText.Escape($"  {g.Key}: {g.Count()} route(s), {g.Sum(r => r.Pairs.Count)} pair(s)"));
        }
        foreach (var t in plan.GatewayToggles)
            o.WriteLine(SafeText.Escape($"Gateway {t.Gateway.Name}: {t.Property}={(t.Current?.ToString() ?? "absent")} left in place until the decommission phase"));
        if (plan.Decommission is DecommissionPhase d)
        {
            o.WriteLine(SafeText.Escape($"Decommission ({d.Soak}): {d.Steps.Count(s => s.Change)} change(s), {d.Steps.Count(s => !s.Change)} kept"));
            // By action, changes first, three examples each: the full list is in plan.json.
            foreach (var g in d.Steps.GroupBy(s => (s.Change, s.Action)).OrderByDescending(g => g.Key.Change))
            {
                o.WriteLine(SafeText.Escape($"  {(g.Key.Change ? "change" : "keep")} {g.Key.Action}: {g.Count()}"));
                foreach (var s in g.Take(3)) o.WriteLine(SafeText.Escape($"    {s.Reason}"));
                if (g.Count() > 3) o.WriteLine(SafeText.Escape($"    ... ({g.Count() - 3} more in plan.json)"));
            }
        }
        if (plan.WhatIf is MigrationWhatIf wi2)
        {
            o.WriteLine(SafeText.Escape($"What-if of the whole plan ({wi2.Pairs.Count} ordered member pairs, {wi2.ElapsedMs} ms for every wave):"));
            foreach (var kv in wi2.Transitions) o.WriteLine(SafeText.Escape($"  {kv.Key}: {kv.Value}"));
            o.WriteLine(SafeText.Escape($"  losing connectivity: {wi2.LosingConnectivity.Count()}; losing inspection: {wi2.LosingInspection.Count()}"));
            foreach (var p in wi2.LosingInspection.Take(20)) o.WriteLine(SafeText.Escape($"    inspection lost: {p.From.Name} -> {p.To.Name} ({p.Before} -> {p.After})"));
            if (wi2.LosingInspection.Count() > 20) o.WriteLine("    ... (all pairs in whatif-pairs.csv)");
            if (wi2.Flow is { } flow)
            {
                var opened = wi2.OpeningFlows.ToList();
                o.WriteLine(SafeText.Escape($"  {flow} denied today by the hub firewall or an NVA and allowed after the mesh: {opened.Count}"));
                foreach (var p in opened.Take(20)) o.WriteLine(SafeText.Escape($"    opened: {p.From.Name} -> {p.To.Name} (denied by {p.Before.AccessRule?.Name})"));
                if (opened.Count > 20) o.WriteLine("    ... (all flows in whatif-opened-flows.csv)");
            }
        }
        o.WriteLine(SafeText.Escape($"Wrote {string.Join(", ", files)} to {dir}"));
    }

    private static string IacTextName(string id)
    {
        int i = id.LastIndexOf('/');
        return i >= 0 ? id[(i + 1)..] : id;
    }
}
