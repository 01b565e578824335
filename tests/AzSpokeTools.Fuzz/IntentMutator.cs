using System.Text;

namespace AzSpokeTools.Fuzz;

/// <summary>
/// Mutations of intent files, as a user slips or an attacker tries: lines deleted, duplicated, swapped or re-indented, flow
/// lists wrapped, anchors and aliases (and alias bombs), deep nesting, tabs, tags, several documents, unknown keys, kinds and
/// groups, duplicate and complex keys, control characters, encoding damage and truncation. JSON intent files get the
/// structural JSON mutations of <see cref="SnapshotMutator"/>.
/// </summary>
public static class IntentMutator
{
    /// <summary>The mutation classes, reported per class.</summary>
    public static readonly string[] Classes =
    {
        "DeleteLine", "DuplicateLine", "SwapLines", "Reindent", "WrapFlowList", "Alias", "AliasBomb", "DeepNesting", "Tabs",
        "YamlTag", "Documents", "UnknownWord", "DuplicateKey", "ComplexKey", "ControlCharacters", "EncodingDamage", "Truncation", "Json",
    };

    /// <summary>Seed intent files: YAML (name ends in .yaml) and JSON, using every selector and rule field.</summary>
    public static readonly (string Name, string Text)[] Seeds =
    {
        ("guide.yaml", """
            groups:
              spokes:  { name: "spoke*" }
              prod:    { tag: { env: prod } }
              lz:      { resourceGroup: rg-spokes }
            rules:
              - name: inspected
                from: prod
                to: "*"
                expect: [Appliance]
                require: [Appliance]
              - name: no-hairpin
                from: spokes
                to: spokes
                forbid: [ExpressRouteHairpin]
            """),
        ("block.yaml", """
            version: 1
            description: every selector in block style
            groups:
              - name: hubs
                match: "hub*"
              - name: mesh
                networkGroup: [ng-spokes, ng-prod]
              - name: subs
                subscription:
                  - 8e4f2a1c-0000-0000-0000-000000000000
                tag:
                  role: "*"
            rules:
              - from: [hubs, mesh]
                to: subs
                expect:
                  - Direct
                  - Mesh
              - from: "*"
                to: "*"
                expect: [Direct, Mesh, Appliance, VpnGateway, VirtualWanHub, Local]
                forbid: ExpressRouteHairpin
            """),
        ("intent.json", """
            { "groups": { "spokes": { "name": ["spoke*", "*-spoke-*"] }, "hubs": { "tag": { "role": "hub" } } },
              "rules": [ { "name": "inspected", "from": "spokes", "to": ["spokes", "hubs"], "expect": ["Appliance"], "require": "Appliance" },
                         { "from": "*", "to": "*", "forbid": ["ExpressRouteHairpin", "None"] } ] }
            """),
    };

