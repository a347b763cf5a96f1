namespace Parry.Ingest.Tests.Support;

/// <summary>
/// A stream of <paramref name="length"/> bytes made on the fly: <paramref name="prefix"/>, then
/// <paramref name="filler"/> repeated, then <paramref name="suffix"/>. Lets tests feed gigabytes of hostile input
/// without writing them anywhere.
/// </summary>
internal sealed class GeneratedStream(byte[] prefix, byte filler, long length, byte[]? suffix = null) : Stream
{
    private readonly byte[] _suffix = suffix ?? [];
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < length)
        {
            var target = buffer[written..];
            int n;
            if (_position < prefix.Length)
            {
                n = Math.Min(target.Length, prefix.Length - (int)_position);
                prefix.AsSpan((int)_position, n).CopyTo(target);
            }
            else if (_position >= length - _suffix.Length)
            {
                var at = (int)(_position - (length - _suffix.Length));
                n = Math.Min(target.Length, _suffix.Length - at);
                _suffix.AsSpan(at, n).CopyTo(target);
            }
            else
            {
                n = (int)Math.Min(target.Length, length - _suffix.Length - _position);
                target[..n].Fill(filler);
            }
            written += n;
            _position += n;
        }
        return written;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
