namespace Sitrep.Readers;

/// <summary>
/// A read-only stream that first returns bytes already read (the head used to sniff the format) and then
/// the rest of the underlying stream, so that sniffing never needs a seekable input. Owns the underlying stream.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : ForwardReadStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var taken = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, taken).CopyTo(buffer);
            _position += taken;
            return taken;
        }
        return rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
