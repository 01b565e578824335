using AzSpokeTools.HelpGen;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// The PowerShell conventions every cmdlet of the module must follow; each method returns the violations
/// found (empty when the cmdlet complies), phrased so that a failing test says what to fix.
/// </summary>
internal static class CmdletRules
{
    /// <summary>Parameters that name a resource: they must bind from piped Az objects by property name.</summary>
    public static readonly IReadOnlySet<string> ResourceParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Source", "Destination", "Subnet", "NetworkInterface", "VirtualNetwork", "ResourceId", "Target",
    };

    public static IReadOnlyList<string> Check(CmdletMetadata cmdlet, CmdletHelp? help) =>
        ApprovedVerb(cmdlet)
            .Concat(OutputType(cmdlet))
            .Concat(ParameterSets(cmdlet))
            .Concat(Aliases(cmdlet))
            .Concat(PipelineBinding(cmdlet))
            .Concat(ShouldProcess(cmdlet))
            .Concat(ParameterHelp(cmdlet, help))
            .ToList();

    public static IEnumerable<string> ApprovedVerb(CmdletMetadata c)
    {
        if (!ApprovedVerbs.All.Contains(c.Verb)) yield return $"{c.Name}: '{c.Verb}' is not an approved verb (Get-Verb).";
    }

    public static IEnumerable<string> OutputType(CmdletMetadata c)
    {
        if (c.OutputTypes.Count == 0) yield return $"{c.Name}: no [OutputType] attribute.";
    }

    public static IEnumerable<string> ParameterSets(CmdletMetadata c)
    {
        var named = c.NamedParameterSets;
        if (named.Count > 1 && c.DefaultParameterSetName == null)
            yield return $"{c.Name}: {named.Count} parameter sets but no DefaultParameterSetName.";
        if (c.DefaultParameterSetName != null && named.Count > 0 && !named.Contains(c.DefaultParameterSetName, StringComparer.OrdinalIgnoreCase))
            yield return $"{c.Name}: DefaultParameterSetName '{c.DefaultParameterSetName}' is not one of its parameter sets.";
        var sets = named.Count == 0 ? new List<string> { CmdletMetadata.AllParameterSets } : named;
        foreach (var set in sets)
        {
            var members = c.Parameters.Where(p => p.InSet(set)).Select(p => (p, e: p.EntryFor(set)!)).ToList();
            foreach (var clash in members.Where(m => m.e.Position != null).GroupBy(m => m.e.Position).Where(g => g.Count() > 1))
                yield return $"{c.Name}: parameters {string.Join(", ", clash.Select(m => "-" + m.p.Name))} share position {clash.Key} in set '{set}'.";
            foreach (var clash in members.Where(m => m.e.ValueFromPipeline).GroupBy(m => m.p.Type.FullName).Where(g => g.Count() > 1))
                yield return $"{c.Name}: parameters {string.Join(", ", clash.Select(m => "-" + m.p.Name))} all take {clash.Key} from the pipeline by value in set '{set}'.";
            if (set != CmdletMetadata.AllParameterSets && named.Count > 1)
            {
                // Giving every mandatory parameter of this set must rule out each other set; otherwise
                // PowerShell cannot tell the sets apart ("Parameter set cannot be resolved").
                var mandatory = c.Parameters.Where(p => p.EntryFor(set) is { Mandatory: true } && p.InSet(set)).ToList();
                foreach (var other in named.Where(o => !string.Equals(o, set, StringComparison.OrdinalIgnoreCase)))
                    if (mandatory.All(p => p.InSet(other)))
                        yield return mandatory.Count == 0
                            ? $"{c.Name}: parameter set '{set}' has no mandatory parameter, so PowerShell cannot tell it from '{other}'."
                            : $"{c.Name}: the mandatory parameters of set '{set}' ({string.Join(", ", mandatory.Select(p => "-" + p.Name))}) also fit set '{other}', so PowerShell cannot tell them apart.";
            }
        }
        foreach (var p in c.Parameters.Where(p => p.IsSwitch && p.Sets.Any(s => s.Mandatory)))
            yield return $"{c.Name}: switch -{p.Name} is mandatory.";
    }

    public static IEnumerable<string> Aliases(CmdletMetadata c)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in c.Parameters) owners[p.Name] = p.Name;
        foreach (var p in c.Parameters)
            foreach (var alias in p.Aliases)
            {
                if (owners.TryGetValue(alias, out var owner) && owner != p.Name)
                    yield return $"{c.Name}: alias '{alias}' of -{p.Name} is already -{owner} or one of its aliases.";
                else owners[alias] = p.Name;
            }
    }

    public static IEnumerable<string> PipelineBinding(CmdletMetadata c)
    {
        foreach (var p in c.Parameters.Where(p => ResourceParameters.Contains(p.Name)))
            if (!p.Sets.All(s => s.ValueFromPipelineByPropertyName))
                yield return $"{c.Name}: -{p.Name} names a resource but does not bind ValueFromPipelineByPropertyName (so Get-Az* | {c.Name} cannot work).";
    }

    public static IEnumerable<string> ShouldProcess(CmdletMetadata c)
    {
        var changes = ApprovedVerbs.Changing.Contains(c.Verb) || c.Parameters.Any(p => p.Name == "Apply");
        if (changes && !c.SupportsShouldProcess)
            yield return $"{c.Name}: changes Azure but does not declare SupportsShouldProcess.";
        if (changes && c.ConfirmImpact != "High")
            yield return $"{c.Name}: changes Azure but its ConfirmImpact is {c.ConfirmImpact ?? "not set"}, not High.";
    }

    public static IEnumerable<string> ParameterHelp(CmdletMetadata c, CmdletHelp? help)
    {
        foreach (var p in c.Parameters)
        {
            var hasMessage = p.Sets.All(s => !string.IsNullOrWhiteSpace(s.HelpMessage));
            var documented = help?.Parameters.Any(h => string.Equals(h.Name, p.Name, StringComparison.OrdinalIgnoreCase) && h.Description.Count > 0) ?? false;
            if (!hasMessage && !documented)
                yield return $"{c.Name}: -{p.Name} has neither a HelpMessage nor a description in docs/{c.Name}.md.";
        }
        if (help == null) yield break;
        foreach (var h in help.Parameters.Where(h => !c.Parameters.Any(p => string.Equals(p.Name, h.Name, StringComparison.OrdinalIgnoreCase))))
            yield return $"{c.Name}: docs/{c.Name}.md documents -{h.Name}, which the cmdlet does not have.";
        foreach (var p in c.Parameters)
        {
            var h = help.Parameters.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            if (h == null) continue;
            var required = p.Sets.Any(s => s.Mandatory);
            if (h.Required != required)
                yield return $"{c.Name}: docs say -{p.Name} Required: {h.Required}, the cmdlet says {required}.";
            var byName = p.Sets.Any(s => s.ValueFromPipelineByPropertyName);
            if (byName != h.PipelineInput.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase))
                yield return $"{c.Name}: docs and cmdlet disagree on whether -{p.Name} binds ByPropertyName.";
            var byValue = p.Sets.Any(s => s.ValueFromPipeline);
            if (byValue != h.PipelineInput.Contains("ByValue", StringComparison.OrdinalIgnoreCase))
                yield return $"{c.Name}: docs and cmdlet disagree on whether -{p.Name} binds ByValue.";
            foreach (var alias in p.Aliases.Where(a => !h.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))
                yield return $"{c.Name}: alias '{alias}' of -{p.Name} is missing from the docs.";
            var positions = p.Sets.Select(s => s.Position?.ToString() ?? "Named").Distinct().ToList();
            if (positions.Count == 1 && !string.Equals(positions[0], h.Position, StringComparison.OrdinalIgnoreCase))
                yield return $"{c.Name}: docs say -{p.Name} Position: {h.Position}, the cmdlet says {positions[0]}.";
            var sets = p.Sets.Select(s => s.Name).Where(n => n != CmdletMetadata.AllParameterSets).Order(StringComparer.OrdinalIgnoreCase).ToList();
            if (!sets.SequenceEqual(h.ParameterSets.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
                yield return $"{c.Name}: docs put -{p.Name} in ({(h.ParameterSets.Count == 0 ? "All" : string.Join(", ", h.ParameterSets))}), the cmdlet in ({(sets.Count == 0 ? "All" : string.Join(", ", sets))}).";
        }
        var declared = c.NamedParameterSets.Count == 0 ? new List<string> { CmdletMetadata.AllParameterSets } : c.NamedParameterSets.ToList();
        if (!declared.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(help.ParameterSets.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
            yield return $"{c.Name}: docs SYNTAX lists ({string.Join(", ", help.ParameterSets)}), the cmdlet has ({string.Join(", ", declared)}).";
        if (c.DefaultParameterSetName != null && !string.Equals(c.DefaultParameterSetName, help.DefaultParameterSet, StringComparison.OrdinalIgnoreCase))
            yield return $"{c.Name}: docs mark '{help.DefaultParameterSet ?? "no set"}' as default, the cmdlet '{c.DefaultParameterSetName}'.";
    }
}
