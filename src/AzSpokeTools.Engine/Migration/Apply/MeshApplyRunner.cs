using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// Runs a <see cref="MeshApplyPlan"/> through an <see cref="IArmRequestSender"/>: checks ownership of every AVNM resource it
    /// would change before writing anything (and, for the decommission phase, that the soak is over), asks ShouldProcess before
    /// every write, commits each region with the full set (what the region has active now, without what the plan takes out,
    /// plus what it adds), waits for the deployment status and reports it. A failure stops the run and says what was done and
    /// how to roll back.
    /// </summary>
    public static class MeshApplyRunner
    {
        /// <summary>
        /// Asks ShouldProcess for every write with its planned body and sends nothing at all, not even a read: what -WhatIf shows.
        /// Commit bodies show the set the snapshot implies; a real run completes them from the live deployment status.
        /// </summary>
        public static MeshApplyResult Preview(MeshApplyPlan apply, IEngineHost host)
        {
            if (apply == null) throw new ArgumentNullException(nameof(apply));
            if (host == null) throw new ArgumentNullException(nameof(host));
            var results = new List<AppliedRequest>();
            foreach (var r in apply.Requests)
            {
                if (!r.IsWrite) { results.Add(new AppliedRequest(r, AppliedState.NotReached, 0, null, null)); continue; }
                var text = r.Body?.ToJsonString(IacText.Compact);
                var processed = host.ShouldProcess(r.Target, Describe(r, text));
                results.Add(new AppliedRequest(r, processed ? AppliedState.NotReached : AppliedState.WhatIf, 0, null, text));
            }
            return new MeshApplyResult(results, new List<RegionDeployment>(), null, null);
        }

        private static string Describe(PlannedArmRequest r, string? body) => r.Kind switch
        {
            PlannedRequestKind.Commit => $"{r.Action}: POST {r.PathAndQuery} {body}",
            PlannedRequestKind.Update => $"{r.Action}: PUT {r.PathAndQuery} with properties.{r.Property} = {(r.Value ? "true" : "false")}",
            PlannedRequestKind.Delete => $"{r.Action}: DELETE {r.PathAndQuery}",
            _ => $"{r.Action}: PUT {r.PathAndQuery} {body}",
        };

        /// <summary>Sends the plan's requests through <paramref name="sender"/>, waits for each commit, and stops at the first failure.</summary>
        public static MeshApplyResult Run(MeshApplyPlan apply, IArmRequestSender sender, IEngineHost host, TimeSpan? pollInterval = null, int maxPolls = 60, DateTimeOffset? now = null)
        {
            if (apply == null) throw new ArgumentNullException(nameof(apply));
            if (sender == null) throw new ArgumentNullException(nameof(sender));
            if (host == null) throw new ArgumentNullException(nameof(host));
            var plan = apply.Plan;
            var interval = pollInterval ?? TimeSpan.FromSeconds(10);
            var results = new List<AppliedRequest>();
            var regions = new List<RegionDeployment>();
            MeshApplyResult Refuse(string problem, ApplyRefusal kind)
            {
                host.Warning(problem);
                return new MeshApplyResult(apply.Requests.Select(x => new AppliedRequest(x, AppliedState.NotReached, 0, null, null)).ToList(), regions, problem, null, kind);
            }

            // Ownership first: nothing is written if any AVNM resource the plan would change belongs to someone else.
            foreach (var r in apply.Requests.Where(r => r.NeedsOwnership))
            {
                var existing = sender.Send("GET", r.PathAndQuery, null);
                var problem = MeshApplyRules.OwnershipProblem(r, existing.Status, existing.Body, plan.Options);
                if (problem != null) return Refuse(problem, ApplyRefusal.NotOwned);
            }
            // The decommission phase waits for the soak: every region Deployed with the final wave's set for the soak time.
            foreach (var r in apply.Requests.Where(r => r.Kind == PlannedRequestKind.CheckSoak))
            {
                var status = sender.Send("POST", r.PathAndQuery, r.Body);
                if (!status.IsSuccess) return Refuse($"cannot read the deployment status of {r.Region} to check the soak (HTTP {status.Status}: {status.Error})", ApplyRefusal.SoakNotOver);
                var problem = MeshApplyRules.SoakProblem(status.Body, r.Region!, r.Add, plan.Decommission?.SoakDays ?? MigrationOptions.DefaultSoakDays, now ?? DateTimeOffset.UtcNow);
                if (problem != null) return Refuse(problem, ApplyRefusal.SoakNotOver);
                results.Add(new AppliedRequest(r, AppliedState.Done, status.Status, null, r.Body!.ToJsonString(IacText.Compact)));
            }

            string? failure = null;
            for (int i = 0; i < apply.Requests.Count && failure == null; i++)
            {
                var r = apply.Requests[i];
                switch (r.Kind)
                {
                    case PlannedRequestKind.CreateOrUpdate:
                        failure = Write(r, "PUT", r.Body, sender, host, results);
                        break;
                    case PlannedRequestKind.Delete:
                        failure = Write(r, "DELETE", null, sender, host, results);
                        break;
                    case PlannedRequestKind.Update:
                    {
                        var current = sender.Send("GET", r.PathAndQuery, null);
                        if (!current.IsSuccess || current.Body is not JsonObject body)
                        {
                            results.Add(new AppliedRequest(r, AppliedState.Failed, current.Status, current.Error, null));
                            failure = $"step {r.Step} ({r.Action}): reading {r.Path} failed with HTTP {current.Status}: {current.Error}. " + StateText(results);
                            break;
                        }
                        if (body["properties"] is not JsonObject properties) body["properties"] = properties = new JsonObject();
                        properties[r.Property!] = r.Value;
                        failure = Write(r, "PUT", body, sender, host, results);
                        break;
                    }
                    case PlannedRequestKind.ReadDeploymentStatus:
                    case PlannedRequestKind.CheckSoak:
                        break; // read together with its commit below, or before anything else
                    case PlannedRequestKind.Commit:
                        failure = Commit(apply, i, sender, host, interval, maxPolls, results, regions);
                        break;
                }
            }
            foreach (var r in apply.Requests)
                if (results.All(x => x.Request != r))
                    results.Add(new AppliedRequest(r, AppliedState.NotReached, 0, null, null));
            if (failure != null) host.Warning(failure);
            return new MeshApplyResult(results.OrderBy(x => x.Request.Step).ToList(), regions, null, failure);
        }

        private static string? Write(PlannedArmRequest r, string method, JsonObject? body, IArmRequestSender sender, IEngineHost host, List<AppliedRequest> results)
        {
            var text = body?.ToJsonString(IacText.Compact);
            if (!host.ShouldProcess(r.Target, Describe(r, text)))
            {
                results.Add(new AppliedRequest(r, AppliedState.WhatIf, 0, null, text));
                return null;
            }
            var reply = sender.Send(method, r.PathAndQuery, body);
            // A DELETE of something already gone has nothing left to do.
            if (!reply.IsSuccess && !(method == "DELETE" && reply.Status == 404))
            {
                results.Add(new AppliedRequest(r, AppliedState.Failed, reply.Status, reply.Error, text));
                return $"step {r.Step} ({r.Action}) failed with HTTP {reply.Status}: {reply.Error}. " + StateText(results);
            }
            host.Verbose($"{r.Action}: {reply.Status}");
            results.Add(new AppliedRequest(r, AppliedState.Done, reply.Status, null, text));
            return null;
        }

        private static string? Commit(MeshApplyPlan apply, int i, IArmRequestSender sender, IEngineHost host, TimeSpan interval, int maxPolls,
            List<AppliedRequest> results, List<RegionDeployment> regions)
        {
            var plan = apply.Plan;
            var r = apply.Requests[i];
            var read = apply.Requests[i - 1];
            var nmId = plan.NetworkManager.Id.Value;
            var status = sender.Send("POST", read.PathAndQuery, read.Body);
            if (!status.IsSuccess)
            {
                results.Add(new AppliedRequest(read, AppliedState.Failed, status.Status, status.Error, read.Body!.ToJsonString(IacText.Compact)));
                return $"reading the deployment status of {r.Region} failed with HTTP {status.Status}: {status.Error}; {r.Region} was not committed. " + StateText(results);
            }
            results.Add(new AppliedRequest(read, AppliedState.Done, status.Status, null, read.Body!.ToJsonString(IacText.Compact)));
            var (listed, liveStatus, _) = MeshApplyRules.CurrentCommit(status.Body, r.Region!);
            if (string.Equals(liveStatus, "Deploying", StringComparison.OrdinalIgnoreCase))
                return $"{r.Region} has a commit still Deploying; not committing over it. " + StateText(results);
            // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Goal state model": the commit replaces the region's
            // goal state, so every configuration active there stays in it; a commit that is not Deployed made nothing active.
            var previous = MeshApplyRules.ActiveSet(nmId, listed, liveStatus);
            var stale = r.MustNotBeActive.Where(m => previous.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
            if (stale.Count > 0)
                return $"{string.Join(", ", stale.Select(IacText.NameOf))} is active in {r.Region} now, but the plan was made when it was not (it adopts it only in the final wave): export a new snapshot and plan again; {r.Region} was not committed. " + StateText(results);
            if (listed.Count > 0 && previous.Count == 0)
                host.Verbose($"{r.Region}: the last commit is {liveStatus}; its configurations ({string.Join(", ", listed.Select(IacText.NameOf))}) are not active and stay out of the commit");
            var full = MeshApplyRules.FullSet(nmId, previous, r.Add, r.Remove);
            var commitBody = MeshApplyRules.CommitBody(r.Region!, full);
            var text = commitBody.ToJsonString(IacText.Compact);
            var rollback = MeshApplyRules.RollbackCommand(plan.NetworkManager, r.Region!, previous);
            // The live set may differ from the snapshot's: the question names what this commit really carries.
            if (!host.ShouldProcess(r.Target, $"{MeshApplyRules.CommitAction(full, r.Remove)}: POST {r.PathAndQuery} {text}"))
            {
                results.Add(new AppliedRequest(r, AppliedState.WhatIf, 0, null, text));
                return null;
            }
            var commit = sender.Send("POST", r.PathAndQuery, commitBody);
            if (!commit.IsSuccess)
            {
                results.Add(new AppliedRequest(r, AppliedState.Failed, commit.Status, commit.Error, text));
                regions.Add(new RegionDeployment(r.Region!, previous, full, "Failed", commit.Error, rollback));
                return $"commit in {r.Region} failed with HTTP {commit.Status}: {commit.Error}. The region keeps its previous commit ({previous.Count} configuration(s)); to restore it explicitly: {rollback}. " + StateText(results);
            }
            results.Add(new AppliedRequest(r, AppliedState.Done, commit.Status, null, text));
            var deployment = WaitForDeployment(sender, read, r.Region!, full, interval, maxPolls, host);
            regions.Add(new RegionDeployment(r.Region!, previous, full, deployment.Status, deployment.Error, rollback));
            host.Verbose($"{r.Region}: {deployment.Status}" + (deployment.Error != null ? " (" + deployment.Error + ")" : ""));
            if (!string.Equals(deployment.Status, "Deployed", StringComparison.OrdinalIgnoreCase))
                return $"deployment in {r.Region} ended {deployment.Status ?? "without a status"}" + (deployment.Error != null ? ": " + deployment.Error : "") +
                       $". To restore the previous commit: {rollback}. " + StateText(results);
            return null;
        }

        private static (string? Status, string? Error) WaitForDeployment(IArmRequestSender sender, PlannedArmRequest read, string region, IReadOnlyList<string> committed,
            TimeSpan interval, int maxPolls, IEngineHost host)
        {
            string? last = null, error = null;
            for (int poll = 0; poll < maxPolls; poll++)
            {
                if (poll > 0) sender.Wait(interval);
                var reply = sender.Send("POST", read.PathAndQuery, read.Body);
                if (!reply.IsSuccess) return ("Unknown", $"deployment status could not be read (HTTP {reply.Status}: {reply.Error})");
                var (ids, status, err) = MeshApplyRules.CurrentCommit(reply.Body, region);
                last = status; error = err;
                host.Progress("Commit " + region, status ?? "unknown", -1);
                bool ours = committed.All(c => ids.Contains(c, StringComparer.OrdinalIgnoreCase) || ids.Any(x => c.EndsWith("/" + x, StringComparison.OrdinalIgnoreCase)));
                if (ours && (string.Equals(status, "Deployed", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase)))
                    return (status, error);
            }
            return (last ?? "Unknown", $"still {last ?? "unknown"} after {maxPolls} status reads" + (error != null ? ": " + error : ""));
        }

        private static string StateText(List<AppliedRequest> results)
        {
            var done = results.Where(r => r.State == AppliedState.Done && r.Request.IsWrite).Select(r => $"{r.Request.Method} {r.Request.Path}").ToList();
            return done.Count == 0 ? "Nothing was changed." : "Already done: " + string.Join("; ", done) + ".";
        }
    }
}
