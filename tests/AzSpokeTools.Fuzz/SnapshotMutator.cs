using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Fuzz;

/// <summary>
/// Structure-aware mutations of a JSON document (a snapshot, an ARM example, a service-tag file): properties deleted,
/// retyped, duplicated; CIDRs, addresses and resource ids broken or pointed at other resources; names with control and bidi
/// characters; extreme numbers; deep nesting; and damage to the bytes (encoding, lone surrogates, truncation).
/// </summary>
public static class SnapshotMutator
{
    /// <summary>The mutation classes, reported per class.</summary>
    public static readonly string[] Classes =
    {
        "DeleteProperty", "RetypeValue", "DuplicateProperty", "BreakCidr", "BreakId", "CrossReference", "ControlCharacters",
        "ExtremeNumber", "RouteRewire", "DeepNesting", "EncodingDamage", "LoneSurrogate", "Truncation", "ByteFlip", "Multiple",
    };

    /// <summary>One mutant of <paramref name="seed"/> (valid JSON); <paramref name="mutationClass"/> names what was done.</summary>
    public static byte[] Mutate(string seed, Random rng, out string mutationClass)
    {
        int pick = rng.Next(Classes.Length);
        mutationClass = Classes[pick];
        if (mutationClass == "Multiple")
        {
            var text = seed;
            int n = 2 + rng.Next(3);
            for (int i = 0; i < n; i++)
            {
                var node = JsonNode.Parse(text)!;
                Structural(node, Classes[rng.Next(9)], rng);
                text = node.ToJsonString();
            }
            return Encoding.UTF8.GetBytes(text);
        }
        if (pick < 10)
        {
            var node = JsonNode.Parse(seed)!;
            if (mutationClass == "DeepNesting") return Encoding.UTF8.GetBytes(DeepNesting(node, rng));
            Structural(node, mutationClass, rng);
            return Encoding.UTF8.GetBytes(node.ToJsonString(Options));
        }
        return Bytes(seed, mutationClass, rng);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Structural(JsonNode root, string what, Random rng)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        switch (what)
        {
            case "DeleteProperty":
            {
                var objects = all.OfType<JsonObject>().Where(o => o.Count > 0).ToList();
                if (objects.Count == 0) return;
                var o = objects[rng.Next(objects.Count)];
                o.Remove(o.ElementAt(rng.Next(o.Count)).Key);
                return;
            }
            case "RetypeValue":
            {
                var target = all[rng.Next(all.Count)];
                Replace(target, Retyped(target, rng));
                return;
            }
            case "DuplicateProperty":
            {
                var arrays = all.OfType<JsonArray>().Where(a => a.Count > 0).ToList();
                if (arrays.Count > 0 && rng.Next(2) == 0)
                {
                    var a = arrays[rng.Next(arrays.Count)];
                    var copy = a[rng.Next(a.Count)]?.DeepClone();
                    for (int i = 0, n = 1 + rng.Next(3); i < n; i++) a.Insert(rng.Next(a.Count + 1), copy?.DeepClone());
                    return;
                }
                var objects = all.OfType<JsonObject>().Where(o => o.Count > 0).ToList();
                if (objects.Count < 2) return;
                var from = objects[rng.Next(objects.Count)];
                var (key, value) = from.ElementAt(rng.Next(from.Count));
                var to = objects[rng.Next(objects.Count)];
                var name = rng.Next(3) == 0 ? key.ToUpperInvariant() : key;
                if (to.ContainsKey(name)) to.Remove(name);
                to[name] = value?.DeepClone();
                return;
            }
            case "BreakCidr":
            {
                var strings = Strings(all).Where(s => s.Text.Contains('.') && s.Text.Any(char.IsDigit) && !s.Text.Contains("/subscriptions/", StringComparison.OrdinalIgnoreCase)).ToList();
                if (strings.Count == 0) return;
                var s = strings[rng.Next(strings.Count)];
                Replace(s.Node, JsonValue.Create(Pick(rng, BrokenAddresses) ?? s.Text + "/" + rng.Next(-5, 200)));
                return;
            }
            case "BreakId":
            {
                var ids = Strings(all).Where(s => s.Text.Contains("/subscriptions/", StringComparison.OrdinalIgnoreCase)).ToList();
                if (ids.Count == 0) return;
                var s = ids[rng.Next(ids.Count)];
                Replace(s.Node, JsonValue.Create(BreakId(s.Text, rng)));
                return;
            }
            case "CrossReference":
            {
                // A reference pointed at another resource (of any type), or at the resource that holds it: dangling,
                // type-confused and self references (a peering to its own VNet, a subnet in the wrong VNet).
                var ids = Strings(all).Where(s => s.Text.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)).ToList();
                if (ids.Count < 2) return;
                var s = ids[rng.Next(ids.Count)];
                Replace(s.Node, JsonValue.Create(ids[rng.Next(ids.Count)].Text));
                return;
            }
            case "ControlCharacters":
            {
                var names = Strings(all).ToList();
                if (names.Count == 0) return;
                var s = names[rng.Next(names.Count)];
                var text = s.Text;
                int at = text.Length == 0 ? 0 : rng.Next(text.Length + 1);
                Replace(s.Node, JsonValue.Create(text.Substring(0, at) + Pick(rng, Hostile)! + text.Substring(at)));
                return;
            }
            case "ExtremeNumber":
            {
                var target = all[rng.Next(all.Count)];
                Replace(target, JsonNode.Parse(Pick(rng, Numbers)!));
                return;
            }
            case "RouteRewire":
            {
                // Routing that a tracer must survive: user routes to the estate's own NICs (one or several equal-cost IPs),
                // for its own prefixes or everything, with IP forwarding on, which makes loops, chains and fan-out.
                var ips = all.OfType<JsonObject>().Where(o => o.ContainsKey("privateIPAddress")).Select(o => o["privateIPAddress"]?.GetValueKind() == JsonValueKind.String ? (string?)o["privateIPAddress"]!.GetValue<string>() : null).Where(x => x != null).ToList();
                var prefixes = Strings(all).Select(x => x.Text).Where(t => t.Contains('/') && t.Count(c => c == '.') == 3 && !t.Contains("/subscriptions", StringComparison.OrdinalIgnoreCase)).Append("0.0.0.0/0").Distinct().ToList();
                var tables = all.OfType<JsonObject>().Where(o => o["routes"] is JsonArray).Select(o => (JsonArray)o["routes"]!).ToList();
                if (ips.Count == 0 || tables.Count == 0) return;
                foreach (var nic in all.OfType<JsonObject>().Where(o => o.ContainsKey("enableIPForwarding"))) nic["enableIPForwarding"] = rng.Next(5) > 0;
                for (int i = 0, n = 1 + rng.Next(6); i < n; i++)
                {
                    var hops = string.Join(",", Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => ips[rng.Next(ips.Count)]));
                    tables[rng.Next(tables.Count)].Add(new JsonObject
                    {
                        ["name"] = "fuzz-" + i,
                        ["properties"] = new JsonObject { ["addressPrefix"] = prefixes[rng.Next(prefixes.Count)], ["nextHopType"] = "VirtualAppliance", ["nextHopIpAddress"] = hops },
                    });
                }
                return;
            }
        }
    }

    private static string DeepNesting(JsonNode root, Random rng)
    {
        // Nesting around the readers' cap (64), far beyond it, and a value nested inside the structure.
        var all = new List<JsonNode>();
        Collect(root, all);
        var target = all[rng.Next(all.Count)];
        int depth = Pick(rng, new[] { 10, 60, 63, 64, 65, 100, 5_000, 100_000 });
        const string marker = "\"__azspoke_fuzz_nest__\"";
        Replace(target, JsonValue.Create("__azspoke_fuzz_nest__"));
        var text = root.ToJsonString();
        var open = rng.Next(2) == 0 ? "[" : "{\"x\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return target == root ? nested : text.Replace(marker, nested);
    }

    private static byte[] Bytes(string seed, string what, Random rng)
    {
        var bytes = Encoding.UTF8.GetBytes(seed);
        switch (what)
        {
            case "EncodingDamage":
                switch (rng.Next(5))
                {
                    case 0: return Insert(bytes, rng, Pick(rng, new[] { new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 } })!, insideString: true);
                    case 1: return Encoding.Unicode.GetPreamble().Concat(bytes).ToArray(); // a UTF-16 mark before UTF-8 text
                    case 2:
                    {
                        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(seed)).ToArray();
                        utf16[2 + 2 * rng.Next(seed.Length) + 1] = (byte)(0xD8 + rng.Next(8)); // a surrogate where a character was
                        return utf16;
                    }
                    case 3: return Encoding.Latin1.GetBytes(seed.Replace("\"name\": \"", "\"name\": \"caf\u00e9 ")); // Windows-1252, not UTF-8
                    default: return new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray(); // two marks
                }
            case "LoneSurrogate":
                return Insert(bytes, rng, Encoding.ASCII.GetBytes(Pick(rng, new[] { "\\ud800", "\\uDFFF", "\\ud83d", "\\ud800\\u0041", "\\udc00\\ud800" })!), insideString: true);
            case "Truncation":
                return bytes.Take(rng.Next(bytes.Length)).ToArray();
            default: // ByteFlip
                for (int i = 0, n = 1 + rng.Next(8); i < n; i++) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                return bytes;
        }
    }

    /// <summary>Inserts at a random place, inside a string (after an opening quote) when asked.</summary>
    private static byte[] Insert(byte[] bytes, Random rng, byte[] what, bool insideString)
    {
        int at = rng.Next(bytes.Length);
        if (insideString)
        {
            var quotes = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'"').ToList();
            if (quotes.Count > 0) at = quotes[rng.Next(quotes.Count)] + 1;
        }
        return bytes.Take(at).Concat(what).Concat(bytes.Skip(at)).ToArray();
    }

    private static readonly string[] BrokenAddresses =
    {
        "10.0.0.0/33", "10.0.0.300/24", "10.1.2.3/16", "::/129", "10.0.0.0/8 ", " 10.0.0.0/8", "", "0.0.0.0/0", "10.0.0.0/-1",
        "10.0.0.0/08", "10.0.0/16", "fe80::1%eth0/64", "2001:db8::/32", "10.0.0.1", "999.999.999.999", "1.2.3.4/32/1",
        "10.0.0.0/" + new string('9', 40), "10." + new string('1', 5000), "255.255.255.255/32", "0.0.0.0/32", "::ffff:10.0.0.1/128", "10.0.0.0/0",
        "Storage", "VirtualNetwork", "Internet", "AzureCloud.WestEurope", "10,0,0,0/8", null!,
    };

    private static readonly string[] Hostile =
    {
        "\u001b[31m", "\u0007", "\r\n", "\n", "\r", "\t", "\u0000", "\u007f", "\u0085", "\u009b2J", "\u202e", "\u2066", "\u200f", "\u061c",
        "\",\"injected\",\"", "=cmd|' /C calc'!A0", "\ufeff", "\u2028", "'; DROP TABLE --", "{{", "%s%n",
    };

    private static readonly string[] Numbers =
    {
        "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1e-400", "0.5", "-0", "1E400", "0", "-1",
        "123456789012345678901234567890", "65536", "4294967296",
    };

    private static string BreakId(string id, Random rng)
    {
        var slashes = Enumerable.Range(0, id.Length).Where(i => id[i] == '/').ToList();
        switch (rng.Next(9))
        {
            case 0: return id.Substring(0, slashes[rng.Next(slashes.Count)]);
            case 1: return id.ToUpperInvariant();
            case 2: return id + "/";
            case 3: return id.Replace("/providers/", "/", StringComparison.OrdinalIgnoreCase);
            case 4: return id + "/subnets/" + new string('x', rng.Next(1, 300));
            case 5: return "";
            case 6: return "/";
            case 7: return id.Replace("/subscriptions/", "/subscriptions//", StringComparison.OrdinalIgnoreCase);
            default: return id + id;
        }
    }

    private static JsonNode? Retyped(JsonNode? n, Random rng)
    {
        var choices = new Func<JsonNode?>[]
        {
            () => null, () => JsonValue.Create(true), () => JsonValue.Create(0), () => JsonValue.Create("True"), () => JsonValue.Create("x"),
            () => new JsonObject(), () => new JsonArray(), () => new JsonArray(JsonValue.Create("x")), () => JsonValue.Create(""),
            () => new JsonObject { ["id"] = "x" }, () => JsonValue.Create("System.Object[]"), () => JsonValue.Create("@{a=b}"),
            () => new JsonObject { ["value"] = new JsonArray(JsonValue.Create(1)), ["Count"] = 1 },
        };
        return choices[rng.Next(choices.Length)]();
    }

    private static T? Pick<T>(Random rng, T[] from) => from[rng.Next(from.Length)];

    private static void Collect(JsonNode? n, List<JsonNode> into)
    {
        if (n == null) return;
        into.Add(n);
        if (n is JsonObject o) foreach (var p in o) Collect(p.Value, into);
        else if (n is JsonArray a) foreach (var x in a) Collect(x, into);
    }

    private static IEnumerable<(JsonNode Node, string Text)> Strings(List<JsonNode> all) =>
        all.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => ((JsonNode)v, v.GetValue<string>()));

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="target"/> is (the root cannot be replaced).</summary>
    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = replacement;
                break;
        }
    }
}
