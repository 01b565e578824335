namespace AzSpokeTools.Module.Tests;

/// <summary>Help markdown written for tests, in the platyPS schema the docs/ folder uses.</summary>
internal static class HelpMarkdownSamples
{
    public static string Documenting(string cmdlet, string parameter, bool required = false, string? extraParameter = null, int examples = 2)
    {
        var exampleText = string.Concat(Enumerable.Range(1, examples).Select(i => $"""
            ### Example {i}: run it
            ```powershell
            PS> {cmdlet} -{parameter} x{i}
            ```

            Runs the command with value x{i}.

            """));
        string Param(string name, bool req) => $"""
            ### -{name}
            What -{name} means.

            ```yaml
            Type: String
            Parameter Sets: (All)
            Aliases:

            Required: {req}
            Position: Named
            Default value: None
            Accept pipeline input: False
            Accept wildcard characters: False
            ```

            """;
        return $"""
            ---
            external help file: AzSpokeTools.dll-Help.xml
            Module Name: AzSpokeTools
            schema: 2.0.0
            ---

            # {cmdlet}

            ## SYNOPSIS
            Does one thing.

            ## SYNTAX

            ### __AllParameterSets
            ```
            {cmdlet} [-{parameter} <String>] [<CommonParameters>]
            ```

            ## DESCRIPTION
            Does one thing, well.

            Second paragraph.

            ## EXAMPLES

            {exampleText}
            ## PARAMETERS

            {Param(parameter, required)}
            {(extraParameter == null ? "" : Param(extraParameter, false))}
            ### CommonParameters
            This cmdlet supports the common parameters.

            ## INPUTS

            ### System.String
            A name.

            ## OUTPUTS

            ### System.String
            The result.

            ## NOTES

            ## RELATED LINKS

            [about_AzSpokeTools](about_AzSpokeTools)
            """;
    }
}
