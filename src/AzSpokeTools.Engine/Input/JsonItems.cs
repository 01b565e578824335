using System.Text.Json;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>
    /// The items of a JSON value read as a list (see <see cref="ArmValue.Items"/>): an array's elements, or one
    /// value standing for a one-item list. A struct with a struct enumerator, so <c>foreach</c> allocates nothing.
    /// </summary>
    internal readonly struct JsonItems
    {
        private readonly JsonElement _array;
        private readonly bool _isArray;
        private readonly ArmValue _single;
        private readonly bool _hasSingle;
        private readonly SourceLocation _at;
        private readonly LoadContext? _context;

        private JsonItems(JsonElement array, bool isArray, ArmValue single, bool hasSingle, SourceLocation at, LoadContext? context)
        {
            _array = array;
            _isArray = isArray;
            _single = single;
            _hasSingle = hasSingle;
            _at = at;
            _context = context;
        }

        public static JsonItems Empty => default;

        public static JsonItems OfArray(JsonElement array, SourceLocation at, LoadContext context) =>
            new JsonItems(array, true, default, false, at, context);

        public static JsonItems OfOne(ArmValue single) => new JsonItems(default, false, single, true, default, null);

        public Enumerator GetEnumerator() => new Enumerator(this);

        public struct Enumerator
        {
            private readonly JsonItems _items;
            private JsonElement.ArrayEnumerator _elements;
            private int _index;
            private ArmValue _current;

            internal Enumerator(JsonItems items)
            {
                _items = items;
                _elements = items._isArray ? items._array.EnumerateArray() : default;
                _index = -1;
                _current = default;
            }

            public ArmValue Current => _current;

            public bool MoveNext()
            {
                if (_items._isArray)
                {
                    if (!_elements.MoveNext()) return false;
                    _index++;
                    _current = new ArmValue(_elements.Current, _items._at, _index, _items._context!);
                    return true;
                }
                if (_items._hasSingle && _index < 0)
                {
                    _index = 0;
                    _current = _items._single;
                    return true;
                }
                return false;
            }
        }
    }
}