    /// <summary>One mutant of a seed (the name keeps its extension: .json mutants are JSON intent files).</summary>
    public static (string Name, byte[] Bytes) Mutate(Random rng, out string mutationClass)
    {
        var (name, seed) = Seeds[rng.Next(Seeds.Length)];
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            var bytes = SnapshotMutator.Mutate(seed, rng, out var inner);
            mutationClass = "Json";
            _ = inner;
            return (name, bytes);
        }
        do mutationClass = Classes[rng.Next(Classes.Length)]; while (mutationClass == "Json");
        var lines = seed.Split('\n').ToList();
        int L() => rng.Next(lines.Count);
        switch (mutationClass)
        {
            case "DeleteLine": lines.RemoveAt(L()); break;
            case "DuplicateLine": { int i = L(); lines.Insert(i, lines[i]); break; }
            case "SwapLines": { int i = L(), j = L(); (lines[i], lines[j]) = (lines[j], lines[i]); break; }
            case "Reindent": { int i = L(); int d = rng.Next(-3, 4); lines[i] = d >= 0 ? new string(' ', d) + lines[i] : lines[i].Substring(Math.Min(-d, lines[i].Length - lines[i].TrimStart().Length)); break; }
            case "WrapFlowList":
            {
                // A flow list wrapped onto the next line at the key's indentation (or less, or more).
                var flows = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains('[') && lines[i].Contains(',')).ToList();
                if (flows.Count == 0) break;
                int i = flows[rng.Next(flows.Count)];
                int comma = lines[i].IndexOf(',');
                int indent = lines[i].Length - lines[i].TrimStart().Length + rng.Next(-2, 3);
                lines.Insert(i + 1, new string(' ', Math.Max(0, indent)) + lines[i].Substring(comma + 1).TrimStart());
                lines[i] = lines[i].Substring(0, comma + 1);
                break;
            }
            case "Alias":
            {
                int i = L(), j = L();
                lines[i] = lines[i].Replace(": ", ": &a ", StringComparison.Ordinal);
                lines[j] = rng.Next(2) == 0 ? lines[j].Replace(": ", ": *a ", StringComparison.Ordinal) : lines[j] + " *a";
                if (rng.Next(3) == 0) lines.Insert(L(), "  <<: *a");
                break;
            }
            case "AliasBomb":
            {
                var bomb = new StringBuilder("x0: &x0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                for (int k = 1; k < 10; k++) bomb.Append($"x{k}: &x{k} [{string.Join(",", Enumerable.Repeat($"*x{k - 1}", 9))}]\n");
                lines.Insert(0, bomb.ToString().TrimEnd('\n'));
                if (rng.Next(2) == 0) lines.Add("extra: *x9");
                break;
            }
            case "DeepNesting":
            {
                int depth = new[] { 30, 63, 64, 65, 200, 70_000 }[rng.Next(6)];
                lines[L()] += rng.Next(2) == 0 ? " " + new string('[', depth) + new string(']', depth) : " " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
                break;
            }
            case "Tabs": { int i = L(); lines[i] = "\t" + lines[i].TrimStart(); break; }
            case "YamlTag": { int i = L(); lines[i] = lines[i].Replace(": ", ": " + new[] { "!!binary ", "!custom ", "!!map ", "!!int ", "!<tag:x> " }[rng.Next(5)], StringComparison.Ordinal); break; }
            case "Documents": lines.Insert(L(), rng.Next(2) == 0 ? "---" : "..."); break;
            case "UnknownWord":
            {
                int i = L();
                var words = new[] { "Appliance", "Direct", "spokes", "from", "expect", "name", "*", "prod" };
                var w = words[rng.Next(words.Length)];
                lines[i] = lines[i].Replace(w, new[] { "Applianse", "", "nosuchgroup", "frm", "expects", "Name", "**", "prod prod" }[rng.Next(8)], StringComparison.Ordinal);
                break;
            }
            case "DuplicateKey": { int i = L(); var key = lines[i].Split(':')[0]; lines.Insert(i + 1, key + ": duplicate"); break; }
            case "ComplexKey": lines.Insert(L(), new[] { "? [a, b]\n: c", "? {a: b}\n: c", "[a]: b", "{a: b}: c", "? |\n  x\n: y" }[rng.Next(5)]); break;
            case "ControlCharacters": { int i = L(); lines[i] = lines[i] + new[] { "\u001b[2J", "\u0000", "\u202e", "\r", "\u0085", "\u2028", "\ufeff" }[rng.Next(7)]; break; }
            case "EncodingDamage":
            {
                var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines)).ToList();
                int at = rng.Next(bytes.Count);
                bytes.InsertRange(at, new[] { new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xFE, 0xFF } }[rng.Next(4)]);
                if (rng.Next(4) == 0) bytes.InsertRange(0, new byte[] { 0xFF, 0xFE }); // a UTF-16 mark before UTF-8 text
                return (name, bytes.ToArray());
            }
            case "Truncation":
            {
                var text = string.Join("\n", lines);
                return (name, Encoding.UTF8.GetBytes(text.Substring(0, rng.Next(text.Length))));
            }
        }
        return (name, Encoding.UTF8.GetBytes(string.Join("\n", lines)));
    }
}
