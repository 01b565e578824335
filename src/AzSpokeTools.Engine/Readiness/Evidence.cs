using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Evidence values in the order they were added (stable output).</summary>
    internal sealed class Evidence : IReadOnlyDictionary<string, string>
    {
        private readonly List<KeyValuePair<string, string>> _items = new List<KeyValuePair<string, string>>();

        public Evidence Add(string key, object? value)
        {
            _items.Add(new KeyValuePair<string, string>(key, value?.ToString() ?? ""));
            return this;
        }

        public string this[string key] => _items.First(i => i.Key == key).Value;
        public IEnumerable<string> Keys => _items.Select(i => i.Key);
        public IEnumerable<string> Values => _items.Select(i => i.Value);
        public int Count => _items.Count;
        public bool ContainsKey(string key) => _items.Any(i => i.Key == key);

        public bool TryGetValue(string key, out string value)
        {
            foreach (var i in _items)
                if (i.Key == key) { value = i.Value; return true; }
            value = "";
            return false;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
