using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>What happened to one planned request.</summary>
    public enum AppliedState
    {
        /// <summary>Sent and accepted.</summary>
        Done,
        /// <summary>Not sent: ShouldProcess said no (-WhatIf, or not confirmed).</summary>
        WhatIf,
        /// <summary>Sent and failed.</summary>
        Failed,
        /// <summary>Not sent because an earlier step failed or was refused.</summary>
        NotReached,
    }

    /// <summary>One request of the apply run.</summary>
    public sealed class AppliedRequest
    {
        internal AppliedRequest(PlannedArmRequest request, AppliedState state, int status, string? detail, string? sentBody)
        {
            Request = request; State = state; Status = status; Detail = detail; SentBody = sentBody;
        }

        /// <summary>The planned request.</summary>
        public PlannedArmRequest Request { get; }
        /// <summary>What happened to it.</summary>
        public AppliedState State { get; }
        /// <summary>HTTP status, 0 when not sent.</summary>
        public int Status { get; }
        /// <summary>The reply or error, for the log.</summary>
        public string? Detail { get; }
        /// <summary>The body actually sent (for a commit: the full set after reading the region's status).</summary>
        public string? SentBody { get; }
    }

    /// <summary>The deployment status of one committed region, as last read.</summary>
    public sealed class RegionDeployment
    {
        internal RegionDeployment(string region, IReadOnlyList<string> previous, IReadOnlyList<string> committed, string? status, string? error, string rollback)
        {
            Region = region; PreviousConfigurationIds = previous; CommittedConfigurationIds = committed; Status = status; Error = error; RollbackCommand = rollback;
        }

        /// <summary>The region committed.</summary>
        public string Region { get; }
        /// <summary>The region's configurations before the commit (the rollback target).</summary>
        public IReadOnlyList<string> PreviousConfigurationIds { get; }
        /// <summary>The connectivity configurations deployed in the region.</summary>
        public IReadOnlyList<string> CommittedConfigurationIds { get; }
        /// <summary>Deployed, Deploying, Failed, NotStarted; null when not read.</summary>
        public string? Status { get; }
        /// <summary>Why the commit failed, when it did.</summary>
        public string? Error { get; }
        /// <summary>Re-commits the previous set.</summary>
        public string RollbackCommand { get; }
    }

    /// <summary>Why apply wrote nothing.</summary>
    public enum ApplyRefusal
    {
        /// <summary>Not refused.</summary>
        None,
        /// <summary>An AVNM resource the plan would change lacks the ownership marker (or could not be read to check it).</summary>
        NotOwned,
        /// <summary>The decommission phase's soak is not over (or the final wave is not Deployed).</summary>
        SoakNotOver,
        /// <summary>Readiness errors remain (the plan's blockers): nothing was planned for Azure, nothing was read.</summary>
        NotReady,
    }

    /// <summary>The outcome of applying a plan.</summary>
    public sealed class MeshApplyResult
    {
        internal MeshApplyResult(IReadOnlyList<AppliedRequest> requests, IReadOnlyList<RegionDeployment> regions, string? refusal, string? failure, ApplyRefusal refusalKind = ApplyRefusal.None)
        {
            Requests = requests; Regions = regions; Refusal = refusal; Failure = failure; RefusalKind = refusal == null ? ApplyRefusal.None : refusalKind;
        }

        /// <summary>Which check refused the run.</summary>
        public ApplyRefusal RefusalKind { get; }

        /// <summary>What was applied (waves 1..N, or the decommission phase); null when readiness refused the run before planning it.</summary>
        public MeshApplyPlan? Applied { get; internal set; }

        /// <summary>The refusal of a plan whose readiness errors remain: nothing is read or written.</summary>
        internal static MeshApplyResult NotReady(MigrationPlan plan) =>
            new MeshApplyResult(new List<AppliedRequest>(), new List<RegionDeployment>(),
                "readiness errors remain (" + string.Join("; ", plan.Blockers) + ")", null, ApplyRefusal.NotReady);

        /// <summary>Every request sent and its outcome.</summary>
        public IReadOnlyList<AppliedRequest> Requests { get; }
        /// <summary>The deployment state of each region committed.</summary>
        public IReadOnlyList<RegionDeployment> Regions { get; }
        /// <summary>Why nothing was written (ownership, a commit already in progress), or null.</summary>
        public string? Refusal { get; }
        /// <summary>What failed and the state it left, or null.</summary>
        public string? Failure { get; }
        /// <summary>Every write sent and accepted and every committed region Deployed.</summary>
        public bool Succeeded => Refusal == null && Failure == null && Requests.All(r => r.State == AppliedState.Done) &&
                                 Regions.All(r => string.Equals(r.Status, "Deployed", System.StringComparison.OrdinalIgnoreCase));
        /// <summary>True when nothing was sent because ShouldProcess declined every write.</summary>
        public bool WhatIfOnly => Requests.Where(r => r.Request.IsWrite).All(r => r.State == AppliedState.WhatIf);
        /// <summary>Commands that undo what was committed (re-commit the previous set per region).</summary>
        public IEnumerable<string> RollbackCommands => Regions.Where(r => r.CommittedConfigurationIds.Count > 0).Select(r => r.RollbackCommand);
    }
}
