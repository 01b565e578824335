namespace AzSpokeTools.HelpGen;

/// <summary>One cmdlet's help as written in docs/&lt;Cmdlet-Name&gt;.md (platyPS markdown schema 2.0.0).</summary>
public sealed class CmdletHelp
{
    public required string Name { get; init; }
    public required string SourceFile { get; init; }
    public required string Synopsis { get; init; }
    public required IReadOnlyList<string> Description { get; init; }
    /// <summary>Parameter set names from the SYNTAX section, in order; the default set first is not implied.</summary>
    public required IReadOnlyList<string> ParameterSets { get; init; }
    public string? DefaultParameterSet { get; init; }
    public required IReadOnlyList<HelpExample> Examples { get; init; }
    public required IReadOnlyList<HelpParameter> Parameters { get; init; }
    public required IReadOnlyList<HelpTypeNote> Inputs { get; init; }
    public required IReadOnlyList<HelpTypeNote> Outputs { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<HelpLink> RelatedLinks { get; init; }
    /// <summary>The front matter's "online version:" (the page Get-Help -Online opens), or null.</summary>
    public string? OnlineVersion { get; init; }

    public string Verb => Name.Split('-', 2)[0];
    public string Noun => Name.Contains('-') ? Name.Split('-', 2)[1] : string.Empty;
}

public sealed record HelpExample(string Title, string Code, IReadOnlyList<string> Remarks);

public sealed record HelpTypeNote(string TypeName, IReadOnlyList<string> Description);

public sealed record HelpLink(string Text, string Uri);

/// <summary>A parameter's description and its metadata block (the ```yaml fence under ### -Name).</summary>
public sealed class HelpParameter
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Description { get; init; }
    public required string Type { get; init; }
    /// <summary>Parameter set names, or empty for "(All)".</summary>
    public required IReadOnlyList<string> ParameterSets { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public required bool Required { get; init; }
    /// <summary>"Named" or a zero-based position.</summary>
    public required string Position { get; init; }
    public required string DefaultValue { get; init; }
    /// <summary>As written: "False", "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)".</summary>
    public required string PipelineInput { get; init; }
    public required bool Globbing { get; init; }

    public bool InSet(string set) => ParameterSets.Count == 0 || ParameterSets.Contains(set, StringComparer.OrdinalIgnoreCase);
    public bool IsSwitch => Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);
}
