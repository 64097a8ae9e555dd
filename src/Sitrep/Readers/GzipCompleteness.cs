using System.Buffers.Binary;
using System.IO.Compression;

namespace Sitrep.Readers;

/// <summary>
/// Decompresses a gzip input and tells, once it has been read to its end, whether it was cut short. The
/// decompressor returns what it could inflate and then simply stops when the compressed bytes end early, as
/// if the input were complete; so the gzip trailer is checked: its last four bytes give the size of the
/// inflated data (modulo 2^32), which a truncated file's last bytes do not match. (For a file of several
/// gzip members joined together the trailer gives the last member's size only, so such a file is also told
/// truncated unless its sizes happen to agree; such files are rare in news corpora.)
/// </summary>
internal sealed class GzipCompleteness : ForwardReadStream
{
    private const int TrailerLength = 8;
    private const int SmallestMember = 18;

    private readonly TailKeeper _source;
    private readonly GZipStream _inflater;
    private long _inflated;
    private bool _ended;

    public GzipCompleteness(Stream compressed)
    {
        _source = new TailKeeper(compressed);
        _inflater = new GZipStream(_source, CompressionMode.Decompress);
    }

    /// <summary>True once the whole input was read and it ended before its trailer; false before the end.</summary>
    public bool Truncated
    {
        get
        {
            if (!_ended) return false;
            _source.Drain();
            return _source.Total < SmallestMember || _source.TrailerSize != (uint)_inflated;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _inflater.Read(buffer);
        _inflated += read;
        if (read == 0 && !buffer.IsEmpty) _ended = true;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inflater.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Passes the compressed bytes through, keeping the last eight (the trailer of a complete file).</summary>
    private sealed class TailKeeper(Stream inner) : ForwardReadStream
    {
        private readonly byte[] _tail = new byte[TrailerLength];
        private bool _drained;

        public long Total { get; private set; }

        public uint TrailerSize => BinaryPrimitives.ReadUInt32LittleEndian(Last(4));

        /// <summary>Reads what the decompressor left unread, so that the tail is the input's real end.</summary>
        public void Drain()
        {
            if (_drained) return;
            var buffer = new byte[8192];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }
            _drained = true;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            if (read >= TrailerLength)
            {
                buffer.Slice(read - TrailerLength, TrailerLength).CopyTo(_tail);
            }
            else if (read > 0)
            {
                // Shift the kept tail left and append the few new bytes.
                _tail.AsSpan(read).CopyTo(_tail);
                buffer[..read].CopyTo(_tail.AsSpan(TrailerLength - read));
            }
            Total += read;
            return read;
        }

        private ReadOnlySpan<byte> Last(int count) => _tail.AsSpan(TrailerLength - count, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
