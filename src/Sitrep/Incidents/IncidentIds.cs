using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Incidents;

/// <summary>
/// An incident's id, from its earliest report (publication, then document id, then event id): the same documents
/// give the same ids whatever order they were read in, and an incident keeps its id as later reports join it.
/// </summary>
public static class IncidentIds
{
    public static string From(string documentId, string eventId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(documentId + "\u001f" + eventId));
        return "i-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
