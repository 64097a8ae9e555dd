namespace Sitrep.Store;

/// <summary>A store that cannot be used as asked (unreachable server, newer schema, unreadable file), in words for the user.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
