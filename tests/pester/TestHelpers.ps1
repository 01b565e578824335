# Helpers shared by the Pester suite (dot-sourced; not a test file).

function Get-RepositoryRoot { Split-Path -Parent (Split-Path -Parent $PSScriptRoot) }

function Get-SerialisationProblem {
    <#
        What keeps one result object from serialising cleanly, column by column, as an empty list when nothing does:
        ConvertTo-Json -Depth 5 | ConvertFrom-Json must give back every property's value (enums as their names, prefixes
        as strings, lists as arrays, counts by name as objects), and Export-Csv/ConvertTo-Csv must write each property as
        its text (lists as 'a;b'), never a type name. Nested module objects are checked the same way, one level down.
    #>
    param([Parameter(Mandatory)] $InputObject, [int] $Depth = 2, [string] $Path = '')
    $problems = [System.Collections.Generic.List[string]]::new()
    $object = if ($InputObject -is [psobject]) { $InputObject.PSObject.BaseObject } else { $InputObject }
    $typeName = $object.GetType().FullName
    $json = ConvertTo-Json -InputObject $object -Depth 5 -WarningAction SilentlyContinue | ConvertFrom-Json
    $csv = ConvertTo-Csv -InputObject $object -NoTypeInformation | ConvertFrom-Csv
    foreach ($property in $object.PSObject.Properties | Where-Object MemberType -eq 'Property') {
        $name = $property.Name
        $where = "$Path$typeName.$name"
        $value = $property.Value
        $back = $json.$name
        $text = $csv.$name
        if ($null -eq $value) {
            if ($null -ne $back) { $problems.Add("${where}: null became '$back' in JSON") }
            if ($text) { $problems.Add("${where}: null became '$text' in CSV") }
            continue
        }
        $type = $value.GetType()
        if ($type.IsEnum) { $problems.Add("${where}: is the enum $($type.FullName) (ConvertTo-Json writes its number)"); continue }
        if ($value -is [string] -or $value -is [bool] -or $value -is [int] -or $value -is [long] -or $value -is [double]) {
            if ("$back" -ne "$value") { $problems.Add("${where}: '$value' came back from JSON as '$back'") }
            $expected = if ($value -is [double]) { $value.ToString([cultureinfo]::InvariantCulture) } else { "$value" }
            if ($text -ne $expected -and $text -ne "$value") { $problems.Add("${where}: '$value' came back from CSV as '$text'") }
            continue
        }
        if ($type.IsValueType) { $problems.Add("${where}: is the value type $($type.FullName) (serialised as its fields)"); continue }
        if ($value -is [System.Collections.IDictionary]) {
            $keys = @($value.Keys | ForEach-Object { "$_" })
            $backKeys = @(if ($back) { $back.PSObject.Properties.Name })
            if (($keys -join ',') -ne ($backKeys -join ',')) { $problems.Add("${where}: keys $($keys -join ',') came back from JSON as $($backKeys -join ',')") }
            foreach ($key in $keys) { if ("$($back.$key)" -ne "$($value[$key])") { $problems.Add("${where}[$key]: '$($value[$key])' came back from JSON as '$($back.$key)'") } }
        }
        elseif ($value -is [System.Collections.IEnumerable]) {
            $items = @($value)
            if (@($back).Count -ne $items.Count) { $problems.Add("${where}: $($items.Count) item(s) came back from JSON as $(@($back).Count)") }
            for ($i = 0; $i -lt $items.Count; $i++) {
                if ($items[$i] -is [string]) { if ("$(@($back)[$i])" -ne $items[$i]) { $problems.Add("${where}[$i]: '$($items[$i])' came back from JSON as '$(@($back)[$i])'") } }
                elseif ($Depth -gt 0 -and $i -eq 0) { foreach ($p in @(Get-SerialisationProblem -InputObject $items[$i] -Depth ($Depth - 1) -Path "$where[0] -> ")) { $problems.Add($p) } }
            }
        }
        elseif ($Depth -gt 0) {
            foreach ($p in @(Get-SerialisationProblem -InputObject $value -Depth ($Depth - 1) -Path "$where -> ")) { $problems.Add($p) }
        }
        $expectedText = $value.ToString()
        if ($text -ne $expectedText) { $problems.Add("${where}: CSV wrote '$text', not its text '$expectedText'") }
        if ($text -match '^(System|AzSpokeTools)\.[\w.`\[\]]+$') { $problems.Add("${where}: CSV wrote the type name '$text'") }
    }
    return $problems.ToArray()
}
