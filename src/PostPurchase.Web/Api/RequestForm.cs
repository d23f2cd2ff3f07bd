using Microsoft.AspNetCore.Http;

namespace PostPurchase.Web.Api;

/// <summary>Reads a posted form so that a body which is not one (wrong content type, a multipart without its boundary, broken encoding) is the caller's 400, not our 500.</summary>
public static class RequestForm
{
    /// <summary>The form, or null when the request does not carry a readable one.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return null;
        }
        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            // What the form reader throws for a body that breaks its own format; the framework's form binding answers 400 for it too.
            return null;
        }
    }

    /// <summary>The problem answered for a body that is not a readable form.</summary>
    public static IResult Unreadable() =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "Unreadable form", "The body must be a form (application/x-www-form-urlencoded or multipart/form-data with its boundary).");
}
