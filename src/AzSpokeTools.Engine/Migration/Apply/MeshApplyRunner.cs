using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// Runs a <see cref="MeshApplyPlan"/> through an <see cref="IArmRequestSender"/>: checks ownership of every resource
    /// it would change before writing anything, asks ShouldProcess before every write, commits each region with the
    /// full set (what the region has now plus the plan's configuration), waits for the deployment status and reports it.
    /// A failure stops the run and says what was done and how to roll back.
    /// </summary>
    public static class MeshApplyRunner
    {
        public static MeshApplyResult Run(MeshApplyPlan apply, IArmRequestSender sender, IEngineHost host, TimeSpan? pollInterval = null, int maxPolls = 60)
        {
            if (apply == null) throw new ArgumentNullException(nameof(apply));
            if (sender == null) throw new ArgumentNullException(nameof(sender));
            if (host == null) throw new ArgumentNullException(nameof(host));
            var plan = apply.Plan;
            var interval = pollInterval ?? TimeSpan.FromSeconds(10);
            var results = new List<AppliedRequest>();
            var regions = new List<RegionDeployment>();

            // Ownership first: nothing is written if any resource the plan would change belongs to someone else.
            foreach (var r in apply.Requests.Where(r => r.Kind == PlannedRequestKind.CreateOrUpdate && r.Path.IndexOf("/staticMembers/", StringComparison.OrdinalIgnoreCase) < 0))
            {
                var existing = sender.Send("GET", r.PathAndQuery, null);
                var problem = MeshApplyRules.OwnershipProblem(r, existing.Status, existing.Body, plan.Options);
                if (problem != null)
                {
                    host.Warning(problem);
                    return new MeshApplyResult(apply.Requests.Select(x => new AppliedRequest(x, AppliedState.NotReached, 0, null, null)).ToList(), regions, problem, null);
                }
            }

            string? failure = null;
            for (int i = 0; i < apply.Requests.Count && failure == null; i++)
            {
                var r = apply.Requests[i];
                switch (r.Kind)
                {
                    case PlannedRequestKind.CreateOrUpdate:
                    {
                        var body = r.Body!.ToJsonString(IacText.Compact);
                        if (!host.ShouldProcess(r.Target, $"{r.Action}: PUT {r.PathAndQuery} {body}"))
                        {
                            results.Add(new AppliedRequest(r, AppliedState.WhatIf, 0, null, body));
                            break;
                        }
                        var reply = sender.Send("PUT", r.PathAndQuery, r.Body);
                        if (!reply.IsSuccess)
                        {
                            results.Add(new AppliedRequest(r, AppliedState.Failed, reply.Status, reply.Error, body));
                            failure = $"step {r.Step} ({r.Action}) failed with HTTP {reply.Status}: {reply.Error}. " + StateText(results);
                            break;
                        }
                        host.Verbose($"{r.Action}: {reply.Status}");
                        results.Add(new AppliedRequest(r, AppliedState.Done, reply.Status, null, body));
                        break;
                    }
                    case PlannedRequestKind.ReadDeploymentStatus:
                        break; // read together with its commit below
                    case PlannedRequestKind.Commit:
                    {
                        var read = apply.Requests[i - 1];
                        var planned = plan.Commits.First(c => string.Equals(c.Region, r.Region, StringComparison.OrdinalIgnoreCase));
                        var status = sender.Send("POST", read.PathAndQuery, read.Body);
                        if (!status.IsSuccess)
                        {
                            results.Add(new AppliedRequest(read, AppliedState.Failed, status.Status, status.Error, read.Body!.ToJsonString(IacText.Compact)));
                            failure = $"reading the deployment status of {r.Region} failed with HTTP {status.Status}: {status.Error}; {r.Region} was not committed. " + StateText(results);
                            break;
                        }
                        results.Add(new AppliedRequest(read, AppliedState.Done, status.Status, null, read.Body!.ToJsonString(IacText.Compact)));
                        var (live, liveStatus, _) = MeshApplyRules.CurrentCommit(status.Body, r.Region!);
                        var previous = MeshApplyRules.FullSet(plan.NetworkManager.Id.Value, live, Array.Empty<string>());
                        if (string.Equals(liveStatus, "Deploying", StringComparison.OrdinalIgnoreCase))
                        {
                            failure = $"{r.Region} has a commit still Deploying; not committing over it. " + StateText(results);
                            break;
                        }
                        // peers.md §3: the commit replaces the region's goal state, so every configuration active there stays in it.
                        var full = MeshApplyRules.FullSet(plan.NetworkManager.Id.Value, live, planned.ConfigurationIds);
                        var commitBody = MeshApplyRules.CommitBody(r.Region!, full);
                        var text = commitBody.ToJsonString(IacText.Compact);
                        var rollback = MeshApplyRules.RollbackCommand(plan.NetworkManager, r.Region!, previous);
                        if (!host.ShouldProcess(r.Target, $"commit {full.Count} connectivity configuration(s): POST {r.PathAndQuery} {text}"))
                        {
                            results.Add(new AppliedRequest(r, AppliedState.WhatIf, 0, null, text));
                            break;
                        }
                        var commit = sender.Send("POST", r.PathAndQuery, commitBody);
                        if (!commit.IsSuccess)
                        {
                            results.Add(new AppliedRequest(r, AppliedState.Failed, commit.Status, commit.Error, text));
                            regions.Add(new RegionDeployment(r.Region!, previous, full, "Failed", commit.Error, rollback));
                            failure = $"commit in {r.Region} failed with HTTP {commit.Status}: {commit.Error}. The region keeps its previous commit ({previous.Count} configuration(s)); to restore it explicitly: {rollback}. " + StateText(results);
                            break;
                        }
                        results.Add(new AppliedRequest(r, AppliedState.Done, commit.Status, null, text));
                        var deployment = WaitForDeployment(sender, read, r.Region!, full, interval, maxPolls, host);
                        regions.Add(new RegionDeployment(r.Region!, previous, full, deployment.Status, deployment.Error, rollback));
                        host.Verbose($"{r.Region}: {deployment.Status}" + (deployment.Error != null ? " (" + deployment.Error + ")" : ""));
                        if (!string.Equals(deployment.Status, "Deployed", StringComparison.OrdinalIgnoreCase))
                            failure = $"deployment in {r.Region} ended {deployment.Status ?? "without a status"}" + (deployment.Error != null ? ": " + deployment.Error : "") +
                                      $". To restore the previous commit: {rollback}. " + StateText(results);
                        break;
                    }
                }
            }
            foreach (var r in apply.Requests)
                if (results.All(x => x.Request != r))
                    results.Add(new AppliedRequest(r, AppliedState.NotReached, 0, null, null));
            if (failure != null) host.Warning(failure);
            return new MeshApplyResult(results.OrderBy(x => x.Request.Step).ToList(), regions, null, failure);
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
